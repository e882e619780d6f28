// What the operator already holds, offered on the results page rather than asked before it (the
// question marked `on_results` in rules/questions.toml: `held`). This part, in the element's bundle,
// decides whether to offer it and draws a closed disclosure; the tick-list itself (held-list.js) is
// imported when the reader opens it, as what-if is. An option is offered when the requirement of
// the same id is required here, or when it is ticked already (so that it can be unticked).
import { h } from '../dom.js';

/** @typedef {import('../../app/types.js').Ctx} Ctx */
/** @typedef {import('../../app/types.js').Question} Question */
/** @typedef {{answer: (qid: string, value: import('../../app/types.js').AnswerValue|undefined) => void,
 *   go: (view: import('../../app/types.js').View) => void}} HeldOps */

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
 * @param {HeldOps} on
 * @returns {HTMLElement|null} nothing when no question is offered on the results, or none of its options fits
 */
export function renderHeld(ctx, on) {
  const q = ctx.qs.find((x) => x.on_results && x.kind === 'several_of');
  if (!q) return null;
  const options = heldOptions(q, ctx);
  if (!options.length) return null;
  const { t } = ctx;
  const box = h('details', { class: 'held-list card' }, h('summary', { text: t('held.summary') }));
  const file = 'components/held-list/held-list.js';
  const load = () => {
    if (!(/** @type {HTMLDetailsElement} */ (box).open) || box.querySelector('.held-form')) return;
    import('./held-list.js').then(
      (m) => {
        box.querySelector('.held-failed')?.remove();
        if (!box.querySelector('.held-form')) box.appendChild(m.renderHeldForm(ctx, on, q, options));
      },
      (e) => {
        box.querySelector('.held-failed')?.remove();
        box.appendChild(h('p', { class: 'held-failed', attrs: { role: 'alert' }, text: t('app.fileFailed', { file, reason: String(e?.message || e) }) }));
      },
    );
  };
  ctx.on(box, 'toggle', load); // closed like every disclosure of a first result: what is held shows in the rows and the outcome
  return box;
}
