// Questions folded into others (issue 19: fewer, honest questions). A link or saved answers made
// before still open with the same meaning: the old question's options are now options of the
// question it joined (ids unchanged), so its answer joins that answer; a yes/no question became one
// option of it (yes: that option; no: none).
//   both answered          → one list (each option once)
//   either "not sure"      → "not sure" (nothing is assumed about either)
//   only the old question  → left out: the joined question is asked again (its other options were
//                            never answered, and an answer would say "none of them")
// An answer to the joined question alone is read as it is.

/** Old question id → [the question it joined, the option a yes/no one became]. */
export const FOLDED = Object.freeze({ special_goods: ['goods'], communication: ['content'], personalised_feed: ['content', 'personalised_feed'] });

/**
 * The question an old id was folded into, if it was.
 * @param {string} id
 */
export const foldedInto = (id) => (Object.prototype.hasOwnProperty.call(FOLDED, id) ? FOLDED[/** @type {keyof typeof FOLDED} */ (id)][0] : undefined);

/**
 * An old question's answer in the joined question's form (a yes/no one as a list), unchecked.
 * @param {string} id the old question id
 * @param {unknown} v its answer: as saved (true / false) or as in a link ("yes" / "no" / "a,b")
 */
export function oldValue(id, v) {
  const option = FOLDED[/** @type {keyof typeof FOLDED} */ (id)][1];
  if (v === 'not_sure') return v;
  if (option) return v === true || v === 'yes' ? [option] : v === false || v === 'no' ? [] : undefined;
  return typeof v === 'string' ? (v ? v.split(',') : []) : v;
}

/**
 * Folds the old questions' answers in `old` into `answers` (changed in place).
 * @param {Record<string, unknown>} answers today's answers, already checked
 * @param {Record<string, unknown>} old answers of folded questions, by old id, checked as the joined question's
 * @returns {string[]} the old ids whose answer was left out (the joined question unanswered)
 */
export function foldAnswers(answers, old) {
  const unused = [];
  for (const [from, b] of Object.entries(old)) {
    const into = /** @type {string} */ (foldedInto(from));
    const a = answers[into];
    if (a === undefined) unused.push(from);
    else if (a === 'not_sure' || b === 'not_sure') answers[into] = 'not_sure';
    else answers[into] = [...new Set([.../** @type {string[]} */ (a), .../** @type {string[]} */ (b)])];
  }
  return unused;
}
