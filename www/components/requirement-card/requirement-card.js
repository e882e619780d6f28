// One requirement in the results: why (in the words of the user's answers), eligibility warnings,
// authority, lead time, validity, difficulty, documents, sources with dates and confidence, myth note.
import { h } from '../dom.js';
import { sourcesBlock, sourcesList } from './sources.js';

export { sourcesList, refreshSources } from './sources.js';

/** @typedef {import('../../app/types.js').Ctx} Ctx */
/** @typedef {import('../../app/types.js').Item} Item */
/** @typedef {import('../../app/types.js').Requirement} Requirement */
/** @typedef {import('../../app/types.js').Catalogue & {details?: 'categories'}} Catalogue */
/** @typedef {import('../../app/types.js').Translate} Translate */
/** @typedef {import('../../app/types.js').Docs} Docs */

/**
 * @param {Item} item report item
 * @param {Ctx} ctx with the report and the catalogue
 * @param {{headingLevel?: number, personal?: boolean}} [opts] personal: the top of the results says what is closed to a personal account
 * @returns {HTMLElement}
 */
export function renderRequirement(item, ctx, opts = {}) {
  const { t } = ctx;
  const catalogue = /** @type {Catalogue} */ (ctx.catalogue);
  const r = catalogue.requirements[item.id] || /** @type {Requirement} */ ({ id: item.id, name: item.id, sources: [], eligibility: [] });
  const level = opts.headingLevel || 4;
  const card = h('article', { class: 'req card status-' + item.status, attrs: { 'data-req': item.id, 'data-personal': opts.personal || null } });
  card.appendChild(
    h(
      'div',
      { class: 'req-head' },
      h('h' + level, { class: 'req-name', text: r.name }),
      h('p', { class: 'tags' }, tag(t('layer.' + item.layer), 'layer'), confidenceTag(r.confidence, t)),
    ),
  );
  // Warnings first: the operator cannot get it, or may not.
  for (const p of item.problems || []) {
    // What is closed to a personal account is said once, at the top of the results.
    if (opts.personal && p.blocks && p.certain && (p.answers || []).includes('entity')) continue;
    const cls = p.blocks ? (p.certain ? 'warning blocks' : 'warning maybe-blocks') : 'caution';
    const label = p.blocks ? (p.certain ? t('req.cannotGet') : t('req.mayNotGet')) : t('req.caution');
    const box = h('div', { class: cls, attrs: { role: 'note' } }, h('strong', { class: 'warning-label', text: label }), ' ', p.text);
    // An uncertain blocker names the unanswered question that would settle it.
    const open = p.blocks && !p.certain ? [...new Set([...(item.settle || []), ...(p.settle || []), ...(p.answers || [])])].filter((q) => ctx.report?.answers?.[q]?.value == null && ctx.qsById.has(q)) : [];
    if (open.length) box.append(h('span', { class: 'warning-settle', text: ' ' + t('req.settleWarning') + ' ' }), ...open.map((q) => questionLink(q, ctx, 'results')));
    card.appendChild(box);
  }
  // The myths, most rules' reasons and the summaries' other sentences come with the details: the
  // card is drawn again then (refreshCards).
  if (catalogue.details) card.dataset.pendingDetails = '';
  if (r.summary) card.appendChild(h('p', { class: 'req-summary', text: r.summary }));
  else if (detailsPending(r, catalogue)) {
    // A WeChat category's description and documents come with categories.<lang>.json, fetched once
    // idle after the first result: the card says so, and the app draws it again then (refreshCards).
    card.dataset.pendingDetails = '';
    card.appendChild(h('p', { class: 'req-pending', text: t('req.detailsLoading') }));
  }
  card.appendChild(whyBlock(item, ctx));
  if (item.status === 'possible' && item.settle && item.settle.length) {
    card.appendChild(
      h(
        'div',
        { class: 'settle' },
        h('p', { class: 'settle-title', text: t('req.settleBy') }),
        h('ul', {}, item.settle.map((qid) => h('li', {}, questionLink(qid, ctx, 'results')))),
      ),
    );
  }
  if (item.one_of && item.one_of.length) {
    const names = item.one_of.filter((id) => id !== item.id).map((id) => catalogue.requirements[id]?.name || id);
    if (names.length) card.appendChild(h('p', { class: 'one-of' }, h('strong', { text: t('req.oneOf') }), ' ', names.join(ctx.lang === 'en' ? '; ' : '；')));
  }
  const dl = h('dl', { class: 'facts' });
  const fact = (/** @type {string} */ k, /** @type {string|undefined} */ v) => v && dl.append(h('div', { class: 'fact' }, h('dt', { text: k }), h('dd', { text: v })));
  fact(t('req.authority'), r.authority);
  if (r.lead_time) fact(t('req.leadTime'), t('req.days', { min: r.lead_time[0], max: r.lead_time[1] }));
  fact(t('req.validity'), r.validity);
  if (r.difficulty) fact(t('req.difficulty'), t('difficulty.' + r.difficulty));
  if (r.scope) fact(t('req.scope'), r.scope);
  if (dl.childNodes.length) card.appendChild(dl);
  if (r.documents && ((r.documents.all || []).length || (r.documents.any_of || []).length)) {
    card.appendChild(h('div', { class: 'documents' }, h('p', { class: 'documents-title', text: t('req.documents') }), docsList(r.documents, t)));
  }
  // The eligibility conditions as they apply to these answers (describe.js): what is not met, or not
  // known yet, is a warning above; here what is met, and the notes not already said above.
  const conditions = /** @type {{text: string, met: boolean|null}[]|undefined} */ (/** @type {any} */ (item).conditions);
  const said = new Set((item.problems || []).map((p) => p.text));
  const met = (conditions || []).filter((c) => !said.has(c.text));
  const notes = (/** @type {string[]|undefined} */ (/** @type {any} */ (item).notes) || []).filter((n) => !said.has(n));
  if (met.length || notes.length) {
    const mark = (/** @type {boolean|null} */ m) => (m === true ? 'met' : m === false ? 'unmet' : 'unknown');
    card.appendChild(
      h(
        'div',
        { class: 'conditions' },
        h('p', { class: 'documents-title', text: t('req.eligibility') }),
        h('ul', {}, met.map((c) => h('li', { class: 'condition ' + mark(c.met) }, h('span', { class: 'visually-hidden', text: t('req.condition.' + mark(c.met)) }), c.text)), notes.map((n) => h('li', { text: n }))),
      ),
    );
  }
  const others = conditions ? [] : (r.eligibility || []).filter((e) => !(item.problems || []).some((p) => p.text === e.text));
  if (others.length) {
    card.appendChild(
      h(
        'details',
        { class: 'eligibility' },
        h('summary', { text: t('req.eligibility') }),
        h('ul', {}, others.map((e) => h('li', { text: e.text }))),
      ),
    );
  }
  if (r.myth) {
    card.appendChild(
      h(
        'div',
        { class: 'myth' },
        h('p', {}, h('strong', { text: t('req.myth') }), ' ', r.myth.text),
        sourcesList(r.myth.sources, ctx, { req: r.id, field: 'myth' }),
      ),
    );
  }
  card.appendChild(sourcesBlock(r, ctx));
  return card;
}

/**
 * Whether a requirement's long texts are still on their way (in categories.<lang>.json).
 * @param {Requirement} r
 * @param {Catalogue} catalogue
 */
function detailsPending(r, catalogue) {
  return !!catalogue.details && r.kind === 'category' && r.summary === undefined;
}

/**
 * Draws again the cards drawn before their long texts arrived, keeping which of their disclosures
 * are open and where the keyboard focus was.
 * @param {ParentNode} root
 * @param {Ctx} ctx
 */
export function refreshCards(root, ctx) {
  const items = new Map((ctx.report?.requirements || []).map((i) => [i.id, i]));
  const focusables = (/** @type {Element} */ el) => [...el.querySelectorAll('button, a[href], summary, [tabindex]')];
  for (const old of root.querySelectorAll('article.req[data-pending-details]')) {
    const item = items.get(/** @type {HTMLElement} */ (old).dataset.req || '');
    if (!item) continue;
    const fresh = renderRequirement(item, ctx, { headingLevel: Number(old.querySelector('.req-name')?.tagName.slice(1)) || 4, personal: 'personal' in /** @type {HTMLElement} */ (old).dataset });
    // Disclosures keep their state by kind (the new card has the same ones).
    const open = [...old.querySelectorAll('details')].filter((d) => d.open).map((d) => d.classList[0]);
    const active = /** @type {ShadowRoot|Document} */ (old.getRootNode()).activeElement;
    const focusAt = active && old.contains(active) ? focusables(old).indexOf(active) : -1;
    old.replaceWith(fresh);
    for (const kind of open) {
      const d = kind && fresh.querySelector('details.' + kind);
      if (d) /** @type {HTMLDetailsElement} */ (d).open = true;
    }
    if (focusAt >= 0) /** @type {HTMLElement|undefined} */ (focusables(fresh)[focusAt])?.focus();
  }
  // The rows of the results' compact list (their cards drawn or not) get their one line now too:
  // the whole summary (the core catalogue has its first sentence).
  for (const row of root.querySelectorAll('details[data-row] > summary')) {
    const line = /** @type {string|undefined} */ (ctx.catalogue?.requirements[/** @type {HTMLElement} */ (row.parentElement).dataset.row || '']?.summary);
    if (!line) continue;
    row.querySelector('.row-line')?.remove();
    row.appendChild(h('span', { class: 'row-line', text: line }));
  }
}

/**
 * Why: each deciding rule with the answers that made it hold, in the questions' words.
 * @param {Item} item
 * @param {Ctx} ctx
 */
function whyBlock(item, ctx) {
  const { t, report } = ctx;
  const catalogue = /** @type {Catalogue} */ (ctx.catalogue);
  const box = h('div', { class: 'why' });
  const because = item.because || [];
  if (!because.length) {
    box.appendChild(h('p', { class: 'why-none', text: item.status === 'not_needed' ? t('why.nothingRequires') : t('why.none') }));
    return box;
  }
  box.appendChild(h('p', { class: 'why-title', text: t('why.title') }));
  const ul = h('ul', { class: 'why-list' });
  for (const b of because) {
    const li = h('li');
    if (b.rule === 'picked') li.appendChild(h('p', { text: t('why.picked') }));
    else {
      const rule = catalogue.rules?.[b.rule];
      // Most rules' reasons come with the details: the card says so and is drawn again then (refreshCards).
      const text = rule?.text ?? (catalogue.details ? t('why.loading') : b.rule);
      li.appendChild(h('p', { class: rule?.text === undefined && catalogue.details ? 'req-pending' : undefined, text }));
      if (rule?.ask && item.status === 'needs_confirming') li.appendChild(h('p', { class: 'why-ask', text: t('why.ask', { ask: rule.ask }) }));
    }
    if (b.answers && b.answers.length) {
      const al = h('ul', { class: 'why-answers' });
      for (const qid of b.answers) {
        const a = report.answers?.[qid];
        const q = ctx.qsById.get(qid);
        al.appendChild(
          h(
            'li',
            {},
            h('span', { class: 'why-q', text: a?.question || q?.text || qid }),
            ' ',
            h('span', { class: 'why-a', text: t('why.youAnswered', { answer: a?.answer ?? '' }) }),
            ' ',
            h('button', { class: 'link small', attrs: { type: 'button', 'data-action': 'goto-question', 'data-qid': qid, 'data-return': 'results' } }, t('summary.change'), h('span', { class: 'visually-hidden', text: ' ' + (q?.text || qid) })),
          ),
        );
      }
      li.appendChild(al);
    }
    ul.appendChild(li);
  }
  box.appendChild(ul);
  return box;
}

/**
 * A link-styled button to a question (in-page navigation, never the host URL: the router's
 * goto-question action).
 * @param {string} qid
 * @param {Ctx} ctx
 * @param {'summary'|'results'} returnTo
 */
export function questionLink(qid, ctx, returnTo) {
  const q = ctx.qsById.get(qid);
  return h('button', { class: 'link', text: q ? q.text : qid, attrs: { type: 'button', 'data-action': 'goto-question', 'data-qid': qid, 'data-return': returnTo } });
}

/** @param {string} text @param {string} kind */
function tag(text, kind) {
  return h('span', { class: 'tag tag-' + kind, text });
}

/** @param {string|undefined} c @param {Translate} t */
export function confidenceTag(c, t) {
  return h('span', { class: 'tag confidence-' + (c || 'unconfirmed'), text: t('confidence.' + (c || 'unconfirmed')) });
}

/**
 * Documents as AND-of-OR.
 * @param {Docs} d
 * @param {Translate} t
 * @returns {HTMLElement}
 */
function docsList(d, t) {
  const ul = h('ul', { class: 'docs' });
  for (const item of d.all || []) ul.appendChild(h('li', {}, docItem(item, t)));
  for (const group of d.any_of || []) {
    ul.appendChild(h('li', {}, h('span', { class: 'docs-any', text: t('req.anyOf', { n: group.length }) }), h('ul', { class: 'docs' }, group.map((it) => h('li', {}, docItem(it, t))))));
  }
  return ul;
}

/** @param {import('../../app/types.js').DocItem} item @param {Translate} t */
function docItem(item, t) {
  if (typeof item === 'string') return document.createTextNode(item);
  const frag = h('span', { class: 'doc-bundle' });
  if (item.label) frag.appendChild(h('strong', { text: item.label + (t('req.colon')) }));
  frag.appendChild(docsList({ all: item.all || [], any_of: item.any_of || [] }, t));
  return frag;
}
