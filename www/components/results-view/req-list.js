// The requirements as a compact list: one row each (name, layer, status, one line), the whole card
// behind the row's disclosure (drawn when it is first opened); "possible" items by the question
// that settles them; "not needed" as a short list of names by layer, closed.
import { h } from '../dom.js';
import { LAYERS } from '../../app/report.js';
import { renderRequirement, questionLink } from '../requirement-card/requirement-card.js';

/** @typedef {import('../../app/types.js').Ctx} Ctx */
/** @typedef {import('../../app/report.js').Item} Item */

/**
 * One row: a disclosure whose summary is the compact line and whose body is the card.
 * @param {Item} it
 * @param {Ctx} ctx
 * @param {{personal: boolean, layered?: boolean}} opts personal: the top says what is closed to a personal account;
 *   layered: the rows are under their layer's title (no layer tag)
 */
export function reqRow(it, ctx, opts) {
  const { t } = ctx;
  const r = ctx.catalogue?.requirements[it.id];
  const blocked = (it.problems || []).some((p) => p.blocks && p.certain);
  const closed = opts.personal && (it.problems || []).some((p) => p.blocks && p.certain && (p.answers || []).includes('entity'));
  const flag = it.held ? ['held', t('row.held')] : closed ? ['blocks', t('row.personalClosed')] : blocked ? ['blocks', t('row.blocked')] : it.status === 'not_accepted' ? ['blocks', t('group.not_accepted')] : null;
  const line = /** @type {string|undefined} */ (r?.summary);
  const row = h(
    'details',
    { class: 'req-row status-' + it.status + (it.held ? ' held' : ''), attrs: { 'data-row': it.id } },
    h(
      'summary',
      {},
      h('span', { class: 'row-name', text: r?.name || it.id }),
      h('span', { class: 'row-tags' }, opts.layered ? null : h('span', { class: 'tag tag-layer', text: t('layer.' + it.layer) }), flag ? h('span', { class: 'tag tag-' + flag[0], text: flag[1] }) : null),
      line ? h('span', { class: 'row-line', text: line }) : null,
    ),
  );
  // The card is drawn when the row is first opened: results of 200 rows are 200 summaries, not
  // 10,000 elements to draw and lay out. (Printing opens every row and sends `toggle` at once.)
  ctx.on(row, 'toggle', () => {
    if (row.open && !row.querySelector(':scope > article')) row.appendChild(renderRequirement(it, ctx, { headingLevel: 4, personal: opts.personal }));
  });
  return row;
}

/**
 * A group of rows under its heading, split by layer (required) or by the settling question (possible).
 * @param {string} status
 * @param {Item[]} items
 * @param {Ctx} ctx
 * @param {{personal: boolean, title?: string}} opts
 */
export function renderGroup(status, items, ctx, opts) {
  const { t } = ctx;
  const id = ctx.uid('group', status);
  const section = h('section', { class: 'group group-' + status, attrs: { id, 'aria-labelledby': id + '-h' } });
  section.appendChild(h('h3', { class: 'group-title', attrs: { id: id + '-h', tabindex: '-1' }, text: (opts.title || t('group.' + status)) + ' (' + items.length + ')' }));
  if (status === 'needs_confirming') section.appendChild(h('p', { class: 'hint', text: t('group.' + status + '.hint') }));
  if (status === 'possible') {
    // Grouped by the questions that would settle them: one answer often settles many.
    const bySettle = new Map();
    for (const it of items) {
      const key = (it.settle || []).join('+');
      if (!bySettle.has(key)) bySettle.set(key, []);
      bySettle.get(key).push(it);
    }
    const settleGroup = (/** @type {[string, Item[]]} */ [key, list]) => {
      const qids = key ? key.split('+') : [];
      const rows = list.map((it) => reqRow(it, ctx, opts));
      return h(
        'div',
        { class: 'settle-group' },
        h('p', { class: 'layer-title', text: qids.length ? t('group.possibleBy', { n: list.length }) : t('group.possibleOther', { n: list.length }) }),
        qids.length ? h('ul', { class: 'settle-links' }, qids.map((qid) => h('li', {}, questionLink(qid, ctx, 'results')))) : null,
        list.length > 3 ? h('details', { class: 'settle-items' }, h('summary', { text: t('group.showItems', { n: list.length }) }), rows) : rows,
      );
    };
    // Before most answers there are dozens of groups (twenty phone screens): the five that settle
    // the most are shown, the others behind one disclosure.
    const groups = [...bySettle];
    if (groups.length <= 6) {
      section.append(...groups.map(settleGroup));
      return section;
    }
    groups.sort((a, b) => b[1].length - a[1].length);
    const rest = groups.slice(5);
    const n = rest.reduce((sum, [, list]) => sum + list.length, 0);
    section.append(...groups.slice(0, 5).map(settleGroup), h('details', { class: 'settle-more' }, h('summary', { text: t('group.moreGroups', { n, groups: rest.length }) }), rest.map(settleGroup)));
    return section;
  }
  const layered = status === 'required' && new Set(items.map((i) => i.layer)).size > 1;
  for (const layer of LAYERS) {
    const li = items.filter((i) => i.layer === layer);
    if (!li.length) continue;
    if (layered) section.appendChild(h('p', { class: 'layer-title', text: t('layer.' + layer + '.long') }));
    for (const it of li) section.appendChild(reqRow(it, ctx, { ...opts, layered }));
  }
  return section;
}

/**
 * What the answers ruled out: names by layer, behind one disclosure.
 * @param {Item[]} items
 * @param {Ctx} ctx
 */
export function renderNotNeeded(items, ctx) {
  const { t } = ctx;
  const id = ctx.uid('group', 'not_needed');
  const section = h('section', { class: 'group group-not_needed', attrs: { id, 'aria-label': t('group.not_needed') } });
  const det = h('details', { class: 'not-needed' }, h('summary', { text: t('group.showNotNeeded', { n: items.length }) }));
  det.appendChild(h('p', { class: 'hint', text: t('group.not_needed.hint') }));
  for (const layer of LAYERS) {
    const li = items.filter((i) => i.layer === layer);
    if (!li.length) continue;
    det.appendChild(h('p', { class: 'layer-title', text: t('layer.' + layer + '.long') + ' (' + li.length + ')' }));
    det.appendChild(h('ul', { class: 'names' }, li.map((it) => h('li', { attrs: { 'data-req': it.id }, text: ctx.catalogue?.requirements[it.id]?.name || it.id }))));
  }
  section.appendChild(det);
  return section;
}
