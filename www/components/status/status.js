// The count of results under the navigation once the questions are done (not on question pages or the results), and the live
// results beside the questions (wide screens, all questions on one page).
import { h } from '../dom.js';
import { visibleItems, outcome } from '../../app/report.js';

/**
 * @param {{bar: HTMLElement, aside: HTMLElement, layout: HTMLElement}} parts
 * @param {{t: import('../../app/types.js').Translate, report: import('../../app/types.js').Report|null,
 *   names: Record<string, {name: string}>|null, view: string, wide: boolean, hasAnswers: boolean}} props
 *   names: the catalogue's requirements (null while it is on its way: ids are shown)
 */
export function drawStatus({ bar, aside, layout }, { t, report, names, view, wide, hasAnswers }) {
  const items = report ? visibleItems(report) : [];
  // Not while questioning: a running count that grows and shrinks with each answer says little.
  const showBar = view !== 'results' && view !== 'all' && view !== 'question' && hasAnswers;
  bar.hidden = !showBar;
  if (showBar) {
    bar.replaceChildren(
      // Counted as the results count them: a one-of group once, what is held apart, this platform only.
      h('p', { class: 'status-line', text: statusLine(t, report, names) }),
      h('button', { class: 'link', text: t('status.see'), attrs: { type: 'button', 'data-action': 'view', 'data-view': 'results' } }),
    );
  }
  const showAside = view === 'all' && wide;
  layout.classList.toggle('two-col', showAside);
  aside.hidden = !showAside;
  if (!showAside) return;
  const req = items.filter((i) => i.status === 'required' || i.status === 'possible' || i.status === 'not_accepted');
  aside.replaceChildren(
    h('h2', { class: 'aside-title', attrs: { id: 'live-results-title' }, text: t('live.title') }),
    h(
      'ul',
      { class: 'live-list' },
      req.map((i) => h('li', { class: 'live-item status-' + i.status }, h('span', { class: 'tag tag-' + i.status, text: t('group.' + i.status) }), ' ', names?.[i.id]?.name || i.id)),
    ),
    req.length ? null : h('p', { class: 'empty', text: t('live.empty') }),
  );
}

/**
 * @param {import('../../app/types.js').Translate} t
 * @param {import('../../app/types.js').Report|null} report
 * @param {Record<string, {name: string}>|null} names
 */
function statusLine(t, report, names) {
  if (!report) return t('status.line', { required: 0, possible: 0, not_accepted: 0 });
  const catalogue = /** @type {import('../../app/types.js').Catalogue} */ (/** @type {unknown} */ ({ requirements: names || {} }));
  const platform = Object.values(report.answers || {}).length ? report.answers?.platform?.value : undefined;
  const o = outcome(report, catalogue, platform ? { platform: /** @type {string} */ (platform) } : {});
  return t('status.line', { required: o.todo, possible: o.possible.length, not_accepted: o.notAccepted.length });
}
