// Check your answers: every question answered (or skipped) with the answer in its own words and a
// Change link that comes back here; Continue while questions that can change the result are left.
import { h } from '../dom.js';
import { answerWords } from '../../app/answers.js';

/**
 * @param {import('../../app/types.js').Ctx} ctx
 * @param {{startOver: () => void}} on
 * @returns {import('../../app/types.js').Rendered}
 */
export function renderCheckAnswers(ctx, on) {
  const { t } = ctx;
  const page = h('div', { class: 'check-answers' });
  page.appendChild(h('h2', { class: 'page-heading', text: t('summary.title') }));
  const asked = ctx.path();
  const unanswered = asked.filter((id) => ctx.answers[id] === undefined);
  const left = ctx.toAsk().length > 0;
  const dl = h('dl', { class: 'summary-list' });
  for (const qid of asked) {
    const q = ctx.qsById.get(qid);
    if (!q) continue;
    const v = ctx.answers[qid];
    dl.appendChild(
      h(
        'div',
        { class: 'summary-row' + (v === undefined ? ' unanswered' : '') },
        h('dt', { class: 'summary-key', text: q.text }),
        h('dd', { class: 'summary-value', text: answerWords(q, v, t, ctx.lang) }),
        h(
          'dd',
          { class: 'summary-action' },
          h('button', {
            class: 'link',
            attrs: { type: 'button', 'data-action': 'goto-question', 'data-qid': qid, 'data-return': 'summary' },
          }, v === undefined ? t('summary.answer') : t('summary.change'), h('span', { class: 'visually-hidden', text: ' ' + q.text })),
        ),
      ),
    );
  }
  page.appendChild(dl);
  if (unanswered.length) page.appendChild(h('p', { class: 'inset', text: t('summary.unanswered', { n: unanswered.length }) }));
  page.appendChild(
    h(
      'div',
      { class: 'actions' },
      left ? h('button', { class: 'button primary', text: t('start.continue'), attrs: { type: 'button', 'data-action': 'resume' } }) : null,
      h('button', { class: 'button ' + (left ? 'secondary' : 'primary'), text: t('summary.seeResults'), attrs: { type: 'button', 'data-action': 'view', 'data-view': 'results' } }),
      h('button', { class: 'button secondary', text: t('summary.startOver'), attrs: { type: 'button', 'data-action': 'start-over' } }),
    ),
  );
  return { el: page, focus: () => page.querySelector('.page-heading'), actions: { 'start-over': () => on.startOver() } };
}
