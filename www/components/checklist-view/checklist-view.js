// Before you submit: the checklist as a task list; ticks persist with the answers.
import { h } from '../dom.js';
import { sourcesList, confidenceTag } from '../requirement-card/requirement-card.js';
import { outcome } from '../../app/report.js';

/**
 * @param {import('../../app/types.js').Ctx} ctx with the report and the catalogue (and its details)
 * @param {{tick: (id: string, done: boolean) => void}} on a box was ticked or unticked
 * @returns {import('../../app/types.js').Rendered}
 */
export function renderChecklist(ctx, on) {
  const { t } = ctx;
  const report = /** @type {import('../../app/types.js').Report} */ (ctx.report);
  const catalogue = /** @type {import('../../app/types.js').Catalogue} */ (ctx.catalogue);
  const page = h('div', { class: 'checklist' });
  page.appendChild(h('h2', { class: 'page-heading', text: t('checklist.title') }));
  const items = report.checklist || [];
  const done = items.filter((i) => ctx.ticks[i.id]).length;
  const progress = h('p', { class: 'checklist-progress', attrs: { 'data-done': done, 'data-total': items.length }, text: t('checklist.progress', { done, total: items.length }) });
  page.appendChild(progress);
  // A listing that cannot happen with these answers: said before the list, with the way to the results.
  const o = outcome(report, catalogue, ctx.answers);
  const blocked = [...o.blockers.map((b) => b.item), ...o.personal].map((it) => catalogue.requirements[it.id]?.name || it.id);
  if (blocked.length) {
    page.appendChild(
      h(
        'div',
        { class: 'warning blocks checklist-blocked', attrs: { role: 'note' } },
        h('p', { text: t('checklist.blocked', { list: blocked.join(ctx.lang === 'en' ? '; ' : '；') }) }),
        h('button', { class: 'link', text: t('checklist.seeResults'), attrs: { type: 'button', 'data-action': 'view', 'data-view': 'results' } }),
      ),
    );
  }
  if (!items.length) {
    page.appendChild(h('p', { class: 'empty', text: t('checklist.empty') }));
    return { el: page, focus: () => page.querySelector('.page-heading') };
  }
  page.appendChild(h('p', { class: 'hint', text: t('checklist.intro') }));
  const ul = h('ul', { class: 'task-list' });
  for (const it of items) {
    const c = catalogue.checks?.[it.id] || { title: it.id, sources: [], why: '', how: '', confidence: '' };
    const id = ctx.uid('check', it.id);
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
  ctx.on(ul, 'change', (e) => {
    const box = /** @type {HTMLInputElement} */ (e.target);
    const id = box.dataset.check;
    if (!id) return;
    on.tick(id, box.checked);
    box.closest('.task')?.classList.toggle('done', box.checked);
    const n = items.filter((i) => ctx.ticks[i.id]).length;
    progress.textContent = t('checklist.progress', { done: n, total: items.length });
    progress.dataset.done = String(n);
  });
  return { el: page, focus: () => page.querySelector('.page-heading') };
}
