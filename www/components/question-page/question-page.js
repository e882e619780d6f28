// One question per page (the phone flow): back link, the question as the page heading,
// Continue, and an error summary that takes focus when nothing was chosen.
import { h, button, focusEl } from '../dom.js';
import { buildField, isCategoryQuestion } from '../question-field/question-field.js';
import { asPairs, pairValue, pairAnswers } from '../../app/pairs.js';

/** @typedef {import('../../app/types.js').View} View */

/**
 * @param {import('../../app/types.js').Ctx} ctx
 * @param {{qid: string, returnTo?: View['returnTo']}} props returnTo: the view to go back to after
 *   Continue (check answers or results), else the next question follows
 * @param {{answer: (qid: string, value: import('../../app/types.js').AnswerValue|undefined) => void,
 *   answerEach: (pairs: [string, import('../../app/types.js').AnswerValue][]) => void,
 *   skip: (qid: string) => void, next: (qid: string, returnTo?: View['returnTo']) => void,
 *   back: (qid: string) => void, go: (view: View) => void}} on
 * @returns {import('../../app/types.js').Rendered}
 */
export function renderQuestionPage(ctx, { qid, returnTo }, on) {
  const { t } = ctx;
  const q = /** @type {import('../../app/types.js').Question} */ (ctx.qsById.get(qid));
  // Progress, not a count of results: how many questions so far, and a bar that grows towards the
  // end (the questions still to ask are an estimate: answers may make some unnecessary).
  const done = asPairs(ctx.path()).filter((id) => id !== qid).length;
  // A pair of questions asked as one (app/pairs.js): its answer is its two answers.
  const value = q.sets ? pairValue(q, ctx.answers) : ctx.answers[qid];
  const left = ctx.toAsk().filter((id) => id !== qid).length;
  const page = h('div', { class: 'question-page' });
  page.appendChild(
    h('button', { class: 'back-link', text: t('nav.back'), attrs: { type: 'button', 'data-action': returnTo ? 'view' : 'back', 'data-view': returnTo || '', 'data-qid': qid } }),
  );
  page.appendChild(
    h('div', { class: 'progress' }, h('span', { text: t('q.progress', { n: done + 1 }) }), h('progress', { attrs: { max: String(done + 1 + left), value: String(done + 1), 'aria-hidden': 'true' } })),
  );
  const summarySlot = h('div');
  page.appendChild(summarySlot);
  const field = buildField(q, value, ctx, { headingLevel: 2, pageHeading: true });
  const form = h('form', { class: 'question-form', attrs: { novalidate: true } }, field.el);
  const actions = h('div', { class: 'actions' }, button(returnTo ? t('q.saveReturn') : t('q.continue'), null, { type: 'submit' }));
  const category = isCategoryQuestion(q, ctx);
  if (category || q.kind === 'several_of' || value !== undefined) {
    // Category question: may be skipped. Others: an answer may be cleared to make it unknown again.
    if (category) actions.appendChild(button(t('q.skip'), 'skip', { kind: 'secondary', data: { qid } }));
  }
  form.appendChild(actions);
  if (!category && !q.sets && value !== undefined) {
    form.appendChild(h('p', {}, h('button', { class: 'link', text: t('q.clear'), attrs: { type: 'button', 'data-action': 'clear-answer', 'data-qid': qid } })));
  }
  page.appendChild(form);
  ctx.on(form, 'submit', (e) => {
    e.preventDefault();
    const r = field.read();
    if (!r.ok) {
      field.showError(r.error);
      const summary = errorSummary(t, r.error, () => focusEl(field.focusTarget()));
      summarySlot.replaceChildren(summary);
      focusEl(summary);
      return;
    }
    if (r.unanswered) on.skip(qid);
    else if (q.sets) on.answerEach(pairAnswers(q, String(r.value)));
    else on.answer(qid, r.value);
    on.next(qid, returnTo);
  });
  const handlers = {
    back: () => on.back(qid),
    skip: () => {
      on.skip(qid);
      on.next(qid, returnTo);
    },
    'clear-answer': () => {
      on.answer(qid, undefined);
      on.go({ name: 'question', qid, returnTo });
    },
  };
  return { el: page, focus: () => focusEl(field.el.querySelector('.page-heading')), actions: handlers };
}

/**
 * GOV.UK error summary: a heading, then each problem as a link to its field.
 * @param {import('../../app/types.js').Translate} t
 * @param {string} message
 * @param {() => void} onClick
 */
export function errorSummary(t, message, onClick) {
  const link = h('button', { class: 'link error-link', text: message, attrs: { type: 'button' } });
  link.addEventListener('click', onClick);
  return h(
    'div',
    { class: 'error-summary', attrs: { role: 'alert', tabindex: '-1' } },
    h('h2', { class: 'error-summary-title', text: t('error.summaryTitle') }),
    h('ul', { class: 'error-list' }, h('li', {}, link)),
  );
}
