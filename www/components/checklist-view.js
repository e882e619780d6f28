// Before you submit: the checklist as a task list; ticks persist with the answers.
import { h } from './dom.js';
import { sourcesList, confidenceTag } from './requirement-card.js';

/** @param {any} app */
export function renderChecklist(app) {
  const ctx = app.ctx;
  const { t, report, catalogue } = ctx;
  const page = h('div', { class: 'checklist' });
  page.appendChild(h('h2', { class: 'page-heading', text: t('checklist.title') }));
  const items = report.checklist || [];
  const done = items.filter((i) => ctx.ticks[i.id]).length;
  page.appendChild(h('p', { class: 'checklist-progress', attrs: { 'data-done': done, 'data-total': items.length }, text: t('checklist.progress', { done, total: items.length }) }));
  if (!items.length) {
    page.appendChild(h('p', { class: 'empty', text: t('checklist.empty') }));
    return { el: page, focus: () => page.querySelector('.page-heading') };
  }
  page.appendChild(h('p', { class: 'hint', text: t('checklist.intro') }));
  const ul = h('ul', { class: 'task-list' });
  for (const it of items) {
    const c = catalogue.checks?.[it.id] || { title: it.id, sources: [] };
    const id = app.uid('check', it.id);
    const box = h('input', { class: 'choice-input', attrs: { type: 'checkbox', id, 'data-check': it.id } });
    box.checked = !!ctx.ticks[it.id];
    ul.appendChild(
      h(
        'li',
        { class: 'task card' + (box.checked ? ' done' : '') },
        h(
          'div',
          { class: 'choice' },
          box,
          h('label', { class: 'choice-label task-title', attrs: { for: id } }, c.title, it.status === 'possible' ? h('span', { class: 'tag tag-possible', text: t('checklist.mayApply') }) : null),
        ),
        h(
          'details',
          { class: 'task-details' },
          h('summary', { text: t('checklist.details') }),
          c.why ? h('p', {}, h('strong', { text: t('checklist.why') }), ' ', c.why) : null,
          c.how ? h('p', {}, h('strong', { text: t('checklist.how') }), ' ', c.how) : null,
          h('p', {}, confidenceTag(c.confidence, t)),
          sourcesList(c.sources || [], ctx),
        ),
      ),
    );
  }
  page.appendChild(ul);
  return { el: page, focus: () => page.querySelector('.page-heading') };
}
