// The tick-list of what the operator already holds (held-offer.js draws the disclosure and imports
// this when it is opened): the licences and filings this result requires, ticked ones kept.
// Updating sets the answer (kept in saved answers and share links like any other) and draws the
// results again: what is held shows as done ("已有") and leaves the plan.
import { h } from '../dom.js';

/**
 * @param {import('../../app/types.js').Ctx} ctx
 * @param {import('./held-offer.js').HeldOps} on
 * @param {import('../../app/types.js').Question} q the question offered on the results (`held`)
 * @param {{id: string, label: string}[]} options the options to offer (held-offer.js heldOptions)
 * @returns {HTMLElement}
 */
export function renderHeldForm(ctx, on, q, options) {
  const { t } = ctx;
  const value = ctx.answers[q.id];
  const ticked = new Set(Array.isArray(value) ? value : []);
  const hintId = ctx.uid('held', 'hint');
  const list = h(
    'div',
    { class: 'checkboxes' },
    options.map((o) => {
      const id = ctx.uid('held', o.id);
      const input = h('input', { class: 'choice-input', attrs: { type: 'checkbox', id, name: 'held', value: o.id } });
      /** @type {HTMLInputElement} */ (input).checked = ticked.has(o.id);
      return h('div', { class: 'choice' }, input, h('label', { class: 'choice-label', attrs: { for: id }, text: o.label }));
    }),
  );
  const form = h(
    'form',
    { class: 'held-form', attrs: { novalidate: true } },
    h('fieldset', { class: 'field', attrs: { 'data-question': q.id, 'aria-describedby': hintId } }, h('legend', { class: 'visually-hidden', text: q.text }), h('p', { class: 'hint', attrs: { id: hintId }, text: q.help || '' }), list),
    h('button', { class: 'button secondary', text: t('held.update'), attrs: { type: 'submit' } }),
  );
  ctx.on(form, 'submit', (e) => {
    e.preventDefault();
    const ids = [...form.querySelectorAll('input:checked')].map((i) => /** @type {HTMLInputElement} */ (i).value);
    on.answer(q.id, ids);
    on.go({ name: 'results' }); // drawn again: what is held shows as done and leaves the plan
  });
  return form;
}
