// The count of results under the navigation once the questions are done (not on question pages or the results), and the live
// results beside the questions (wide screens, all questions on one page).
import { h } from '../dom.js';
import { visibleItems } from '../../app/report.js';

/**
 * @param {{bar: HTMLElement, aside: HTMLElement, layout: HTMLElement}} parts
 * @param {{t: import('../../app/types.js').Translate, report: import('../../app/types.js').Report|null,
 *   names: Record<string, {name: string}>|null, view: string, wide: boolean, hasAnswers: boolean}} props
 *   names: the catalogue's requirements (null while it is on its way: ids are shown)
 */
export function drawStatus({ bar, aside, layout }, { t, report, names, view, wide, hasAnswers }) {
  const items = report ? visibleItems(report) : [];
  const c = (/** @type {string} */ s) => items.filter((i) => i.status === s).length;
  // Not while questioning: a running count that grows and shrinks with each answer says little.
  const showBar = view !== 'results' && view !== 'all' && view !== 'question' && hasAnswers;
  bar.hidden = !showBar;
  if (showBar) {
    bar.replaceChildren(
      h('p', { class: 'status-line', text: t('status.line', { required: c('required'), possible: c('possible'), not_accepted: c('not_accepted') }) }),
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
