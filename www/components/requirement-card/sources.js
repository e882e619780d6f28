// Sources of a requirement, a rule or a checklist item: title, link (http/https only), date checked
// and kind. They arrive with categories.<lang>.json (fetched once idle after the first result): until
// then a list says so, and the shell fills it in place (refreshSources).
import { h } from '../dom.js';

/** @typedef {import('../../app/types.js').Ctx} Ctx */
/** @typedef {import('../../app/types.js').Requirement} Requirement */
/** @typedef {import('../../app/types.js').Catalogue & {details?: 'categories'}} Catalogue */

/**
 * The requirement's sources behind a disclosure; before they have arrived, without a count.
 * @param {Requirement} r
 * @param {Ctx} ctx
 */
export function sourcesBlock(r, ctx) {
  const { t } = ctx;
  const title = r.sources ? t('req.sources', { n: r.sources.length }) : t('req.sourcesTitle');
  return h('details', { class: 'sources' }, h('summary', { text: title }), sourcesList(r.sources, ctx, { req: r.id, field: 'sources' }));
}

/** Sources with title, link (http/https only), date checked and kind. Until the sources have
 * arrived (categories.<lang>.json, fetched once idle after the first result, with the lists of a
 * requirement's and its myth's sources) the list says so, and the app fills it in place when they
 * do (refreshSources).
 * @param {string[]|undefined} ids
 * @param {Ctx} ctx
 * @param {{req: string, field: 'sources'|'myth'}} [owner] whose list it is, to find it again
 */
export function sourcesList(ids, ctx, owner) {
  const { t } = ctx;
  const catalogue = /** @type {Catalogue} */ (ctx.catalogue);
  const ul = h('ul', { class: 'source-list' });
  if (catalogue.details && (!ids || !ids.every((id) => catalogue.sources?.[id]))) {
    if (owner) {
      ul.dataset.pendingReq = owner.req;
      ul.dataset.pendingField = owner.field;
    } else ul.dataset.pending = (ids || []).join(' ');
    ul.appendChild(h('li', { class: 'source-pending', text: t('source.loading') }));
    return ul;
  }
  for (const id of ids || []) {
    const s = catalogue.sources?.[id];
    if (!s) {
      ul.appendChild(h('li', { text: id }));
      continue;
    }
    const url = safeUrl(s.url);
    const title = url
      ? h('a', { class: 'source-link', text: s.title, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } })
      : h('span', { text: s.title });
    ul.appendChild(
      h(
        'li',
        {},
        title,
        ' ',
        h('span', { class: 'source-meta', text: t('source.meta', { tag: t('tag.' + s.tag), checked: s.checked }) }),
      ),
    );
  }
  return ul;
}

/**
 * Fills in the source lists drawn before the sources arrived (a disclosure keeps its state).
 * @param {ParentNode} root
 * @param {Ctx} ctx
 */
export function refreshSources(root, ctx) {
  const reqs = ctx.catalogue?.requirements || {};
  for (const ul of root.querySelectorAll('ul.source-list[data-pending-req]')) {
    const r = reqs[ul.dataset.pendingReq];
    if (!r) continue;
    if (ul.dataset.pendingField === 'myth') {
      ul.replaceWith(sourcesList(r.myth?.sources, ctx));
      continue;
    }
    const old = ul.closest('details.sources');
    const fresh = sourcesBlock(r, ctx);
    if (old) {
      /** @type {HTMLDetailsElement} */ (fresh).open = /** @type {HTMLDetailsElement} */ (old).open;
      old.replaceWith(fresh);
    } else ul.replaceWith(sourcesList(r.sources, ctx));
  }
  for (const ul of root.querySelectorAll('ul.source-list[data-pending]')) {
    ul.replaceWith(sourcesList(ul.dataset.pending ? ul.dataset.pending.split(' ') : [], ctx));
  }
}

/** @param {string|undefined} u */
function safeUrl(u) {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
