// Turns the shared synthetic workload (../shared/bench/synthetic-200.json: facts, rules with
// all/any leaf conditions, expected matches) and generated workloads of any size into mpcheck rule
// files (TOML, the format of rules/README.md), answers and the expected matches.
//   facts → questions: booleans yes_no, integers number, enums one_of with options a..e;
//   each rule → a [[rule]] whose `when` is the all/any condition and which `require`s its own
//   requirement; a rule matches when its requirement comes out "required".
// Loaded through the bench-only entry point (cargo feature `bench`, LoadOptions::BENCH: structure
// checked, sources and translations not required).

const OPS = { greaterThan: '>', lessThanInclusive: '<=' };

function leaf(c) {
  if (c.any) return `(${c.any.map(leaf).join(' or ')})`;
  switch (c.op) {
    case 'equal':
      if (typeof c.value === 'boolean') return c.value ? c.fact : `not ${c.fact}`;
      if (typeof c.value === 'number') return `${c.fact} == ${c.value}`;
      return `${c.fact} == "${c.value}"`;
    case 'greaterThan':
    case 'lessThanInclusive':
      return `${c.fact} ${OPS[c.op]} ${c.value}`;
    case 'in':
      return `${c.fact} in [${c.value.map((v) => JSON.stringify(v)).join(', ')}]`;
    default:
      throw new Error(`unknown op ${c.op}`);
  }
}

/** Rule id in the workload → ids in our rule base (lower-case, as rules/README.md asks). */
export const ruleId = (id) => `rule-${id.toLowerCase()}`;
export const reqId = (id) => `req-${id.toLowerCase()}`;

/** { facts, rules } → TOML text of a complete rule base. */
export function toToml({ facts, rules }, { version = 'bench' } = {}) {
  const out = [`[meta]\nversion = "${version}"\nreviewed = "2026-11-28"\n`];
  for (const [id, v] of Object.entries(facts)) {
    out.push(`[[question]]\nid = "${id}"\nzh = "${id}"\nen = "${id}"`);
    if (typeof v === 'boolean') out.push('kind = "yes_no"\n');
    else if (typeof v === 'number') out.push('kind = "number"\nmin = 0\nmax = 1000\n');
    else {
      out.push('kind = "one_of"');
      out.push(`options = [${'abcde'.split('').map((o) => `{ id = "${o}", zh = "${o}", en = "${o}" }`).join(', ')}]\n`);
    }
  }
  for (const r of rules) {
    out.push(`[[requirement]]\nid = "${reqId(r.id)}"\nlayer = "law"\nkind = "licence"\nstep = "licence"\nzh = "要求 ${r.id}"\nen = "Requirement ${r.id}"\ndifficulty = "easy"\nconfidence = "unconfirmed"\n`);
  }
  for (const r of rules) {
    const when = r.all.map(leaf).join(' and ');
    out.push(`[[rule]]\nid = "${ruleId(r.id)}"\nwhen = '${when}'\nrequire = ["${reqId(r.id)}"]\nzh = "规则 ${r.id}"\nen = "Rule ${r.id}"\nconfidence = "unconfirmed"\n`);
  }
  return out.join('\n');
}

/** The ids of the workload's rules whose requirement the report has as required. */
export function matches(report) {
  return report.requirements
    .filter((i) => i.status === 'required')
    .map((i) => i.id.replace(/^req-/, ''))
    .map((id) => id.toUpperCase());
}

// The same evaluation as peers.cjs's plain interpreter, for generated workloads' expected matches.
function holds(c, f) {
  if (c.any) return c.any.some((x) => holds(x, f));
  const v = f[c.fact];
  switch (c.op) {
    case 'equal': return v === c.value;
    case 'greaterThan': return v > c.value;
    case 'lessThanInclusive': return v <= c.value;
    case 'in': return c.value.includes(v);
    default: throw new Error(`unknown op ${c.op}`);
  }
}
export const expectedMatches = ({ facts, rules }) => rules.filter((r) => r.all.every((c) => holds(c, facts))).map((r) => r.id);

/** A seeded random number generator (xorshift*): numbers in [0, 1) and integers below k. */
function random(seed) {
  let x = BigInt(seed) * 0x9e3779b97f4a7c15n & 0xffffffffffffffffn || 1n;
  const next = () => {
    x ^= x >> 12n; x ^= (x << 25n) & 0xffffffffffffffffn; x ^= x >> 27n;
    return Number(((x * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn) >> 11n) / 2 ** 53;
  };
  return { next, below: (k) => Math.floor(next() * k) };
}

/**
 * `count` sets of answers to the same facts, each value drawn at random (seeded; numbers below
 * 100, as the conditions' thresholds): answers that change on every call. Repeating one
 * evaluation lets the CPU's branch predictor learn a small rule base's every branch, which
 * flatters small rule bases against large ones.
 */
export function variedFacts(facts, count, seed = 11) {
  const { next, below } = random(seed);
  return Array.from({ length: count }, () =>
    Object.fromEntries(Object.entries(facts).map(([k, v]) =>
      [k, typeof v === 'boolean' ? next() < 0.5 : typeof v === 'number' ? below(100) : 'abcde'[below(5)]])));
}

/** A workload of `n` rules over the same 50 facts, shaped like synthetic-200 (seeded). */
export function generate(facts, n, seed = 7) {
  const { next, below } = random(seed);
  const names = Object.keys(facts);
  const cond = () => {
    const fact = names[below(names.length)];
    const v = facts[fact];
    // Mostly true of the facts, so rules match often enough to exercise the explanations.
    const keep = next() < 0.85;
    if (typeof v === 'boolean') return { fact, op: 'equal', value: keep ? v : !v };
    if (typeof v === 'number') {
      const t = below(100);
      return next() < 0.5 ? { fact, op: 'greaterThan', value: t } : { fact, op: 'lessThanInclusive', value: t };
    }
    const opts = 'abcde'.split('');
    if (next() < 0.5) return { fact, op: 'equal', value: keep ? v : opts[below(5)] };
    const set = opts.filter(() => next() < 0.5);
    return { fact, op: 'in', value: set.length ? set : [v] };
  };
  const rules = [];
  for (let i = 0; i < n; i++) {
    const all = Array.from({ length: 2 + below(3) }, cond);
    if (below(3) === 0) all.push({ any: [cond(), cond()] });
    rules.push({ id: `G${i}`, all });
  }
  return { facts, rules };
}
