// Results: the outcome first (what blocks the listing and the ways round it, what is closed to a
// personal account, how much there is to do), the plan's first steps, then the requirements as a
// compact list (details behind each row), the whole plan, what is not needed, what-if and sharing.
import { h } from '../dom.js';
import { outcome, planSteps } from '../../app/report.js';
import { renderPlan } from '../plan-view/plan-view.js';
import { renderShare } from '../share/share.js';
import { renderOutcome, renderFirstSteps } from './outcome.js';
import { renderGroup, renderNotNeeded } from './req-list.js';
import { renderHeld } from '../held-list/held-offer.js';

/**
 * @param {import('../../app/types.js').Ctx} ctx with the report and the catalogue
 * @param {{evaluate: (answers: import('../../app/types.js').Answers) => import('../../app/types.js').Report,
 *   link: () => string, markdown: () => Promise<string>, print: () => void,
 *   answer: (qid: string, value: import('../../app/types.js').AnswerValue|undefined) => void,
 *   go: (view: import('../../app/types.js').View) => void}} on what-if's reports, sharing, what is held
 * @returns {import('../../app/types.js').Rendered}
 */
export function renderResults(ctx, on) {
  const { t } = ctx;
  const report = /** @type {import('../../app/types.js').Report} */ (ctx.report);
  const catalogue = /** @type {import('../../app/types.js').Catalogue} */ (ctx.catalogue);
  const page = h('div', { class: 'results' });
  page.appendChild(h('h2', { class: 'page-heading', text: t('results.title') }));
  const o = outcome(report, catalogue, ctx.answers);
  const plan = planSteps(report, catalogue);
  const planEl = renderPlan(ctx, plan.first.map((s) => s.id));
  page.appendChild(renderOutcome(ctx, o, plan, on.evaluate));
  const held = renderHeld(ctx, on); // what they already have: ticked, it leaves the plan
  if (held) page.appendChild(held);
  page.appendChild(renderFirstSteps(ctx, plan, planEl.id));
  const opts = { personal: o.personal.length > 0 };
  // What is refused is in the outcome (renderOutcome), each with its card; what is refused to a
  // personal account is named there once, and its cards are here.
  const refusedPersonal = o.personal.filter((it) => it.status === 'not_accepted');
  if (refusedPersonal.length) page.appendChild(renderGroup('not_accepted', refusedPersonal, ctx, opts));
  page.appendChild(renderGroup('required', o.required, ctx, opts));
  if (o.confirming.length) page.appendChild(renderGroup('needs_confirming', o.confirming, ctx, opts));
  if (o.possible.length) page.appendChild(renderGroup('possible', o.possible, ctx, opts));
  page.appendChild(planEl);
  if (o.notNeeded.length) page.appendChild(renderNotNeeded(o.notNeeded, ctx));
  // What-if asks the engine again for every answer: done when the reader opens it, not for the first
  // result, and its module is imported then (a failed import is tried again when it is next opened).
  const whatIf = h('details', { class: 'what-if-box' }, h('summary', { text: t('whatif.title') }));
  const file = 'components/what-if/what-if.js';
  ctx.on(whatIf, 'toggle', () => {
    if (!(/** @type {HTMLDetailsElement} */ (whatIf).open) || whatIf.querySelector('.what-if')) return;
    import('../what-if/what-if.js').then(
      (m) => {
        whatIf.querySelector('.what-if-failed')?.remove();
        if (!whatIf.querySelector('.what-if')) whatIf.appendChild(m.renderWhatIf(ctx, on.evaluate));
      },
      (e) => {
        whatIf.querySelector('.what-if-failed')?.remove();
        whatIf.appendChild(h('p', { class: 'what-if-failed', attrs: { role: 'alert' }, text: t('app.fileFailed', { file, reason: String(e?.message || e) }) }));
      },
    );
  });
  page.appendChild(whatIf);
  const share = renderShare(ctx, on);
  page.appendChild(share.el);
  // The rule base's version and date are in the footer under every view.
  page.appendChild(h('p', { class: 'disclaimer', text: t('results.disclaimer') }));
  const actions = {
    ...share.actions,
    // In-page links (never the host URL): to a section's heading.
    jump: (/** @type {DOMStringMap} */ d) => {
      const heading = /** @type {HTMLElement|null} */ (page.querySelector(`[id="${d.target}"] h3`));
      if (heading) {
        heading.scrollIntoView({ block: 'start' });
        heading.focus();
      }
    },
  };
  return { el: page, focus: () => page.querySelector('.page-heading'), actions };
}
