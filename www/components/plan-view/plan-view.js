// The plan: steps in order (entity, licences, 前置审批, filing, category, submission, operation),
// each with when it can start and finish in working days, and the total estimate.
import { h } from '../dom.js';

/**
 * @param {import('../../app/types.js').Ctx} ctx with the report and the catalogue
 * @returns {HTMLElement}
 */
export function renderPlan(ctx) {
  const { t } = ctx;
  const report = /** @type {import('../../app/types.js').Report} */ (ctx.report);
  const catalogue = /** @type {import('../../app/types.js').Catalogue} */ (ctx.catalogue);
  const section = h('section', { class: 'plan', attrs: { 'aria-labelledby': ctx.uid('plan', 'h') } });
  section.appendChild(h('h3', { class: 'group-title', attrs: { id: ctx.uid('plan', 'h') }, text: t('plan.title') }));
  const steps = report.plan?.steps || [];
  if (!steps.length) {
    section.appendChild(h('p', { class: 'empty', text: t('plan.empty') }));
    return section;
  }
  section.appendChild(h('p', { class: 'hint', text: t('plan.intro') }));
  const ol = h('ol', { class: 'plan-steps' });
  let lastStep = null;
  for (const s of steps) {
    const r = catalogue.requirements[s.id];
    const stepLabel = t('step.' + s.step);
    const li = h('li', { class: 'plan-step' });
    if (s.step !== lastStep) li.appendChild(h('span', { class: 'step-kind', text: stepLabel }));
    lastStep = s.step;
    li.appendChild(h('span', { class: 'step-name', text: r ? r.name : s.id }));
    li.appendChild(h('span', { class: 'step-when', text: t('plan.when', { s0: s.start[0], s1: s.start[1], f0: s.finish[0], f1: s.finish[1] }) }));
    const item = report.requirements.find((i) => i.id === s.id);
    if (item && item.status === 'possible') li.appendChild(h('span', { class: 'tag tag-possible', text: t('group.possible') }));
    ol.appendChild(li);
  }
  section.appendChild(ol);
  if (report.plan.total) {
    section.appendChild(h('p', { class: 'plan-total' }, h('strong', { text: t('plan.total', { min: report.plan.total[0], max: report.plan.total[1] }) })));
  }
  section.appendChild(h('p', { class: 'hint', text: t('plan.note') }));
  return section;
}
