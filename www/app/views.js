// The checker's views by name, and the props and callbacks each gets from the shell (`ops`): the one
// place that says which component draws which view. Each component declares the data-actions it
// handles in what it returns; the router's (view, goto-question, resume) work in every view.
import { renderStartPage } from '../components/start-page/start-page.js';
import { renderQuestionPage } from '../components/question-page/question-page.js';
import { renderAllQuestions } from '../components/all-questions/all-questions.js';
import { renderCheckAnswers } from '../components/check-answers/check-answers.js';
import { renderResults } from '../components/results-view/results-view.js';
import { renderChecklist } from '../components/checklist-view/checklist-view.js';
import { renderRejectionHelp } from '../components/rejection-help/rejection-help.js';

/** @typedef {import('./types.js').View} View */
/** @typedef {import('./types.js').Ctx} Ctx */
/** @typedef {import('./types.js').Rendered} Rendered */
/** @typedef {import('./types.js').Answers} Answers */
/** @typedef {import('./types.js').AnswerValue} AnswerValue */
/** @typedef {import('./types.js').Cause} Cause */

/**
 * What the shell lets views do.
 * @typedef {object} Ops
 * @property {(qid: string, value: AnswerValue|undefined) => void} answer set or clear one answer
 * @property {(qid: string) => void} skip leave a question unanswered on purpose
 * @property {(qid: string, returnTo?: View['returnTo']) => void} next after Continue
 * @property {(qid: string) => void} back to the question before
 * @property {(view: View) => void} go
 * @property {() => void} startOver
 * @property {(answers: Answers) => import('./types.js').Report} evaluate what-if's reports
 * @property {() => string} link the share link
 * @property {() => Promise<void>} withDetails resolves once the sources' texts are here (or failed)
 * @property {() => void} print
 * @property {(id: string, done: boolean) => void} tick
 * @property {() => Promise<unknown>} causesReady
 * @property {(text: string) => Promise<Cause[]>} diagnose
 * @property {{text: string, causes: Cause[]|null}} diagnosis the rejection help's last text and causes
 */

/** @type {Record<string, (view: View, ctx: Ctx, ops: Ops) => Rendered>} */
const VIEWS = {
  start: (v, ctx, ops) =>
    renderStartPage(
      { t: ctx.t, hasAnswers: Object.keys(ctx.answers).length > 0, reviewed: ctx.catalogue ? ctx.catalogue.reviewed || '' : null },
      { startOver: ops.startOver },
    ),
  question: (v, ctx, ops) => renderQuestionPage(ctx, { qid: v.qid || '', returnTo: v.returnTo }, ops),
  all: (v, ctx, ops) => renderAllQuestions(ctx, ops),
  summary: (v, ctx, ops) => renderCheckAnswers(ctx, ops),
  results: (v, ctx, ops) => renderResults(ctx, ops),
  checklist: (v, ctx, ops) => renderChecklist(ctx, ops),
  diagnose: (v, ctx, ops) =>
    renderRejectionHelp(ctx, ops.diagnosis, {
      ready: ops.causesReady,
      diagnose: ops.diagnose,
      keep: (text, causes) => Object.assign(ops.diagnosis, { text, causes }),
    }),
};

/**
 * Draw a view.
 * @param {View} view
 * @param {Ctx} ctx
 * @param {Ops} ops
 * @returns {Rendered}
 */
export function renderView(view, ctx, ops) {
  return (VIEWS[view.name] || VIEWS.start)(view, ctx, ops);
}
