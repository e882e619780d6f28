// Two questions a person answers in one decision, asked as one (issue 19): where the mini-program is
// listed and whether it is a mini-program or a mini-game — 「微信小游戏」 is one tap. While both are
// still to ask, the page asks their pair instead: each option is one combination, worded with the
// two questions' own option labels, and answering it sets both answers, which keep their own keys
// (links, saved answers, the engine). Answered apart (a preset platform, a change link), each is
// asked on its own. Counted as one question (the flows' figures; tests/flow_stop.rs does the same).

/** @typedef {import('./types.js').Question} Question */

/** The pairs, the first question's options first. */
export const PAIRS = /** @type {const} */ ([['platform', 'product']]);

/**
 * The questions by id, with the pair questions in this language beside them.
 * @param {Question[]} qs
 * @param {import('./types.js').Translate} t
 * @param {import('./types.js').Lang} lang
 * @returns {Map<string, Question>}
 */
export function questionsById(qs, t, lang) {
  const byId = new Map(qs.map((q) => [q.id, q]));
  for (const [a, b] of PAIRS) {
    const qa = byId.get(a);
    const qb = byId.get(b);
    if (!qa || !qb) continue;
    const join = (/** @type {string} */ x, /** @type {string} */ y) => (lang === 'en' ? `${x} ${y.toLowerCase()}` : x + y);
    const options = qa.options.flatMap((x) => qb.options.map((y) => ({ id: `${x.id}+${y.id}`, label: join(x.label, y.label) })));
    const help = [qa.help, qb.help].filter(Boolean).join(lang === 'en' ? ' ' : '');
    byId.set(`${a}+${b}`, { id: `${a}+${b}`, kind: 'one_of', text: t(`q.pair.${a}`), help, not_sure: false, options, sets: [a, b] });
  }
  return byId;
}

/**
 * Question ids with each pair whose two questions are both in the list put as one, where the first
 * of the two was: the questions to ask (the pair asked while both are left), or those answered (for
 * the progress count).
 * @param {string[]} ids
 * @returns {string[]}
 */
export function asPairs(ids) {
  let out = ids;
  for (const [a, b] of PAIRS) {
    const i = out.indexOf(a);
    const j = out.indexOf(b);
    if (i < 0 || j < 0) continue;
    const at = Math.min(i, j);
    out = out.filter((id, k) => k === at || (id !== a && id !== b)); // the first of the two stays at `at`
    out[at] = `${a}+${b}`;
  }
  return out;
}

/**
 * A pair question's answer from its two answers (undefined unless both are answered), and the two
 * answers [question id, option id] an option of it sets.
 * @param {Question & {sets?: string[]}} q
 */
export const pairValue = (q, /** @type {import('./types.js').Answers} */ answers) => {
  const parts = (q.sets || []).map((k) => answers[k]);
  return parts.every((v) => typeof v === 'string' && v !== 'not_sure') ? parts.join('+') : undefined;
};
export const pairAnswers = (q, /** @type {string} */ value) => (q.sets || []).map((k, i) => [k, value.split('+')[i]]);
