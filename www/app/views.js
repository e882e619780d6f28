// The checker's views by name, and the props and callbacks each gets from the shell (`ops`): the one
// place that says which component draws which view. Each component declares the data-actions it
// handles in what it returns; the router's (view, goto-question, resume) work in every view.
import { renderStartPage } from '../components/start-page/start-page.js';
import { renderQuestionPage } from '../components/question-page/question-page.js';
import { renderAllQuestions } from '../components/all-questions/all-questions.js';
import { loadPicker, mayNeedPicker } from '../components/question-field/picker.js';
import { renderCheckAnswers } from '../components/check-answers/check-answers.js';
import { renderResults } from '../components/results-view/results-view.js';

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
 * @property {(pairs: [string, AnswerValue][]) => void} answerEach set several answers as one change (app/pairs.js)
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
  checklist: (v, ctx, ops) => /** @type {NonNullable<typeof lazy.checklist>} */ (lazy.checklist).renderChecklist(ctx, ops),
  diagnose: (v, ctx, ops) =>
    /** @type {NonNullable<typeof lazy.diagnose>} */ (lazy.diagnose).renderRejectionHelp(ctx, ops.diagnosis, {
      ready: ops.causesReady,
      diagnose: ops.diagnose,
      keep: (text, causes) => Object.assign(ops.diagnosis, { text, causes }),
    }),
};

/**
 * Components a first result does not show are modules of their own, imported when a view first needs
 * them (in dist/ each is bundled on its own by scripts/assemble.mjs): the checklist (which waits for
 * categories.<lang>.json anyway), the rejection help (which waits for its causes), and the category
 * picker (for a category question, which waits for the catalogue anyway). Literal specifiers, so
 * that bundlers and tests/node/dist.test.mjs see them.
 */
const LAZY = {
  checklist: { file: 'components/checklist-view/checklist-view.js', load: () => import('../components/checklist-view/checklist-view.js') },
  diagnose: { file: 'components/rejection-help/rejection-help.js', load: () => import('../components/rejection-help/rejection-help.js') },
};
/** The lazy views' modules, once imported (once per page, like wasm-loader.js's files). */
const lazy = /** @type {{checklist?: typeof import('../components/checklist-view/checklist-view.js'),
  diagnose?: typeof import('../components/rejection-help/rejection-help.js')}} */ ({});

/**
 * Import what a view needs and is not here yet: null when it is all here, else the import and the
 * file it fetches (to name it when it does not load). A failed import may be tried again.
 * @param {View} view
 * @param {Map<string, import('./types.js').Question>} qsById
 * @returns {{loading: Promise<void>, file: string}|null}
 */
export function loadView(view, qsById) {
  const entry = /** @type {Record<string, {file: string, load: () => Promise<unknown>}>} */ (LAZY)[view.name];
  if (entry && !(/** @type {Record<string, unknown>} */ (lazy))[view.name]) {
    return { file: entry.file, loading: entry.load().then((m) => void (/** @type {Record<string, unknown>} */ (lazy)[view.name] = m)) };
  }
  const picker = (view.name === 'question' && mayNeedPicker(qsById.get(view.qid || ''))) || (view.name === 'all' && [...qsById.values()].some(mayNeedPicker));
  const loading = picker ? loadPicker() : null;
  return loading && { file: 'components/category-picker/category-picker.js', loading };
}

/**
 * Draw a view (loadView must have resolved for it).
 * @param {View} view
 * @param {Ctx} ctx
 * @param {Ops} ops
 * @returns {Rendered}
 */
export function renderView(view, ctx, ops) {
  return (VIEWS[view.name] || VIEWS.start)(view, ctx, ops);
}
