// Questions folded into others (issue 19: fewer, honest questions). A link or saved answers made
// before still open with the same meaning: the old question's options are now options of the
// question it joined (ids unchanged), so its answer joins that answer.
//   both lists            → one list (each option once)
//   either "not sure"     → "not sure" (nothing is assumed about either)
//   only the old question → left out: the joined question is asked again (its other options were
//                           never answered, and an answer would say "none of them")
// An answer to the joined question alone is read as it is.

/** Old question id → the question it was folded into. */
export const FOLDED = Object.freeze({ special_goods: 'goods', communication: 'content' });

/**
 * Folds the old questions' answers in `old` into `answers` (changed in place).
 * @param {Record<string, unknown>} answers today's answers, already checked
 * @param {Record<string, unknown>} old answers of folded questions, by old id (lists of option ids or "not_sure")
 * @returns {string[]} the old ids whose answer was left out (the joined question unanswered)
 */
export function foldAnswers(answers, old) {
  const unused = [];
  for (const [from, into] of Object.entries(FOLDED)) {
    if (!(from in old)) continue;
    const a = answers[into];
    const b = old[from];
    if (a === undefined) {
      unused.push(from);
      continue;
    }
    if (a === 'not_sure' || b === 'not_sure') answers[into] = 'not_sure';
    else if (Array.isArray(a) && Array.isArray(b)) answers[into] = [...new Set([...a, ...b.filter((x) => typeof x === 'string')])];
  }
  return unused;
}

/**
 * The question an old id was folded into, if it was.
 * @param {string} id
 * @returns {string|undefined}
 */
export function foldedInto(id) {
  return Object.prototype.hasOwnProperty.call(FOLDED, id) ? FOLDED[/** @type {keyof typeof FOLDED} */ (id)] : undefined;
}
