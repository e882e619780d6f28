// The plan: steps in order (entity, licences, 前置审批, filing, category, submission, operation),
// each with when it can start and finish in working days (or that its duration is unknown) and where
// to apply; the total as a lower bound that says what it leaves out. Items already held are not steps.
import { h } from '../dom.js';
import { planSteps } from '../../app/report.js';

/** @typedef {import('../../app/types.js').Ctx} Ctx */
/** @typedef {ReturnType<typeof planSteps>['steps'][number]} Step */

/**
 * @param {Ctx} ctx with the report and the catalogue
 * @param {string[]} [shown] the steps shown before (the results' first steps): the plan has the others
 * @returns {HTMLElement}
 */
export function renderPlan(ctx, shown = []) {
  const { t } = ctx;
  const report = /** @type {import('../../app/types.js').Report} */ (ctx.report);
  const catalogue = /** @type {import('../../app/types.js').Catalogue} */ (ctx.catalogue);
  const section = h('section', { class: 'plan', attrs: { id: ctx.uid('plan', 's'), 'aria-labelledby': ctx.uid('plan', 'h') } });
  section.appendChild(h('h3', { class: 'group-title', attrs: { id: ctx.uid('plan', 'h'), tabindex: '-1' }, text: t(shown.length ? 'plan.then' : 'plan.title') }));
  const { steps, total, unknown } = planSteps(report, catalogue);
  if (!steps.length) {
    section.appendChild(h('p', { class: 'empty', text: t('plan.empty') }));
    return section;
  }
  const rest = steps.filter((s) => !shown.includes(s.id));
  if (rest.length) {
    // The order rule, once: where the plan goes on from the first steps, their timings already show it.
    if (!shown.length) section.appendChild(h('p', { class: 'hint', text: t('plan.intro') }));
    const ol = h('ol', { class: 'plan-steps', attrs: { start: shown.length + 1 } });
    let lastStep = null;
    for (const [i, s] of rest.entries()) {
      const li = stepItem(s, ctx, 'plan-step', false, rest[i - 1]);
      if (s.step !== lastStep) li.prepend(h('span', { class: 'step-kind', text: t('step.' + s.step) }));
      lastStep = s.step;
      ol.appendChild(li);
    }
    section.appendChild(ol);
  }
  if (total) section.appendChild(h('p', { class: 'plan-total' }, h('strong', { text: totalText(total, ctx) })));
  section.appendChild(h('p', { class: 'hint plan-leaves-out', text: leavesOut(unknown, ctx) }));
  return section;
}

/**
 * One step: its name, when, where to apply, and "possible" when it may not be needed.
 * @param {Step} s
 * @param {Ctx} ctx
 * @param {string} cls
 * @param {boolean} authority whether to name the authority when the official system is not known
 * @param {Step} [before] the step listed just above it: the same place to apply is not named twice
 */
export function stepItem(s, ctx, cls, authority, before) {
  const { t } = ctx;
  const r = /** @type {import('../../app/types.js').Catalogue} */ (ctx.catalogue).requirements[s.id];
  const li = h('li', { class: cls, attrs: { 'data-step': s.id } });
  li.appendChild(h('span', { class: 'step-name', text: r ? r.name : s.id }));
  if (s.item?.status === 'possible') li.appendChild(h('span', { class: 'tag tag-possible', text: t('group.possible') }));
  if ((s.item?.problems || []).some((p) => p.blocks && p.certain)) li.appendChild(h('span', { class: 'tag tag-blocks', text: t('row.blocked') }));
  li.appendChild(h('span', { class: 'step-when' + (s.unknown ? ' unknown' : ''), text: whenText(s, ctx) }));
  const where = whereTo(s, ctx, authority, before);
  if (where) li.appendChild(where);
  return li;
}

/** @param {Step} s @param {Ctx} ctx */
export function whenText(s, ctx) {
  const { t } = ctx;
  if (s.unknown || !s.finish) return t('plan.unknown');
  const [f0, f1] = s.finish;
  const [s0, s1] = s.start || [0, 0];
  // After launch: how long it takes once live (the step's kind, above it, says when it starts).
  if (s.step === 'operation') return t('plan.takes', { f0, f1 });
  if (!s1) return t('plan.nowUntil', { f0, f1 });
  return t('plan.when', { s0, s1, f0, f1 });
}

/**
 * Where to apply: the official system (item.apply, with its link) or else the authority; "the same
 * place" when the step above applies at the same system.
 * @param {Step} s
 * @param {Ctx} ctx
 * @param {boolean} authority
 * @param {Step} [before]
 */
function whereTo(s, ctx, authority, before) {
  const { t } = ctx;
  const applyOf = (/** @type {Step|undefined} */ x) => /** @type {{name?: string, url?: string, confirmed?: boolean}|undefined} */ (/** @type {any} */ (x?.item)?.apply);
  const apply = applyOf(s);
  if (apply && apply.name && apply.name === applyOf(before)?.name) return h('span', { class: 'step-where', text: t('plan.applySame') });
  if (apply && apply.name) {
    const target = apply.url ? h('a', { text: apply.name, attrs: { href: apply.url, target: '_blank', rel: 'noopener noreferrer' } }) : h('span', { text: apply.name });
    return h('span', { class: 'step-where' }, t('plan.applyAt'), target, apply.confirmed === false ? t('plan.unconfirmed') : null);
  }
  const r = /** @type {import('../../app/types.js').Catalogue} */ (ctx.catalogue).requirements[s.id];
  const who = /** @type {string|undefined} */ (r?.authority);
  return authority && who ? h('span', { class: 'step-where', text: t('plan.authority', { authority: who }) }) : null;
}

/** @param {[number, number]} total @param {Ctx} ctx */
export function totalText(total, ctx) {
  return ctx.t('plan.total', { min: total[0], max: total[1] });
}

/** @param {Step[]} unknown @param {Ctx} ctx */
export function leavesOut(unknown, ctx) {
  return unknown.length ? ctx.t('plan.leavesOut', { n: unknown.length }) : ctx.t('plan.note');
}
