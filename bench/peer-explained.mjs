// Context for part c of bench/run.mjs, not the guardrail's peer. ../shared/bench/peers.cjs's plain
// interpreter returns the ids of the rules that hold; our engine's report says, for every rule's
// requirement, its status and the answers that decided it, and cites those answers. This is plain
// JS giving that much for a workload such as synthetic-200 (facts all answered, rules all-of leaves
// and any-of groups), in the report's shape: an all-of stops at its first false part and cites it,
// else cites every part; an any-of the reverse (as src/engine/eval.rs does). Nothing else of the
// engine (unknown answers, groups, eligibility, checklist, next questions, plan), so it is the
// least work that gives the same facts, and the ratio beside it is a floor, not a like-for-like.

/** Whether condition c holds of the facts; the facts that decided it are pushed onto why. */
function test(c, facts, why) {
  if (c.any) {
    const start = why.length;
    for (const x of c.any) {
      const at = why.length;
      if (test(x, facts, why)) {
        why.splice(start, at - start); // a part that holds decides an any-of alone
        return true;
      }
    }
    return false;
  }
  why.push(c.fact);
  const v = facts[c.fact];
  switch (c.op) {
    case 'equal': return v === c.value;
    case 'greaterThan': return v > c.value;
    case 'lessThanInclusive': return v <= c.value;
    case 'in': return c.value.includes(v);
    default: throw new Error(`unknown op ${c.op}`);
  }
}

/** The workload's rules with their requirement's and rule's ids made once, as our rule base has them. */
export const prepare = (rules) => rules.map((r) => ({ req: `req-${r.id.toLowerCase()}`, rule: `rule-${r.id.toLowerCase()}`, all: r.all }));

/** @param {ReturnType<typeof prepare>} rules @param {Record<string, unknown>} facts */
export function explain(rules, facts) {
  const cited = {};
  const requirements = rules.map((r) => {
    let holds = true;
    const why = [];
    for (const c of r.all) {
      const at = why.length;
      if (!test(c, facts, why)) {
        why.splice(0, at); // a false part decides an all-of alone
        holds = false;
        break;
      }
    }
    const answers = [];
    for (const a of why) {
      if (!answers.includes(a)) answers.push(a);
      cited[a] = facts[a];
    }
    const status = holds ? 'required' : 'not_needed';
    return { id: r.req, layer: 'law', status, because: [{ rule: r.rule, answers }], settle: [], problems: [] };
  });
  return { flow: { asked: Object.keys(facts), next: null, unsure: [] }, requirements, checklist: [], next_questions: [], answers: cited };
}
