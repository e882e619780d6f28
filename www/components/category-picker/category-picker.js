// Searchable picker for platform categories (533 on WeChat): matches Chinese, English and
// pinyin initials, lists only the categories open to the chosen entity, keeps picks as chips.
import { h, uid } from '../dom.js';
import { score, initialsOf, hasInitials, loadInitials } from './search.js';

const PAGE = 30;

export class CategoryPicker {
  /**
   * @param {import('../../app/types.js').Question} q the question
   * @param {string[]} selected
   * @param {import('../../app/types.js').Ctx} ctx
   * @param {(() => void)|undefined} onChange
   */
  constructor(q, selected, ctx, onChange) {
    this.q = q;
    this.ctx = ctx;
    this.onChange = onChange;
    this.selected = [...selected];
    this.limit = PAGE;
    this.candidates = buildCandidates(q, ctx);
    /** @type {Set<string>} the categories the answers so far suggest (possible or required) */
    this.suggested = new Set((ctx.report?.requirements || []).filter((i) => i.status === 'possible' || i.status === 'required').map((i) => i.id));
    /** @type {Promise<void>|null} */
    this.words = null;
    /** @type {Record<string, string>|undefined} the search index, once here */
    this.categoryWords = undefined;
    const { t } = ctx;
    const base = uid('cat', ctx.instance, q.id);
    this.chips = h('ul', { class: 'chips', attrs: { 'aria-label': t('picker.selected') } });
    this.input = h('input', {
      class: 'text-input search-input',
      attrs: { type: 'search', id: base + '-search', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': base + '-search-hint', 'aria-controls': base + '-results' },
    });
    this.count = h('p', { class: 'picker-count', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.list = h('ul', { class: 'picker-results', attrs: { id: base + '-results', 'aria-label': t('picker.results') } });
    this.more = h('button', { class: 'button secondary', text: t('picker.more'), attrs: { type: 'button' } });
    this.entityNote = h('p', { class: 'hint' });
    this.namesNote = h('p', { class: 'hint', attrs: { role: 'status', hidden: true } }); // the other language's names did not load
    this.el = h(
      'div',
      { class: 'picker' },
      h('p', { class: 'picker-selected-title', text: t('picker.selected') }),
      this.chips,
      h('label', { class: 'label', attrs: { for: base + '-search' }, text: t('picker.search') }),
      h('p', { class: 'hint', attrs: { id: base + '-search-hint' }, text: t('picker.searchHint') }),
      this.input,
      this.namesNote,
      this.entityNote,
      this.count,
      this.list,
      this.more,
    );
    ctx.on(this.input, 'input', () => {
      this.limit = PAGE;
      if (/[a-z]/i.test(this.input.value)) this.needLatin();
      this.renderList();
    });
    // Enter in the search box must not submit the question form.
    ctx.on(this.input, 'keydown', (e) => {
      if (/** @type {KeyboardEvent} */ (e).key === 'Enter') e.preventDefault();
    });
    ctx.on(this.more, 'click', () => {
      this.limit += PAGE * 2;
      this.renderList();
    });
    ctx.on(this.list, 'change', (e) => {
      const box = /** @type {HTMLInputElement} */ (e.target);
      const id = box.value;
      if (box.checked && !this.selected.includes(id)) this.selected.push(id);
      if (!box.checked) this.selected = this.selected.filter((x) => x !== id);
      this.renderChips();
      this.changed();
    });
    ctx.on(this.chips, 'click', (e) => {
      const b = /** @type {HTMLElement} */ (e.target).closest('button[data-remove]');
      if (!b) return;
      const id = b.getAttribute('data-remove');
      this.selected = this.selected.filter((x) => x !== id);
      this.renderChips();
      this.renderList();
      this.changed();
      this.input.focus();
    });
    this.renderChips();
    this.renderList();
    // English and Chinese names both match, and pinyin initials: the other language's names and the
    // pinyin table are fetched when a query first has Latin letters (a Chinese query needs neither),
    // and the list matches again with them once each is here.
    this.namesAlt = ctx.namesAlt;
    this.latin = false;
    if (/[a-z]/i.test(this.input.value)) this.needLatin();
  }

  /** A query that finds no category by name: fetch the search index and match again. */
  needWords() {
    if (this.words || !this.ctx.categoryWords) return;
    this.words = this.ctx.categoryWords().then(
      (words) => {
        this.categoryWords = words;
        if (!this.el.isConnected) return;
        this.candidates = buildCandidates(this.q, { ...this.ctx, namesAlt: this.namesAlt, wordsIndex: words });
        this.renderList();
      },
      () => {
        this.words = null; // tried again with the next query
      },
    );
  }

  needLatin() {
    if (this.latin) return;
    this.latin = true;
    const rematch = () => {
      if (!this.el.isConnected) return;
      this.candidates = buildCandidates(this.q, { ...this.ctx, namesAlt: this.namesAlt, wordsIndex: this.categoryWords });
      this.renderList();
    };
    if (!this.namesAlt && this.ctx.otherNames) {
      this.ctx.otherNames().then(
        (alt) => {
          this.namesAlt = alt;
          rematch();
        },
        () => {
          // Names in this language (and pinyin) still match; say that the other language's do not.
          this.namesNote.textContent = this.ctx.t('picker.namesFailed');
          this.namesNote.hidden = false;
        },
      );
    }
    if (!hasInitials()) loadInitials().then(rematch, () => {});
  }

  value() {
    return [...this.selected];
  }

  changed() {
    if (this.onChange) this.onChange();
  }

  entity() {
    const e = this.ctx.answers.entity;
    return typeof e === 'string' && e !== 'not_sure' ? e : null;
  }

  renderChips() {
    const { t } = this.ctx;
    const byId = new Map(this.candidates.map((c) => [c.id, c]));
    const entity = this.entity();
    this.chips.replaceChildren(
      ...this.selected.map((id) => {
        const c = byId.get(id);
        const name = c ? c.name : id;
        const closed = c && entity && c.entities && !c.entities.includes(entity);
        return h(
          'li',
          { class: 'chip' + (closed ? ' chip-warning' : '') },
          h('span', { text: name }),
          closed ? h('span', { class: 'chip-note', text: t('picker.notForEntity') }) : null,
          h('button', { class: 'chip-remove', text: '×', attrs: { type: 'button', 'data-remove': id, 'aria-label': t('picker.remove', { name }) } }),
        );
      }),
    );
    if (!this.selected.length) this.chips.appendChild(h('li', { class: 'chip-empty', text: t('picker.noneSelected') }));
  }

  renderList() {
    const { t } = this.ctx;
    const entity = this.entity();
    const query = this.input.value;
    const pool = entity ? this.candidates.filter((c) => !c.entities || c.entities.includes(entity)) : this.candidates;
    this.entityNote.textContent = entity ? t('picker.entityFilter', { n: pool.length, entity: this.ctx.entityLabel(entity) }) : '';
    const scored = [];
    for (const c of pool) {
      const s = score(query, c);
      if (s >= 0) scored.push([s, c]);
    }
    if (query.trim() && scored.length < 5) this.needWords();
    // The best matches first; among equals (all of them, with no query) the categories the answers suggest.
    const fit = (/** @type {{id: string}} */ c) => (this.suggested.has(c.id) ? 1 : 0);
    scored.sort((a, b) => b[0] - a[0] || fit(b[1]) - fit(a[1]) || a[1].order - b[1].order);
    this.count.textContent = query.trim() ? t(scored.length === 1 ? 'picker.foundOne' : 'picker.found', { n: scored.length }) : t('picker.all', { n: scored.length });
    const shown = scored.slice(0, this.limit);
    const base = uid('cat', this.ctx.instance, this.q.id);
    this.list.replaceChildren(
      ...shown.map(([, c]) => {
        const id = base + '-' + c.id.replace(/[^A-Za-z0-9_-]/g, '_');
        const box = h('input', { class: 'choice-input', attrs: { type: 'checkbox', id, value: c.id } });
        box.checked = this.selected.includes(c.id);
        const other = this.ctx.lang === 'en' ? c.zh : c.en;
        return h(
          'li',
          { class: 'choice' },
          box,
          h('label', { class: 'choice-label', attrs: { for: id } }, h('span', { text: c.name }), other && other !== c.name ? h('span', { class: 'alt-name', text: other }) : null),
        );
      }),
    );
    this.more.hidden = scored.length <= this.limit;
  }
}

/**
 * Candidates from the question's options or, failing that, the catalogue's category group.
 * @param {import('../../app/types.js').Question} q
 * @param {{catalogue: import('../../app/types.js').Ctx['catalogue'], namesAlt: Record<string, string>|null, lang: string,
 *   wordsIndex?: Record<string, string>}} ctx wordsIndex: the search index, once loaded
 */
function buildCandidates(q, ctx) {
  const reqs = ctx.catalogue?.requirements || {};
  const alt = ctx.namesAlt || {}; // the other language's names, by id
  const own = (id) => reqs[id]?.name;
  const other = (id) => (Object.prototype.hasOwnProperty.call(alt, id) ? alt[id] : undefined);
  const zhName = ctx.lang === 'en' ? other : own;
  const enName = ctx.lang === 'en' ? own : other;
  let ids;
  if (q.options && q.options.length) ids = q.options.map((o) => o.id);
  else ids = Object.values(reqs).filter((r) => r.group === 'wechat_category').map((r) => r.id);
  const labels = new Map((q.options || []).map((o) => [o.id, o.label]));
  return ids.map((id, order) => {
    const name = labels.get(id) || reqs[id]?.name || id;
    const zh = zhName(id) || name;
    const en = enName(id) || '';
    return { id, order, name, zh, en, initials: initialsOf(zh), entities: reqs[id]?.entities || null, words: ctx.wordsIndex?.[id] || '' };
  });
}
