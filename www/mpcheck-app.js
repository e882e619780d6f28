// <mpcheck-app>: the whole checker in one open shadow root.
// Attributes: lang (zh-CN | en), platform (preset answer), answers (preset, share-link encoding),
// compact, storage-key (default "mpcheck"), sync-url (read/write the host page's URL fragment).
// Events (bubbling, composed): mpcheck:change {answers, lang}, mpcheck:result {report}.
// All state lives on the instance: several checkers on one page work independently.
import { loadEngineFor, loadCatalogue, loadCauses, loadQuestions, loadCategoryDetails, loadNames, assetUrl } from './wasm-loader.js';
import { translator, normaliseLang, loadMessages, hasMessages } from './i18n/index.js';
import { h, focusEl } from './components/dom.js';
import { validateAnswers, decodeAnswers, encodeAnswers, answerWords, sameAnswers, SHARE_VERSION } from './components/answers.js';
import { loadState, saveState, clearState, savePrevious, loadPrevious, dropPrevious } from './components/storage.js';
import { renderStartPage } from './components/start-page.js';
import { renderQuestionPage } from './components/question-page.js';
import { renderAllQuestions } from './components/all-questions.js';
import { renderCheckAnswers } from './components/check-answers.js';
import { renderResults, visibleItems } from './components/results-view.js';
import { renderChecklist } from './components/checklist-view.js';
import { renderRejectionHelp } from './components/rejection-help.js';
import { shareLink, resultMarkdown, copyText } from './components/share.js';
// Every other module, named here too (they are side-effect free), so that the browser finds the
// whole graph one level down and fetches it in one round trip rather than five: the first question
// depends on it. tests/e2e/units.test.mjs checks that the list is complete.
import './components/question-field.js';
import './components/category-picker.js';
import './components/search.js';
import { refreshCards, refreshSources } from './components/requirement-card.js';
import './components/plan-view.js';
import './components/what-if.js';
import './i18n/zh-CN.js';
// Not here, loaded when needed by dynamic imports: i18n/en.js (i18n/index.js, when a checker shows
// English) and data/pinyin-initials.js (components/search.js, when a category picker opens).

/**
 * Lengths inside the checker are multiples of --mpcheck-rem. Registered as a <length>, it is
 * computed once on the wrapper (1em of the reader's default size) and inherited as an absolute
 * length, so a host page's `html { font-size: 62.5% }` does not shrink the checker. Registration is
 * global and cannot be undone; it only names this one prefixed property. A second copy of the
 * element finds it registered already; a browser without the API keeps 1rem.
 */
const OWN_UNIT = (() => {
  try {
    CSS.registerProperty({ name: '--mpcheck-rem', syntax: '<length>', inherits: true, initialValue: '16px' });
    return true;
  } catch (e) {
    return !!e && /** @type {any} */ (e).name === 'InvalidModificationError';
  }
})();
const WIDE = 760; // px of the element's own width: room for questions and live results side by side
const NAV = ['questions', 'summary', 'results', 'checklist', 'diagnose'];

export class MpcheckApp extends HTMLElement {
  static get observedAttributes() {
    return ['lang', 'platform', 'answers', 'compact', 'storage-key', 'sync-url'];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.engine = null;
    this.answers = {};
    this.ticks = {};
    this.report = null;
    this.skipped = new Set();
    this.notices = [];
    this.view = { name: 'start' };
    this.mode = 'one';
    this.wide = false;
    this.diagnoseText = '';
    this.diagnoseResult = null;
    this._timers = new Set();
    this._abort = null;
    this._viewAbort = null;
    this._ro = null;
    this._built = false;
    this._ready = false;
    this._noticeSeq = 0;
    this._lastCounts = '';
  }

  /* ---------- lifecycle ---------- */

  connectedCallback() {
    this._abort = new AbortController();
    if (!this._built) this._buildShell();
    this._listen();
    if (this._ready) {
      this._render();
      return;
    }
    this._boot();
  }

  disconnectedCallback() {
    if (this._abort) this._abort.abort();
    if (this._idleIds && typeof cancelIdleCallback === 'function') for (const id of this._idleIds) cancelIdleCallback(id);
    this._idleIds = null;
    if (this._viewAbort) this._viewAbort.abort();
    this._abort = null;
    this._viewAbort = null;
    for (const id of this._timers) clearTimeout(id);
    this._timers.clear();
    if (this._ro) this._ro.disconnect();
    this._ro = null;
  }

  attributeChangedCallback(name, oldValue, value) {
    if (!this._ready || !this.isConnected || oldValue === value) return;
    if (name === 'lang') {
      const l = normaliseLang(value);
      if (l !== this.lang) this.setLanguage(l, false);
    } else if (name === 'compact') {
      this._shell.classList.toggle('compact', this.hasAttribute('compact'));
    } else if (name === 'sync-url' && this.hasAttribute('sync-url')) {
      this._readFragment(true);
    } else if ((name === 'answers' || name === 'platform') && !Object.keys(this.answers).length) {
      this._applyPresets();
      this._changed();
      this._render();
    }
  }

  get storageKey() {
    return this.getAttribute('storage-key') || 'mpcheck';
  }

  /* ---------- setup ---------- */

  _buildShell() {
    this._built = true;
    const link = h('link', { attrs: { rel: 'stylesheet', href: assetUrl('./mpcheck-app.css', import.meta.url) } });
    this._shell = h('div', { class: OWN_UNIT ? 'app unit' : 'app', attrs: { part: 'app', hidden: true } });
    const reveal = () => {
      this._shell.hidden = false;
    };
    link.addEventListener('load', reveal, { once: true });
    link.addEventListener('error', reveal, { once: true });
    this._timer(reveal, 3000); // never keep the checker hidden because a stylesheet is slow
    this._masthead = h('div', { class: 'masthead', attrs: { part: 'masthead' } });
    this._notices = h('div', { class: 'notices' });
    this._nav = h('nav', { class: 'nav', attrs: { part: 'nav' } });
    this._statusBar = h('div', { class: 'status-bar', attrs: { part: 'status' } });
    this._main = h('div', { class: 'view', attrs: { part: 'view' } });
    // Scrollable when long, so it must be reachable by keyboard (tabindex) and named (region).
    this._aside = h('div', { class: 'live-results', attrs: { part: 'live', role: 'region', tabindex: '0', 'aria-labelledby': 'live-results-title' } });
    this._layout = h('div', { class: 'layout' }, this._main, this._aside);
    this._live = h('div', { class: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
    this._footer = h('div', { class: 'footer', attrs: { part: 'footer' } });
    this._shell.append(this._masthead, this._notices, this._nav, this._statusBar, this._layout, this._live, this._footer);
    this.shadowRoot.replaceChildren(link, this._shell);
    this._setLang(normaliseLang(this.getAttribute('lang')));
    const placeholder = h('p', { class: 'loading', attrs: { role: 'status' } });
    this._main.appendChild(placeholder);
    // English is a module of its own: its words follow in a moment (Chinese ones are here already).
    const say = () => {
      if (placeholder.isConnected) placeholder.textContent = this.t('app.loading');
    };
    if (hasMessages(this.lang)) say();
    else loadMessages(this.lang).then(say, say);
  }

  _listen() {
    const signal = this._abort.signal;
    this.shadowRoot.addEventListener('click', (e) => this._onClick(e), { signal });
    this.shadowRoot.addEventListener('change', (e) => this._onChange(e), { signal });
    window.addEventListener('hashchange', () => this.hasAttribute('sync-url') && this._readFragment(true), { signal });
    // Printing: open every collapsed part (sources, eligibility) so the PDF is complete.
    window.addEventListener('beforeprint', () => {
      for (const d of this.shadowRoot.querySelectorAll('details:not([open])')) {
        d.open = true;
        d.dataset.printOpened = '1';
      }
    }, { signal });
    window.addEventListener('afterprint', () => {
      for (const d of this.shadowRoot.querySelectorAll('details[data-print-opened]')) {
        d.open = false;
        delete d.dataset.printOpened;
      }
    }, { signal });
    if (typeof ResizeObserver === 'function') {
      this._ro = new ResizeObserver((entries) => {
        const w = entries[0].contentRect.width;
        const wide = w >= WIDE;
        if (wide !== this.wide) {
          this.wide = wide;
          if (this._ready) this._renderChrome();
          if (this._ready && this.view.name === 'all' && !wide) this.navigate({ name: 'question', qid: this._resumeQuestion() }, false);
        }
      });
      this._ro.observe(this);
    }
  }

  async _boot() {
    const saved = loadState(this.storageKey);
    const lang = this._ready ? this.lang : normaliseLang((saved.state && saved.state.lang) || this.getAttribute('lang'));
    if (!this._ready) {
      // A language the reader picked earlier is kept; one that only follows the attribute is not stored.
      this._langChosen = !!(saved.state && saved.state.lang && lang !== normaliseLang(this.getAttribute('lang')));
      this._setLang(lang);
    }
    // The engine, and the messages of a language other than Chinese (i18n/en.js, small: it arrives
    // well before the wasm), before anything is drawn in that language.
    const messages = loadMessages(lang);
    // The page's module has no texts of its own: it answers once this language's questions file
    // and then its catalogue are here too (loadEngineFor).
    const loading = Promise.all([loadEngineFor(lang), messages]).then(([engine]) => engine);
    loading.catch(() => {}); // handled below
    // A first visit (nothing stored, no link, no preset answers) does not wait for the wasm: the
    // questions file (a few KB) is enough for the start page and the first question. Answers and
    // the flow go through the engine as soon as it is here (afterQuestion waits for it).
    if (!this._ready && this._canPreview(saved)) {
      Promise.all([loadQuestions(lang), messages]).then(
        ([file]) => {
          if (!this._abort || this._ready || this.engine || this.lang !== lang) return;
          this._preview(saved, file);
        },
        () => {}, // without the file, the first screen waits for the engine as before
      );
    }
    let engine;
    try {
      engine = await loading;
    } catch (e) {
      this._showLoadError(e);
      return;
    }
    if (!this._abort) return; // removed while loading
    if (this._ready) {
      this._engineArrived(engine);
      return;
    }
    const catalogue = loadCatalogue(lang);
    catalogue.catch(() => {}); // handled in _awaitCatalogue; never an unhandled rejection
    this.engine = engine;
    this._useLanguage(lang, null);
    this._restore(saved);
    this._evaluate();
    this._ready = true;
    this._shell.classList.toggle('compact', this.hasAttribute('compact'));
    const hasFragment = this._fromFragment;
    this.view = hasFragment ? { name: 'results' } : this.hasAttribute('compact') ? { name: 'question', qid: this._resumeQuestion() } : { name: 'start' };
    this._render(false);
    this._save();
    this._emit();
    this._awaitCatalogue(lang, catalogue);
  }

  /** Nothing to restore: the first screen can be drawn from the questions file alone. */
  _canPreview(saved) {
    if (saved.state || saved.problem) return false;
    if (this.getAttribute('answers')) return false;
    if (this.hasAttribute('sync-url') && window.location.hash.length > 1) return false;
    return true;
  }

  /** The first screen before the engine: questions from questions.<lang>.json, no report yet. */
  _preview(saved, file) {
    this.qs = file.questions;
    this.qsById = new Map(this.qs.map((q) => [q.id, q]));
    this._previewVersion = file.version;
    this.catalogue = null;
    this.namesAlt = null;
    this._restore(saved); // presets only (_canPreview): the platform attribute
    this.report = null;
    this._ready = true;
    this._shell.classList.toggle('compact', this.hasAttribute('compact'));
    this.view = this.hasAttribute('compact') ? { name: 'question', qid: this._resumeQuestion() } : { name: 'start' };
    this._render(false);
  }

  /** The engine has arrived after the first screen was drawn from the questions file. */
  _engineArrived(engine) {
    this.engine = engine;
    const lang = this.lang;
    const stale = this._previewVersion !== undefined && this._previewVersion !== engine.version();
    // The engine's questions replace the file's (the same, unless the file is stale: then the
    // answers given so far are checked again and what no longer fits is dropped with a notice).
    this._useLanguage(lang, null);
    const v = validateAnswers(this.answers, this.qs);
    this.answers = v.answers;
    if (v.dropped.length) this._notice(this.t('notice.dropped', { n: v.dropped.length }), 'info');
    this._evaluate();
    this._save();
    this._emit();
    const catalogue = loadCatalogue(lang);
    catalogue.catch(() => {});
    const pending = this._pending;
    this._pending = null;
    if (pending) pending();
    else if (stale || this._main.querySelector('.load-error')) this._render(false);
    else {
      // The reader may be half-way through choosing: leave the view alone, update the rest.
      this._renderVersion();
      this._renderStatus();
    }
    this._awaitCatalogue(lang, catalogue);
  }

  /** Use the catalogue once it arrives (it must come from the same rule base as the engine). */
  _awaitCatalogue(lang, promise) {
    const seq = (this._catalogueSeq = (this._catalogueSeq || 0) + 1);
    promise.then(
      (catalogue) => {
        if (!this._abort || seq !== this._catalogueSeq || this.lang !== lang) return;
        const v = this.engine.version();
        if (catalogue.version !== v) {
          this._catalogueFailed(this.t('app.versionMismatch'));
          return;
        }
        this.catalogue = catalogue;
        this._catalogueProblem = null;
        this._idleDetails();
        // Only texts change: controls stay where they are, and so does the keyboard focus.
        this._renderVersion();
        this._renderStatus();
        const note = this._main.querySelector('[data-reviewed]');
        if (note) note.textContent = this.t('start.notAdvice', { date: catalogue.reviewed || '' });
        if (this._waitingForCatalogue) {
          // Keep the keyboard where it was: move focus only if it was on the placeholder.
          const active = this.shadowRoot.activeElement;
          this._render(!!active && this._main.contains(active));
        }
      },
      () => {
        if (!this._abort || seq !== this._catalogueSeq || this.lang !== lang) return;
        this._catalogueFailed(this.t('app.loadFailed'));
      },
    );
  }

  /** Fetch categories.<lang>.json once the page is idle (the categories' long texts are only in
   * result cards, the checklist's texts on its own screen). */
  _idleDetails() {
    if (!this.catalogue || !this.catalogue.details) return;
    const go = () => this._abort && this._loadDetails();
    if (typeof requestIdleCallback === 'function') {
      const ids = (this._idleIds = this._idleIds || new Set());
      const id = requestIdleCallback(() => {
        ids.delete(id);
        go();
      }, { timeout: 5000 });
      ids.add(id);
    } else this._timer(go, 2000);
  }

  /** categories.<lang>.json merged into the catalogue; redraws a view waiting for it. */
  _loadDetails() {
    const lang = this.lang;
    if (!this.catalogue || !this.catalogue.details || this._detailsLoading === lang) return;
    this._detailsLoading = lang;
    loadCategoryDetails(lang).then(
      () => {
        this._detailsLoading = null;
        if (!this._abort || this.lang !== lang) return;
        if (this._waitingForDetails) {
          const active = this.shadowRoot.activeElement;
          this._render(!!active && this._main.contains(active));
        } else this._drawDetails();
      },
      () => {
        this._detailsLoading = null;
        if (!this._abort || this.lang !== lang) return;
        // Show the view without them (documents, checklist texts) rather than nothing, and say so.
        this._detailsFailed = lang;
        this._notice(this.t('app.loadFailed'), 'warning');
        if (this._waitingForDetails) this._render(false);
      },
    );
  }

  /** Draws again the cards and source lists drawn before the details arrived. */
  _drawDetails() {
    refreshCards(this._main, this.ctx);
    refreshSources(this._main, this.ctx);
  }

  /** Resolves once the catalogue has its details (sources, long texts), or could not get them. */
  _withDetails() {
    if (!this.catalogue || !this.catalogue.details) return Promise.resolve();
    return loadCategoryDetails(this.lang).then(
      () => {},
      () => {},
    );
  }

  /** The checklist needs its texts (in categories.<lang>.json). Results do not wait: cards of
   * WeChat categories and source lists say their texts are loading and fill in when they come. */
  _needsDetails(view) {
    const cat = this.catalogue;
    if (!cat || !cat.details || this._detailsFailed === this.lang) return false;
    return view.name === 'checklist';
  }

  _catalogueFailed(text) {
    this._catalogueProblem = text;
    if (this._waitingForCatalogue) this._render(false);
  }

  /** Views that show names and long texts cannot be drawn before the catalogue has arrived. */
  _needsCatalogue(view) {
    if (['results', 'checklist', 'diagnose', 'all'].includes(view.name)) return true;
    if (view.name === 'question') {
      const q = this.qsById.get(view.qid);
      return !!q && q.kind === 'several_of' && (!!q.options_from || q.options.length > 40);
    }
    return false;
  }

  _renderWaiting() {
    const t = this.t;
    const problem = this._catalogueProblem;
    const el = h(
      'div',
      { class: problem ? 'warning blocks load-error' : 'waiting', attrs: { role: problem ? 'alert' : 'status' } },
      h('h2', { class: 'page-heading', text: problem ? t('app.loadFailedTitle') : t('app.loadingResults') }),
      problem ? h('p', { text: problem }) : null,
      problem ? h('button', { class: 'button secondary', text: t('app.retry'), attrs: { type: 'button', 'data-action': 'retry-catalogue' } }) : null,
    );
    return { el, focus: () => el.querySelector('.page-heading') };
  }

  _showLoadError(e) {
    const t = this.t;
    const noWasm = e && e.kind === 'no_wasm';
    if (this._shell.querySelector('.load-error') && !noWasm) this._main.replaceChildren(); // retry
    this._shell.hidden = false;
    this._main.replaceChildren(
      h(
        'div',
        { class: 'warning blocks load-error', attrs: { role: 'alert' } },
        h('h2', { class: 'page-heading', text: noWasm ? t('app.noWasmTitle') : t('app.loadFailedTitle') }),
        h('p', { text: noWasm ? t('app.noWasm') : t('app.loadFailed') }),
        noWasm ? null : h('button', { class: 'button secondary', text: t('app.retry'), attrs: { type: 'button', 'data-action': 'retry' } }),
      ),
    );
  }

  _setLang(lang) {
    this.lang = lang;
    this.t = translator(lang);
    this._shell.setAttribute('lang', lang);
  }

  _useLanguage(lang, catalogue) {
    this._setLang(lang);
    this.qs = this.engine.questions(lang);
    this.qsById = new Map(this.qs.map((q) => [q.id, q]));
    this.catalogue = catalogue;
    this.namesAlt = null;
  }

  /**
   * The WeChat categories' names in the other language (pkg/names.<lang>.json, not its whole
   * catalogue), for matching category names in both languages. Loaded only when the category
   * picker needs them, so the first screen does not wait for them.
   * @returns {Promise<Record<string, string>>}
   */
  otherNames() {
    const other = this.lang === 'en' ? 'zh-CN' : 'en';
    const lang = this.lang;
    return loadNames(other).then((file) => {
      if (this.engine && file.version !== this.engine.version()) throw new Error(`names ${file.version} do not match the engine`);
      if (this.lang === lang) this.namesAlt = file.names;
      return file.names;
    });
  }

  /**
   * The engine, ready to diagnose in the current language: the rejection causes' texts
   * (pkg/causes.<lang>.json) are fetched the first time the rejection help needs them.
   * @returns {Promise<any>}
   */
  causesReady() {
    return loadCauses(this.lang);
  }

  /** Answers from storage, then the URL fragment (sync-url), then the presets. */
  _restore(saved) {
    const t = this.t;
    if (saved.state) {
      const v = validateAnswers(saved.state.answers, this.qs);
      this.answers = v.answers;
      this.ticks = saved.state.ticks || {};
      if (saved.state.mode === 'all' || saved.state.mode === 'one') this.mode = saved.state.mode;
      if (v.dropped.length) this._notice(t('notice.dropped', { n: v.dropped.length }), 'info');
    }
    if (saved.problem === 'damaged') this._notice(t('notice.damaged', { key: saved.backupKey || '' }), 'warning');
    if (saved.problem === 'old') this._notice(t('notice.old', { n: Object.keys(this.answers).length, key: saved.backupKey || '' }), 'info');
    if (saved.problem === 'newer') this._notice(t('notice.newer', { key: saved.backupKey || '' }), 'warning');
    if (saved.problem === 'unavailable') this._notice(t('notice.noStorage'), 'info');
    this._fromFragment = false;
    if (this.hasAttribute('sync-url')) this._readFragment(false);
    if (!this._fromFragment && !Object.keys(this.answers).length) this._applyPresets();
  }

  _applyPresets() {
    const preset = this.getAttribute('answers');
    if (preset) {
      const d = decodeAnswers(/(^|[#&])v=/.test(preset) ? preset : 'v=' + SHARE_VERSION + '&' + preset.replace(/^#/, ''), this.qs);
      Object.assign(this.answers, d.answers);
    }
    const platform = this.getAttribute('platform');
    const pq = this.qsById.get('platform');
    if (platform && pq && this.answers.platform === undefined && pq.options.some((o) => o.id === platform)) this.answers.platform = platform;
  }

  /** Read the host page's fragment. Unknown keys are ignored with a notice; nothing is lost. */
  _readFragment(live) {
    const d = decodeAnswers(window.location.hash, this.qs);
    if (!d.present) return;
    const t = this.t;
    if (d.version !== SHARE_VERSION) this._notice(t('notice.linkVersion', { v: String(d.version) }), 'warning');
    if (d.ignored.length) this._notice(t('notice.ignored', { n: d.ignored.length, keys: d.ignored.slice(0, 5).join(', ') }), 'info');
    if (sameAnswers(d.answers, this.answers)) {
      this._fromFragment = true;
      return;
    }
    if (Object.keys(this.answers).length) {
      this._previous = { ...this.answers };
      savePrevious(this.storageKey, this._previous);
      this._notice(t('notice.fromLink'), 'info', [{ label: t('notice.restore'), action: 'restore-previous' }]);
    }
    this.answers = d.answers;
    this._fromFragment = true;
    if (live) {
      this._changed();
      this.navigate({ name: 'results' });
    }
  }

  /* ---------- state ---------- */

  /** Set (or, with undefined, clear) one answer; results update at once. */
  setAnswer(qid, value) {
    if (value === undefined) delete this.answers[qid];
    else {
      this.answers[qid] = value;
      this.skipped.delete(qid);
    }
    this._changed();
  }

  _changed() {
    this._evaluate();
    this._save();
    this._emit();
    this._renderStatus();
    if (this.view.name === 'all' && this._current && this._current.sync) this._current.sync();
  }

  _evaluate() {
    if (!this.engine) {
      this.report = null; // the first screen, before the engine: no report yet
      return;
    }
    try {
      this.report = this.engine.evaluate(this.answers, this.lang);
    } catch (e) {
      // Should not happen after validation; never leave the user with nothing.
      const bad = e && e.question;
      if (bad && bad in this.answers) {
        delete this.answers[bad];
        this._notice(this.t('notice.dropped', { n: 1 }), 'info');
        this._evaluate();
        return;
      }
      this._notice(this.t('notice.engineError', { message: String((e && e.message) || e) }), 'warning');
      this.report = this.report || this.engine.evaluate({}, this.lang);
    }
    // Drop answers to questions that are no longer asked? No: keep them (changing back restores them),
    // the engine ignores questions that are not asked.
    const items = visibleItems(this.report);
    const counts = ['required', 'possible', 'not_accepted'].map((s) => items.filter((i) => i.status === s).length);
    const key = counts.join('/');
    if (this._ready && key !== this._lastCounts) {
      this._announce(this.t('live.updated', { required: counts[0], possible: counts[1], not_accepted: counts[2] }));
    }
    this._lastCounts = key;
  }

  _save() {
    // Keep nothing the checker does not need: with no answers, ticks or choices of the reader's
    // own, the key is removed rather than written (an embed that was only looked at leaves no trace).
    const own =
      Object.keys(this.answers).length > 0 ||
      Object.keys(this.ticks).length > 0 ||
      this.mode !== 'one' ||
      !!this._langChosen;
    if (own) saveState(this.storageKey, { answers: this.answers, ticks: this.ticks, lang: this.lang, mode: this.mode });
    else clearState(this.storageKey);
    if (this.hasAttribute('sync-url')) {
      const frag = Object.keys(this.answers).length ? '#' + encodeAnswers(this.answers, this.qs) : '';
      const url = window.location.href.split('#')[0] + frag;
      if (url !== window.location.href) {
        try {
          window.history.replaceState(window.history.state, '', url || window.location.pathname);
        } catch {
          /* a sandboxed host may refuse; the share link still works */
        }
      }
    }
  }

  _emit() {
    if (!this.engine) return; // events start with the first report
    this.dispatchEvent(new CustomEvent('mpcheck:change', { bubbles: true, composed: true, detail: { answers: JSON.parse(JSON.stringify(this.answers)), lang: this.lang } }));
    this.dispatchEvent(new CustomEvent('mpcheck:result', { bubbles: true, composed: true, detail: { report: this.report } }));
  }

  async setLanguage(lang, reflect = true) {
    const l = normaliseLang(lang);
    let catalogue;
    let engine;
    try {
      // The engine with this language's texts (the first screen may have come from the questions file).
      engine = await loadEngineFor(l);
      await loadMessages(l);
      // With the categories' long texts already here in one language, switch to the other with
      // them too, so that the results do not blink through "loading".
      const withDetails = !!this.catalogue && !this.catalogue.details;
      catalogue = await loadCatalogue(l);
      if (withDetails) await loadCategoryDetails(l).catch(() => {});
    } catch {
      this._notice(this.t('app.loadFailed'), 'warning');
      return;
    }
    if (!this._abort) return;
    this.engine = this.engine || engine;
    if (catalogue.version !== this.engine.version()) {
      this._notice(this.t('app.versionMismatch'), 'warning');
      return;
    }
    this._catalogueSeq = (this._catalogueSeq || 0) + 1; // a catalogue still on its way is stale now
    this._useLanguage(l, catalogue);
    if (reflect && this.getAttribute('lang') !== this.lang) this.setAttribute('lang', this.lang);
    this._evaluate();
    this._save();
    this._emit();
    this._render();
  }

  /* ---------- flow ---------- */

  askedIds() {
    if (this.report && this.report.flow) return this.report.flow.asked;
    // Before the engine's first report (the first screen): the questions asked whatever the answers.
    return this.qs.filter((q) => !this.engine ? !q.ask_when : true).map((q) => q.id);
  }

  _resumeQuestion() {
    const asked = this.askedIds();
    return asked.find((id) => this.answers[id] === undefined && !this.skipped.has(id)) || null;
  }

  /** After Continue on a question page. */
  afterQuestion(qid, returnTo) {
    if (!this.engine) {
      // Faster than the download: the answer is kept, the next question (which depends on it)
      // follows once the engine is here. Until then the form cannot be sent twice.
      this._pending = () => this.afterQuestion(qid, returnTo);
      for (const b of this._main.querySelectorAll('button, input, select, textarea')) /** @type {any} */ (b).disabled = true;
      const form = this._main.querySelector('form') || this._main;
      if (!form.querySelector('.preparing')) form.appendChild(h('p', { class: 'preparing', attrs: { role: 'status' }, text: this.t('app.preparing') }));
      return;
    }
    if (returnTo) return this.navigate({ name: returnTo });
    const asked = this.askedIds();
    const i = asked.indexOf(qid);
    const next = i >= 0 ? asked[i + 1] : this._resumeQuestion();
    this.navigate(next ? { name: 'question', qid: next } : { name: 'summary' });
  }

  navigate(view, focus = true) {
    if (view.name === 'question' && (!view.qid || !this.qsById.has(view.qid))) view = { name: 'summary' };
    if (view.name === 'questions') view = this.mode === 'all' && this.wide ? { name: 'all' } : { name: 'question', qid: this._resumeQuestion() };
    if (view.name === 'question' && !view.qid) view = { name: 'summary' };
    this.view = view;
    this._render(focus);
  }

  /* ---------- rendering ---------- */

  get ctx() {
    const on = (el, type, fn, opts = {}) => el.addEventListener(type, fn, { ...opts, signal: this._viewAbort.signal });
    return {
      t: this.t,
      lang: this.lang,
      instance: 'm',
      on,
      answers: this.answers,
      ticks: this.ticks,
      qs: this.qs,
      qsById: this.qsById,
      catalogue: this.catalogue,
      namesAlt: this.namesAlt,
      otherNames: () => this.otherNames(),
      report: this.report,
      uid: (a, b) => this.uid(a, b),
      entityLabel: (id) => this.qsById.get('entity')?.options.find((o) => o.id === id)?.label || id,
      answerWords: (qid) => answerWords(this.qsById.get(qid), this.answers[qid], this.t, this.lang),
    };
  }

  /** Ids are scoped to this shadow root, so they only need to be unique inside it. */
  uid(prefix, id) {
    return `${prefix}-${String(id).replace(/[^A-Za-z0-9_-]/g, '_')}`;
  }

  _renderChrome() {
    const t = this.t;
    this._shell.setAttribute('lang', this.lang);
    this._shell.classList.toggle('wide', this.wide);
    this._shell.classList.toggle('compact', this.hasAttribute('compact'));
    // Masthead: title, language switch.
    const other = this.lang === 'en' ? 'zh-CN' : 'en';
    this._masthead.replaceChildren(
      h('p', { class: 'app-title', text: t('app.title') }),
      h('p', { class: 'app-version' }),
      h('button', {
        class: 'button secondary lang-switch',
        text: t('app.otherLanguage'),
        attrs: { type: 'button', 'data-action': 'lang', 'data-lang': other, lang: other, 'aria-label': t('app.switchLanguage') },
      }),
    );
    // Navigation between the parts of the checker.
    this._nav.setAttribute('aria-label', t('nav.label'));
    const active = this.view.name === 'question' || this.view.name === 'all' || this.view.name === 'start' ? 'questions' : this.view.name;
    const ul = h('ul', { class: 'nav-list' });
    for (const name of NAV) {
      const b = h('button', { class: 'nav-item', text: t('nav.' + name), attrs: { type: 'button', 'data-action': 'view', 'data-view': name } });
      if (name === active) b.setAttribute('aria-current', 'page');
      ul.appendChild(h('li', {}, b));
    }
    if (this.wide) {
      ul.appendChild(
        h('li', { class: 'nav-mode' }, h('button', { class: 'nav-item mode-toggle', text: this.mode === 'all' ? t('nav.oneAtATime') : t('nav.allOnOnePage'), attrs: { type: 'button', 'data-action': 'toggle-mode', 'aria-pressed': String(this.mode === 'all') } })),
      );
    }
    this._nav.replaceChildren(ul);
    this._renderNotices();
    this._renderStatus();
    this._footer.replaceChildren(
      h('p', { class: 'footer-version' }),
      h('p', { text: t('footer.privacy') }),
    );
    this._renderVersion();
  }

  /** The rule-base version (from the wasm) and its review date (from the catalogue, once it is here). */
  _renderVersion() {
    const t = this.t;
    const version = this.report?.version || '';
    const reviewed = this.catalogue?.reviewed;
    const head = this._masthead.querySelector('.app-version');
    const foot = this._footer.querySelector('.footer-version');
    if (head) head.textContent = reviewed ? t('results.version', { version, reviewed }) : t('results.versionOnly', { version });
    if (foot) foot.textContent = reviewed ? t('footer.version', { version, reviewed }) : t('footer.versionOnly', { version });
  }

  _renderNotices() {
    const t = this.t;
    this._notices.replaceChildren(
      ...this.notices.map((n) =>
        h(
          'div',
          { class: 'notice notice-' + n.kind, attrs: { role: n.kind === 'warning' ? 'alert' : 'status', 'data-notice': n.id } },
          h('p', { text: n.text }),
          h(
            'p',
            { class: 'notice-actions' },
            ...(n.actions || []).map((a) => h('button', { class: 'link', text: a.label, attrs: { type: 'button', 'data-action': a.action, 'data-notice': n.id } })),
            h('button', { class: 'link', text: t('notice.dismiss'), attrs: { type: 'button', 'data-action': 'dismiss', 'data-notice': n.id } }),
          ),
        ),
      ),
    );
  }

  _renderStatus() {
    if (!this._ready) return;
    const t = this.t;
    const items = this.report ? visibleItems(this.report) : [];
    const c = (s) => items.filter((i) => i.status === s).length;
    const showBar = this.view.name !== 'results' && this.view.name !== 'all' && Object.keys(this.answers).length > 0;
    this._statusBar.hidden = !showBar;
    if (showBar) {
      this._statusBar.replaceChildren(
        h('p', { class: 'status-line', text: t('status.line', { required: c('required'), possible: c('possible'), not_accepted: c('not_accepted') }) }),
        h('button', { class: 'link', text: t('status.see'), attrs: { type: 'button', 'data-action': 'view', 'data-view': 'results' } }),
      );
    }
    const showAside = this.view.name === 'all' && this.wide;
    this._layout.classList.toggle('two-col', showAside);
    this._aside.hidden = !showAside;
    if (showAside) {
      const req = items.filter((i) => i.status === 'required' || i.status === 'possible' || i.status === 'not_accepted');
      this._aside.replaceChildren(
        h('h2', { class: 'aside-title', attrs: { id: 'live-results-title' }, text: t('live.title') }),
        h(
          'ul',
          { class: 'live-list' },
          req.map((i) => h('li', { class: 'live-item status-' + i.status }, h('span', { class: 'tag tag-' + i.status, text: t('group.' + i.status) }), ' ', this.catalogue?.requirements[i.id]?.name || i.id)),
        ),
        req.length ? null : h('p', { class: 'empty', text: t('live.empty') }),
      );
    }
  }

  _render(focus = true) {
    if (!this._ready) return;
    if (this._viewAbort) this._viewAbort.abort();
    this._viewAbort = new AbortController();
    const v = this.view;
    let out;
    this._waitingForCatalogue = !this.catalogue && this._needsCatalogue(v);
    this._waitingForDetails = !this._waitingForCatalogue && this._needsDetails(v);
    if (this._waitingForDetails) this._loadDetails();
    // The category picker does not show the long texts, but result cards will: fetch them now.
    else if (v.name === 'question' && this.qsById.get(v.qid)?.options_from) this._loadDetails();
    if (this._waitingForCatalogue || this._waitingForDetails) out = this._renderWaiting();
    else switch (v.name) {
      case 'question':
        out = renderQuestionPage(this, v.qid, v.returnTo);
        break;
      case 'all':
        out = renderAllQuestions(this);
        break;
      case 'summary':
        out = renderCheckAnswers(this);
        break;
      case 'results':
        out = renderResults(this);
        break;
      case 'checklist':
        out = renderChecklist(this);
        break;
      case 'diagnose':
        out = renderRejectionHelp(this);
        break;
      default:
        out = renderStartPage(this);
    }
    this._current = out;
    this._renderChrome();
    this._main.replaceChildren(out.el);
    if (focus) {
      const target = out.focus && out.focus();
      if (target instanceof HTMLElement) focusEl(target);
    }
  }

  /* ---------- events ---------- */

  _onClick(e) {
    const el = /** @type {HTMLElement} */ (e.target).closest?.('[data-action]');
    if (!el || !this.shadowRoot.contains(el)) return;
    const d = el.dataset;
    switch (d.action) {
      case 'retry':
        this._boot();
        break;
      case 'retry-catalogue':
        this._catalogueProblem = null;
        this._render(true);
        this._awaitCatalogue(this.lang, loadCatalogue(this.lang));
        break;
      case 'resume':
        this.navigate({ name: 'questions' });
        break;
      case 'view':
        if (d.view === 'questions' || d.view) this.navigate({ name: d.view || 'summary' });
        break;
      case 'goto-question':
        this.navigate({ name: 'question', qid: d.qid, returnTo: d.return || undefined });
        break;
      case 'back': {
        const asked = this.askedIds();
        const i = asked.indexOf(d.qid);
        if (i > 0) this.navigate({ name: 'question', qid: asked[i - 1] });
        else this.navigate({ name: 'start' });
        break;
      }
      case 'skip':
        this.skipped.add(d.qid);
        this.setAnswer(d.qid, undefined);
        this.skipped.add(d.qid);
        this.afterQuestion(d.qid, this.view.returnTo);
        break;
      case 'clear-answer':
        this.setAnswer(d.qid, undefined);
        this.navigate({ name: 'question', qid: d.qid, returnTo: this.view.returnTo });
        break;
      case 'start-over':
        this._previous = { ...this.answers };
        savePrevious(this.storageKey, this._previous);
        this.answers = {};
        this.skipped.clear();
        this._notice(this.t('notice.cleared'), 'info', [{ label: this.t('notice.undo'), action: 'restore-previous' }]);
        this._changed();
        this.navigate({ name: this.hasAttribute('compact') ? 'questions' : 'start' });
        break;
      case 'restore-previous': {
        const prev = this._previous || loadPrevious(this.storageKey);
        if (prev) {
          this.answers = validateAnswers(prev, this.qs).answers;
          this._previous = null;
          dropPrevious(this.storageKey);
          this._dismiss(d.notice);
          this._changed();
          this.navigate({ name: 'summary' });
        }
        break;
      }
      case 'dismiss':
        this._dismiss(d.notice);
        break;
      case 'lang':
        this._langChosen = true;
        this.setLanguage(d.lang).then(() => this.shadowRoot.querySelector('.lang-switch')?.focus());
        break;
      case 'toggle-mode':
        this.mode = this.mode === 'all' ? 'one' : 'all';
        this._save();
        this.navigate({ name: 'questions' });
        break;
      case 'copy-link':
        this._copy(shareLink(this), 'share.copiedLink');
        break;
      case 'copy-md':
        // With the sources' titles and links (fetched once idle after the first result).
        this._withDetails().then(() => this._copy(resultMarkdown(this), 'share.copiedMarkdown'));
        break;
      case 'print':
        this._withDetails().then(() => {
          this._drawDetails();
          window.print();
        });
        break;
      case 'jump': {
        const target = this.shadowRoot.getElementById(d.target);
        const heading = target && target.querySelector('h3');
        if (heading) {
          heading.scrollIntoView({ block: 'start' });
          heading.focus();
        }
        break;
      }
      default:
        break;
    }
  }

  _onChange(e) {
    const el = /** @type {HTMLInputElement} */ (e.target);
    const id = el.dataset && el.dataset.check;
    if (!id) return;
    if (el.checked) this.ticks[id] = true;
    else delete this.ticks[id];
    this._save();
    el.closest('.task')?.classList.toggle('done', el.checked);
    const p = this.shadowRoot.querySelector('.checklist-progress');
    if (p) {
      const total = (this.report.checklist || []).length;
      const done = (this.report.checklist || []).filter((i) => this.ticks[i.id]).length;
      p.textContent = this.t('checklist.progress', { done, total });
      p.dataset.done = String(done);
    }
  }

  async _copy(text, okKey) {
    const status = this.shadowRoot.querySelector('.copy-status');
    const buffer = this.shadowRoot.querySelector('.copy-buffer');
    const ok = await copyText(text, buffer);
    if (status) status.textContent = ok ? this.t(okKey) : this.t('share.copyFailed');
    if (buffer) buffer.value = text; // the copied text stays inspectable (and copyable by hand)
  }

  /* ---------- notices, announcements, timers ---------- */

  _notice(text, kind, actions) {
    this.notices.push({ id: 'n' + ++this._noticeSeq, text, kind, actions });
    if (this._ready) this._renderNotices();
  }

  _dismiss(id) {
    this.notices = this.notices.filter((n) => n.id !== id);
    this._renderNotices();
  }

  _announce(text) {
    this._live.textContent = '';
    // A short delay makes screen readers announce a repeated message again.
    this._timer(() => {
      this._live.textContent = text;
    }, 100);
  }

  _timer(fn, ms) {
    const id = setTimeout(() => {
      this._timers.delete(id);
      fn();
    }, ms);
    this._timers.add(id);
    return id;
  }
}

if (!customElements.get('mpcheck-app')) customElements.define('mpcheck-app', MpcheckApp);
