// All questions on one page (wide screens, opt-in): every field stays in the DOM and is shown or
// hidden as the answers change, so focus never jumps while the user works down the page.
import { h } from '../dom.js';
import { buildField } from '../question-field/question-field.js';

/**
 * @param {import('../../app/types.js').Ctx} ctx
 * @param {{answer: (qid: string, value: import('../../app/types.js').AnswerValue|undefined) => void}} on
 * @returns {import('../../app/types.js').Rendered}
 */
export function renderAllQuestions(ctx, on) {
  const { t } = ctx;
  const page = h('div', { class: 'all-questions' });
  page.appendChild(h('h2', { class: 'page-heading', text: t('all.title') }));
  page.appendChild(h('p', { class: 'hint', text: t('all.intro') }));
  const form = h('form', { class: 'question-form', attrs: { novalidate: true } });
  const fields = new Map();
  let changing = null;
  const sync = () => {
    const asked = new Set(ctx.asked());
    for (const [qid, f] of fields) {
      f.el.hidden = !asked.has(qid);
      if (!f.el.hidden && qid !== changing) f.refresh();
    }
  };
  for (const q of ctx.qs.filter((x) => !x.on_results)) { // what is held: on the results page
    const field = buildField(q, ctx.answers[q.id], ctx, {
      headingLevel: 3,
      onChange: () => {
        changing = q.id;
        const r = field.read();
        if (!r.ok) {
          // An unfinished number or an empty selection: show why, keep the old answer.
          if (q.kind === 'number') field.showError(r.error);
          else {
            field.showError(null);
            on.answer(q.id, undefined);
          }
        } else {
          field.showError(null);
          on.answer(q.id, r.unanswered ? undefined : r.value);
        }
        sync();
        changing = null;
      },
    });
    field.el.classList.add('card');
    fields.set(q.id, field);
    form.appendChild(field.el);
  }
  ctx.on(form, 'submit', (e) => e.preventDefault());
  page.appendChild(form);
  page.appendChild(h('div', { class: 'actions' }, h('button', { class: 'button primary', text: t('all.toSummary'), attrs: { type: 'button', 'data-action': 'view', 'data-view': 'summary' } })));
  sync();
  return { el: page, focus: () => page.querySelector('.page-heading'), sync };
}
