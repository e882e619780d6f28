// The one module that calls into the engine (the wasm module's exports, from wasm-loader.js): every
// report, diagnosis, question list and version the page shows comes through these functions, so a
// change of the engine's interface is adapted here and nowhere else. No state.
import { visibleItems } from './report.js';

/** @typedef {import('./types.js').Engine} Engine */
/** @typedef {import('./types.js').Report} Report */
/** @typedef {import('./types.js').Question} Question */
/** @typedef {import('./types.js').Answers} Answers */
/** @typedef {import('./types.js').Lang} Lang */

/**
 * The questions in one language, in asking order.
 * @param {Engine} engine
 * @param {Lang} lang
 * @returns {Question[]}
 */
export function questions(engine, lang) {
  return engine.questions(lang);
}

/**
 * The rule base's version.
 * @param {Engine} engine
 * @returns {string}
 */
export function version(engine) {
  return engine.version();
}

/**
 * The report for some answers (throws the engine's tagged error on answers it refuses).
 * @param {Engine} engine
 * @param {Answers} answers
 * @param {Lang} lang
 * @returns {Report}
 */
export function evaluate(engine, answers, lang) {
  return engine.evaluate(answers, lang);
}

/**
 * Likely causes of a pasted rejection message (the causes' texts must have been given: loadCauses).
 * @param {Engine} engine
 * @param {string} text
 * @param {Lang} lang
 * @returns {import('./types.js').Cause[]}
 */
export function diagnose(engine, text, lang) {
  return engine.diagnose(text, lang);
}

/**
 * The report for the reader's answers, never nothing: an answer the engine refuses (which
 * validation should have caught) is dropped and reported, any other error is reported with the
 * report of no answers (or the last one).
 * @param {Engine} engine
 * @param {Answers} answers changed in place when an answer is dropped
 * @param {Lang} lang
 * @param {Report|null} last
 * @returns {{report: Report, dropped: number, error: string|null}}
 */
export function evaluateSafely(engine, answers, lang, last) {
  let dropped = 0;
  for (;;) {
    try {
      return { report: evaluate(engine, answers, lang), dropped, error: null };
    } catch (e) {
      const bad = /** @type {{question?: string, message?: string}} */ (e || {}).question;
      if (bad && bad in answers) {
        delete answers[bad];
        dropped += 1;
        continue;
      }
      const message = String((e && /** @type {Error} */ (e).message) || e);
      return { report: last || evaluate(engine, {}, lang), dropped, error: message };
    }
  }
}

/**
 * The counts the status line and the screen-reader announcement show.
 * @param {Report|null} report
 * @returns {{required: number, possible: number, not_accepted: number}}
 */
export function counts(report) {
  const items = report ? visibleItems(report) : [];
  const c = (s) => items.filter((i) => i.status === s).length;
  return { required: c('required'), possible: c('possible'), not_accepted: c('not_accepted') };
}
