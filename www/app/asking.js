// Which questions the checker asks, from the engine's report: those asked for these answers, those
// still to ask — the engine's ranked next questions that can change a result, unanswered and not
// skipped, best first (none: the questions stop, and the results are complete) — and those the
// reader has answered or skipped (the check-answers list). Before the engine's first report, the
// questions always asked, in order. A question offered on the results page (`on_results`: what the
// operator already holds) is never one to ask (components/held-list). Two questions of a pair, both
// left, are asked as one (app/pairs.js).

import { asPairs } from './pairs.js';

/** @typedef {import('./types.js').Report} Report */
/** @typedef {import('./types.js').Question} Question */
/** @typedef {{answers: import('./types.js').Answers, skipped: Set<string>}} Given */

/**
 * @param {Report|null} report
 * @param {Question[]} qs
 * @param {boolean} engine whether the engine has arrived
 * @returns {string[]}
 */
export function asked(report, qs, engine) {
  if (report && report.flow) return report.flow.asked;
  return qs.filter((q) => engine || !q.ask_when).map((q) => q.id);
}

/**
 * @param {Report|null} report
 * @param {Question[]} qs
 * @param {boolean} engine
 * @param {Given} given
 * @returns {string[]}
 */
export function toAsk(report, qs, engine, given) {
  const later = new Set(qs.filter((q) => q.on_results).map((q) => q.id));
  const open = (/** @type {string} */ id) => given.answers[id] === undefined && !given.skipped.has(id) && !later.has(id);
  if (!report || !report.flow) return asPairs(asked(report, qs, engine).filter(open));
  const now = new Set(report.flow.asked);
  return asPairs(report.next_questions.map((n) => n.id).filter((id) => now.has(id) && open(id)));
}

/**
 * @param {Report|null} report
 * @param {Question[]} qs
 * @param {boolean} engine
 * @param {Given} given
 * @returns {string[]}
 */
export function path(report, qs, engine, given) {
  return asked(report, qs, engine).filter((id) => given.answers[id] !== undefined || given.skipped.has(id));
}
