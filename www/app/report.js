// What the page reads from a report, shared by the results, the status line and the Markdown copy.

/** The result groups, in the order the results show them. */
export const GROUPS = ['required', 'needs_confirming', 'possible', 'not_accepted', 'not_needed'];
/** The layers a group is split by: law, the mini-program's own filing, the platform's review. */
export const LAYERS = ['law', 'filing', 'platform'];

/**
 * Items worth showing: "not needed" only when an answer ruled it out (not merely irrelevant).
 * @param {import('./types.js').Report} report
 * @returns {import('./types.js').Item[]}
 */
export function visibleItems(report) {
  return report.requirements.filter((it) => it.status !== 'not_needed' || (it.because && it.because.length));
}

/** @typedef {import('./types.js').Item & {held?: boolean, one_of_id?: string, apply?: {name: string, url?: string}}} Item */

/**
 * The questions an item's rules and problems read.
 * @param {Item} it
 * @returns {Set<string>}
 */
export function answersRead(it) {
  return new Set([...(it.because || []).flatMap((b) => b.answers || []), ...(it.problems || []).flatMap((p) => p.answers || [])]);
}

/** How many of the plan's steps the outcome shows first (the plan further down has the others). */
export const FIRST_STEPS = 3;

/** A problem that means the operator cannot get the item at all. */
const blocksCertainly = (/** @type {import('./types.js').Item['problems'][number]} */ p) => p.blocks && p.certain;

/**
 * What the outcome screen says, from the report alone: what blocks the listing (and whether it is the
 * entity, the platform or a licence out of reach), what is closed to a personal account, how many
 * things there are to do (a one-of group once, what the operator already holds apart) and the rest
 * of the items by kind. Items written for other platforms than the user's are left out.
 * @param {import('./types.js').Report} report
 * @param {import('./types.js').Catalogue} catalogue
 * @param {import('./types.js').Answers} answers
 */
export function outcome(report, catalogue, answers) {
  const platform = answers.platform;
  const ours = (/** @type {Item} */ it) => {
    const ps = /** @type {string[]|undefined} */ (catalogue.requirements[it.id]?.platforms);
    return !platform || !ps || !ps.length || ps.includes(String(platform));
  };
  const items = /** @type {Item[]} */ (visibleItems(report)).filter(ours);
  const live = items.filter((it) => it.status !== 'not_needed');
  const byEntity = (/** @type {Item} */ it) =>
    it.status === 'not_accepted' ? answersRead(it).has('entity') : (it.problems || []).some((p) => blocksCertainly(p) && (p.answers || []).includes('entity'));
  // A personal account is told once, at the top, what is closed to it (not on every card).
  const personal = answers.entity === 'individual' ? live.filter(byEntity) : [];
  const blockers = live
    .filter((it) => !personal.includes(it) && (it.status === 'not_accepted' || (it.status === 'required' && (it.problems || []).some(blocksCertainly))))
    .map((it) => ({
      item: it,
      kind: byEntity(it) ? 'entity' : it.status === 'not_accepted' && answersRead(it).has('platform') ? 'platform' : it.status === 'not_accepted' ? 'other' : 'licence',
      text:
        it.status === 'not_accepted'
          ? it.because.map((b) => catalogue.rules?.[b.rule]?.text).find(Boolean) || ''
          : (it.problems || []).find(blocksCertainly)?.text || '',
    }));
  const required = live.filter((it) => it.status === 'required');
  const todo = required.filter((it) => !it.held);
  // A one-of group is one thing to do, whichever member the operator picks.
  const groups = new Set(todo.map((it) => it.one_of_id || (it.one_of && it.one_of.length ? [...new Set([it.id, ...it.one_of])].sort().join(' ') : it.id)));
  const possible = live.filter((it) => it.status === 'possible');
  return {
    blockers,
    personal,
    required,
    todo: groups.size,
    held: required.length - todo.length,
    possible,
    possibleQuestions: new Set(possible.flatMap((it) => it.settle || [])).size,
    confirming: live.filter((it) => it.status === 'needs_confirming'),
    notAccepted: live.filter((it) => it.status === 'not_accepted'),
    // Not needed because of what the user does, not merely because it is another platform's or product's.
    notNeeded: items.filter((it) => it.status === 'not_needed' && [...answersRead(it)].some((q) => q !== 'platform' && q !== 'product')),
  };
}

/**
 * Plan steps with their durations read safely: a step whose finish is unknown (null, or 0 days for
 * a requirement without a lead time) is `unknown`; the total is a lower bound that leaves those out.
 * @param {import('./types.js').Report} report
 * @param {import('./types.js').Catalogue} catalogue
 */
export function planSteps(report, catalogue) {
  const items = new Map(report.requirements.map((i) => [i.id, /** @type {Item} */ (i)]));
  const steps = (report.plan?.steps || [])
    .filter((s) => !items.get(s.id)?.held)
    .map((s) => {
      const r = catalogue.requirements[s.id];
      const start = /** @type {[number, number]|null} */ (s.start || null);
      const finish = /** @type {[number, number]|null} */ (s.finish || null);
      // The engine says which lead times are unknown (lead_time null); a report without that field:
      // no finish, or none of its own and zero days.
      const unknown =
        'lead_time' in s ? s.lead_time === null : !finish || (!r?.lead_time && (!start || (finish[0] === start[0] && finish[1] === start[1])));
      return { ...s, item: items.get(s.id), unknown };
    });
  const total = /** @type {[number, number]|null} */ (report.plan?.total || null);
  // The steps to do first: the earliest ones the operator can take (not one out of their reach).
  const reachable = steps.filter((s) => !(s.item?.problems || []).some(blocksCertainly));
  return { steps, total, unknown: steps.filter((s) => s.unknown), first: reachable.slice(0, FIRST_STEPS) };
}
