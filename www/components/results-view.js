// Results: grouped required / needs confirming / may be required / not accepted / not needed, each split by layer
// (law, the mini-program's own filing, platform review), then the plan, what-if and sharing.
import { h } from './dom.js';
import { renderRequirement, questionLink } from './requirement-card.js';
import { renderPlan } from './plan-view.js';
import { renderWhatIf } from './what-if.js';
import { renderShare } from './share.js';

export const GROUPS = ['required', 'needs_confirming', 'possible', 'not_accepted', 'not_needed'];
export const LAYERS = ['law', 'filing', 'platform'];

/** Items worth showing: "not needed" only when an answer ruled it out (not merely irrelevant). */
export function visibleItems(report) {
  return report.requirements.filter((it) => it.status !== 'not_needed' || (it.because && it.because.length));
}

/** @param {any} app */
export function renderResults(app) {
  const ctx = app.ctx;
  const { t, report } = ctx;
  const page = h('div', { class: 'results' });
  page.appendChild(h('h2', { class: 'page-heading', text: t('results.title') }));
  const items = visibleItems(report);
  const counts = Object.fromEntries(GROUPS.map((g) => [g, items.filter((i) => i.status === g).length]));
  page.appendChild(
    h(
      'div',
      { class: 'overview card' },
      h('p', { class: 'overview-line', text: t('results.overview', { required: counts.required, possible: counts.possible, not_accepted: counts.not_accepted }) }),
      report.plan && report.plan.total ? h('p', { text: t('results.estimate', { min: report.plan.total[0], max: report.plan.total[1] }) }) : null,
      h('p', { class: 'hint', text: t('results.version', { version: report.version, reviewed: ctx.catalogue.reviewed || '' }) }),
    ),
  );
  const next = (report.next_questions || []).filter((n) => app.askedIds().includes(n.id));
  if (next.length) {
    page.appendChild(
      h(
        'div',
        { class: 'inset next-questions' },
        h('p', { text: t('results.nextQuestions', { n: next.length }) }),
        h('ul', {}, next.slice(0, 3).map((n) => h('li', {}, questionLink(n.id, ctx, 'results')))),
      ),
    );
  }
  const nav = h('nav', { class: 'jump', attrs: { 'aria-label': t('results.jump') } });
  const navList = h('ul');
  nav.appendChild(navList);
  page.appendChild(nav);
  for (const g of GROUPS) {
    const groupItems = items.filter((i) => i.status === g);
    const sectionId = app.uid('group', g);
    navList.appendChild(h('li', {}, h('button', { class: 'link', text: t('group.' + g) + ' (' + groupItems.length + ')', attrs: { type: 'button', 'data-action': 'jump', 'data-target': sectionId } })));
    const section = h('section', { class: 'group group-' + g, attrs: { id: sectionId, 'aria-labelledby': sectionId + '-h' } });
    section.appendChild(h('h3', { class: 'group-title', attrs: { id: sectionId + '-h', tabindex: '-1' }, text: t('group.' + g) + ' (' + groupItems.length + ')' }));
    section.appendChild(h('p', { class: 'hint', text: t('group.' + g + '.hint') }));
    if (!groupItems.length) {
      section.appendChild(h('p', { class: 'empty', text: t('group.empty') }));
    } else if (g === 'not_needed') {
      const det = h('details', { class: 'not-needed' }, h('summary', { text: t('group.showNotNeeded', { n: groupItems.length }) }));
      for (const it of groupItems) det.appendChild(renderRequirement(it, ctx, { headingLevel: 4 }));
      section.appendChild(det);
    } else if (g === 'possible') {
      // Grouped by the questions that would settle them: one answer often settles dozens.
      const bySettle = new Map();
      for (const it of groupItems) {
        const key = (it.settle || []).join('+');
        if (!bySettle.has(key)) bySettle.set(key, []);
        bySettle.get(key).push(it);
      }
      for (const [key, list] of bySettle) {
        const qids = key ? key.split('+') : [];
        const box = h('div', { class: 'settle-group' });
        box.appendChild(
          h(
            'p',
            { class: 'layer-title' },
            qids.length ? t('group.possibleBy', { n: list.length }) : t('group.possibleOther', { n: list.length }),
          ),
        );
        if (qids.length) box.appendChild(h('ul', { class: 'settle-links' }, qids.map((qid) => h('li', {}, questionLink(qid, ctx, 'results')))));
        const target = list.length > 3 ? h('details', { class: 'settle-items' }, h('summary', { text: t('group.showItems', { n: list.length }) })) : box;
        for (const it of list) target.appendChild(renderRequirement(it, ctx, { headingLevel: 4 }));
        if (target !== box) box.appendChild(target);
        section.appendChild(box);
      }
    } else {
      for (const layer of LAYERS) {
        const li = groupItems.filter((i) => i.layer === layer);
        if (!li.length) continue;
        section.appendChild(h('p', { class: 'layer-title', text: t('layer.' + layer + '.long') }));
        for (const it of li) section.appendChild(renderRequirement(it, ctx, { headingLevel: 4 }));
      }
    }
    page.appendChild(section);
  }
  page.appendChild(renderPlan(ctx));
  page.appendChild(renderWhatIf(app));
  page.appendChild(renderShare(app));
  page.appendChild(h('p', { class: 'disclaimer', text: t('results.disclaimer') }));
  return { el: page, focus: () => page.querySelector('.page-heading') };
}
