// What the operator already holds, offered on the results page rather than asked before it: the
// question marked `on_results` in rules/questions.toml (`held`). A tick-list, closed by default,
// of the licences and filings this result requires; ticking one and updating marks it as held
// ("已有"), done and out of the plan. It is an answer like any other (kept in saved answers and share
// links). An option is offered when the requirement of the same id is required here, or when it is
// ticked already (so that it can be unticked).
import { h } from '../dom.js';

/** @typedef {import('../../app/types.js').Ctx} Ctx */
/** @typedef {import('../../app/types.js').Question} Question */

/**
 * The options worth offering for `q` with this report: required here, or ticked.
 * @param {Question} q
 * @param {Ctx} ctx
 */
export function heldOptions(q, ctx) {
  const ticked = new Set(Array.isArray(ctx.answers[q.id]) ? /** @type {string[]} */ (ctx.answers[q.id]) : []);
  const required = new Set((ctx.report?.requirements || []).filter((it) => it.status === 'required').map((it) => it.id));
  return q.options.filter((o) => required.has(o.id) || ticked.has(o.id));
}

/**
 * @param {Ctx} ctx
 * @param {{answer: (qid: string, value: import('../../app/types.js').AnswerValue|undefined) => void,
 *   go: (view: import('../../app/types.js').View) => void}} on
 * @returns {HTMLElement|null} nothing when no question is offered on the results, or none of its options fits
 */
export function renderHeld(ctx, on) {
  const q = ctx.qs.find((x) => x.on_results && x.kind === 'several_of');
  if (!q) return null;
  const options = heldOptions(q, ctx);
  if (!options.length) return null;
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
    h('fieldset', { class: 'field', attrs: { 'data-question': q.id, 'aria-describedby': hintId } }, h('legend', { class: 'visually-hidden', text: q.text }), h('p', { class: 'hint', attrs: { id: hintId }, text: t('held.hint') }), list),
    h('button', { class: 'button secondary', text: t('held.update'), attrs: { type: 'submit' } }),
  );
  ctx.on(form, 'submit', (e) => {
    e.preventDefault();
    const ids = [...form.querySelectorAll('input:checked')].map((i) => /** @type {HTMLInputElement} */ (i).value);
    on.answer(q.id, ids);
    on.go({ name: 'results' }); // drawn again: what is held shows as done and leaves the plan
  });
  const n = options.filter((o) => ticked.has(o.id)).length;
  return h(
    'details',
    { class: 'held-list card', attrs: { open: value !== undefined } },
    h('summary', {}, h('span', { text: t('held.summary') }), n ? h('span', { class: 'held-count', text: ' ' + t('held.ticked', { n }) }) : null),
    form,
  );
}
