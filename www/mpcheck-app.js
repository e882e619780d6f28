// <mpcheck-app>: the whole checker in one open shadow root. This module is the shell: it wires the
// reader's state (app/state.js), the files (app/resources.js), the engine (app/engine.js) and the
// views (app/router.js, app/views.js), and draws the frame around the view (components/frame/…).
// Settings (attributes and properties, app/settings.js): lang, platform, answers, compact,
// storage-key / storageKey, sync-url / syncUrl, hide-title / hideTitle, load-timeout (seconds).
// Events (bubbling, composed): mpcheck:change {answers, lang}, mpcheck:result {report}.
// All state lives on the instance: several checkers on one page work independently.
import { assetUrl, setLoadTimeout } from './wasm-loader.js';
import { translator, normaliseLang, loadMessages, hasMessages } from './i18n/index.js';
import { h, focusEl } from './components/dom.js';
import { makeCtx, makeOps, makeFrameOps } from './app/props.js';
import { CheckerState } from './app/state.js';
import { OTHER_TAB_ACTIONS } from './app/saved-notices.js';
import { Resources } from './app/resources.js';
import { Router } from './app/router.js';
import { renderView } from './app/views.js';
import { reflectSettings, upgradeProperties } from './app/settings.js';
import { buildFrame, drawMasthead, drawNav, drawFooter, drawVersion, OWN_UNIT, WIDE } from './components/frame/frame.js';
import { capNotices, drawNotices } from './components/notices/notices.js';
import { drawStatus } from './components/status/status.js';
import { renderWaiting } from './components/load-error/load-error.js';
import { CheckerFlow } from './app/flow.js';
import { watchPrint } from './app/print.js';
import './app/modules.js';

/** @typedef {import('./app/types.js').Question} Question */
/** @typedef {import('./app/types.js').Notice} Notice */
/** @typedef {import('./app/types.js').Actions} Actions */

/** The element: settings, lifecycle, the frame and the view; loading and answering are CheckerFlow's. */
export class MpcheckApp extends CheckerFlow {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._lang = normaliseLang(this.getAttribute('lang'));
    this.t = translator(this._lang);
    /** @type {Question[]} */
    this.qs = [];
    /** @type {Map<string, Question>} */
    this.qsById = new Map();
    /** @type {import('./app/types.js').Report|null} */
    this.report = null;
    /** @type {Notice[]} */
    this.notices = [];
    this.wide = false;
    /** @type {import('./app/types.js').Answers|null} an `answers` property given as an object */
    this._presetAnswers = null;
    this._state = new CheckerState({
      key: () => this.storageKey,
      syncUrl: () => this.syncUrl,
      // Several keys: one notice, their sentences joined (English ones with a space).
      notify: (k, p, kind, a) => this._notice([k].flat().map((key) => this.t(key, p)).join(this._lang === 'en' ? ' ' : ''), kind, a ? [a] : []),
      otherTab: () => this._notice(this.t('notice.otherTab'), 'warning', OTHER_TAB_ACTIONS),
    });
    this._res = new Resources({
      alive: () => !!this._abort,
      lang: () => this._lang,
      catalogue: () => this._catalogueArrived(),
      catalogueFailed: () => this._waitingForCatalogue && this._render(false),
      details: (waiting) => (waiting ? this._render(this._focusInView()) : this._drawDetails()),
      detailsFailed: (p) => this._detailsFailed(p),
    });
    const s = this._state;
    this._router = new Router({
      toAsk: () => this._toAsk(),
      path: () => this._path(),
      exists: (qid) => this.qsById.has(qid),
      allOnOnePage: () => s.mode === 'all' && this.wide,
      history: () => this.history,
      show: (focus) => this._render(focus),
    });
    /** @type {{view: Actions, notices: Actions, frame: Actions}} the data-actions the drawn parts handle */
    this._actions = { view: {}, notices: {}, frame: {} };
    this._diagnosis = { text: '', causes: null };
    this._timers = /** @type {Set<ReturnType<typeof setTimeout>>} */ (new Set());
    this._abort = /** @type {AbortController|null} */ (null);
    this._viewAbort = new AbortController();
    this._ready = false;
    this._noticeSeq = 0;
    this._lastCounts = '';
    this._ops = makeOps(this);
    this._frameOps = makeFrameOps(this);
  }

  /* ---------- settings (app/settings.js adds platform, storageKey, compact, syncUrl, hideTitle) ---------- */

  /** The current language; setting it switches (through the `lang` attribute). */
  get lang() {
    return this._masthead ? this._lang : normaliseLang(this.getAttribute('lang'));
  }
  set lang(v) {
    this.setAttribute('lang', normaliseLang(v));
  }
  /** The current answers; setting it (share-link string or object) presets them, as the attribute. */
  get answers() {
    return this._state.answers;
  }
  set answers(v) {
    if (v !== null && typeof v === 'object') {
      this._presetAnswers = v;
      this._presetChanged();
    } else if (v == null) this.removeAttribute('answers');
    else this.setAttribute('answers', String(v));
  }
  get engine() {
    return this._res.engine; // null until it has loaded
  }
  get catalogue() {
    return this._res.catalogue; // null until it has arrived
  }

  /* ---------- lifecycle ---------- */

  connectedCallback() {
    upgradeProperties(this);
    setLoadTimeout(this.getAttribute('load-timeout')); // seconds without a byte before a download is given up
    this._abort = new AbortController();
    if (!this._masthead) this._buildShell();
    this._listen();
    if (this._ready) this._render();
    else this._boot();
  }

  disconnectedCallback() {
    this._abort?.abort();
    this._abort = null;
    this._viewAbort.abort();
    this._res.stop();
    for (const id of this._timers) clearTimeout(id);
    this._timers.clear();
    this._ro?.disconnect();
    this._ro = null;
  }

  attributeChangedCallback(/** @type {string} */ name, /** @type {string|null} */ oldValue, /** @type {string|null} */ value) {
    if (!this._ready || !this.isConnected || oldValue === value) return;
    if (name === 'lang' && normaliseLang(value) !== this._lang) this.setLanguage(normaliseLang(value), false);
    else if (name === 'compact') this._shell.classList.toggle('compact', this.compact);
    else if (name === 'sync-url' && this.syncUrl) this._readFragment();
    else if (name === 'answers' || name === 'platform') this._presetChanged();
  }

  /* ---------- the frame ---------- */

  _buildShell() {
    const link = h('link', { attrs: { rel: 'stylesheet', href: assetUrl('./mpcheck-app.css', import.meta.url) } });
    this._shell = h('div', { class: OWN_UNIT ? 'app unit' : 'app', attrs: { part: 'app', hidden: true } });
    const reveal = () => (this._shell.hidden = false);
    link.addEventListener('load', reveal, { once: true });
    link.addEventListener('error', reveal, { once: true });
    this._timer(reveal, 3000); // never keep the checker hidden because a stylesheet is slow
    // The parts the frame is drawn into (components/frame/frame.js): masthead, notices, nav, status
    // bar, the view (_main) and the live results beside it, the live region, the footer.
    Object.assign(this, buildFrame(this._shell));
    /** @type {ShadowRoot} */ (this.shadowRoot).replaceChildren(link, this._shell);
    this._setLang(normaliseLang(this.getAttribute('lang')));
    const placeholder = h('p', { class: 'loading', attrs: { role: 'status' } });
    this._main.appendChild(placeholder);
    // English is a module of its own: its words follow in a moment (Chinese ones are here already).
    const say = () => placeholder.isConnected && (placeholder.textContent = this.t('app.loading'));
    if (hasMessages(this._lang)) say();
    else loadMessages(this._lang).then(say, say);
  }

  _listen() {
    const signal = /** @type {AbortController} */ (this._abort).signal;
    const root = /** @type {ShadowRoot} */ (this.shadowRoot);
    root.addEventListener('click', (e) => this._onClick(e), { signal });
    this._state.watch(signal); // another tab's change to the saved answers
    window.addEventListener('hashchange', () => this._ready && this.syncUrl && this._readFragment(), { signal });
    // The `history` setting: Back and Forward move between the checker's screens (the answers stay).
    window.addEventListener('popstate', (e) => this._ready && this.history && this._router.popped(e) && this._save(), { signal });
    watchPrint(root, signal); // every collapsed part opened for print (app/print.js)
    if (typeof ResizeObserver !== 'function') return;
    this._ro = new ResizeObserver((entries) => {
      const wide = entries[0].contentRect.width >= WIDE;
      if (wide === this.wide) return;
      this.wide = wide;
      if (this._ready) this._renderChrome();
      if (this._ready && this._router.view.name === 'all' && !wide) this._router.go({ name: 'question', qid: this._router.resume() }, false);
    });
    this._ro.observe(this);
  }

  _renderChrome() {
    const { t } = this;
    const s = this._state;
    this._shell.setAttribute('lang', this._lang);
    this._shell.classList.toggle('wide', this.wide);
    this._shell.classList.toggle('compact', this.compact);
    this._actions.frame = {
      ...drawMasthead(this._masthead, { t, lang: this._lang }, this._frameOps),
      ...drawNav(this._nav, { t, view: this._router.view.name, wide: this.wide, mode: s.mode }, this._frameOps),
    };
    drawFooter(this._footer, { t });
    this._renderNotices();
    this._renderStatus();
    this._renderVersion();
  }

  _renderVersion() {
    drawVersion(this._masthead, this._footer, { t: this.t, version: this.report?.version || '', reviewed: this._res.catalogue?.reviewed });
  }

  _renderNotices() {
    this._actions.notices = drawNotices(this._notices, { t: this.t, notices: this.notices }, { dismiss: (id) => this._dismiss(id) });
  }

  _renderStatus() {
    if (!this._ready) return;
    const names = this._res.catalogue?.requirements || null;
    const { name } = this._router.view;
    drawStatus({ bar: this._statusBar, aside: this._aside, layout: this._layout }, { t: this.t, report: this.report, names, view: name, wide: this.wide, hasAnswers: this._state.hasAnswers() && !this._toAsk().length });
  }

  /** Draw the view the router is on, or what it waits for; focus its heading unless `focus` is false. */
  _render(focus = true) {
    if (!this._ready) return;
    this._viewAbort.abort();
    this._viewAbort = new AbortController();
    const v = this._router.view;
    const res = this._res;
    this._waitingForCatalogue = res.needsCatalogue(v, this.qsById, this.report, this._state.answers);
    res.waitingForDetails = !this._waitingForCatalogue && res.needsDetails(v, this._lang);
    // Details are fetched for the view that shows them: the checklist waits; results fill in when idle.
    if (res.waitingForDetails || (v.name === 'results' && !this._waitingForCatalogue)) res[res.waitingForDetails ? 'loadDetails' : 'whenIdle'](this._lang);
    const waitView = this._waitForView(v); // a lazy view's component (app/views.js)
    const waiting = waitView || this._waitingForCatalogue || res.waitingForDetails;
    const problem = waitView ? this._viewProblem?.problem || null : res.problem;
    const out = waiting ? renderWaiting({ t: this.t, problem }, { retry: () => this._retry() }) : renderView(v, this._ctx(), this._ops);
    this._current = out;
    this._actions.view = out.actions || {};
    this._renderChrome();
    this._main.replaceChildren(out.el);
    const target = focus && out.focus && out.focus();
    if (target instanceof HTMLElement) focusEl(target);
  }

  /** What every component may read (components get this and their own callbacks, never the element). */
  _ctx() {
    return makeCtx(this);
  }

  /** @param {Event} e a click anywhere in the shadow root: the action of the control, if it has one */
  _onClick(e) {
    const el = /** @type {HTMLElement|null} */ (/** @type {HTMLElement} */ (e.target).closest?.('[data-action]'));
    if (!el || !this.shadowRoot?.contains(el)) return;
    const name = el.dataset.action || '';
    const { view, notices, frame } = this._actions;
    const run = view[name] || notices[name] || frame[name] || this._router.actions()[name];
    if (run) run(el.dataset, el);
  }

  /* ---------- notices, announcements, timers ---------- */

  /**
   * Tells the reader something, once: a text already shown is not added again.
   * @param {string} text
   * @param {'info'|'warning'} kind
   * @param {{label: string, action: string}[]} [actions] buttons: a label key, and an action the
   *   frame handles on a notice (app/props.js makeFrameOps: noticeActions)
   * @param {boolean} [file] that a file did not load (dismissed once a language switch brings the files)
   */
  _notice(text, kind, actions = [], file = false) {
    if (this.notices.some((n) => n.text === text)) return;
    const id = 'n' + ++this._noticeSeq;
    const handlers = this._frameOps.noticeActions;
    const run = (/** @type {string} */ action) => () => handlers[/** @type {keyof typeof handlers} */ (action)](id);
    this.notices = capNotices([...this.notices, { id, text, kind, file, actions: actions.map((a) => ({ label: this.t(a.label), action: a.action, run: run(a.action) })) }]);
    if (this._ready) this._renderNotices();
  }

  _dismiss(/** @type {string} */ id) {
    this.notices = this.notices.filter((n) => n.id !== id);
    this._renderNotices();
  }

  /** Dismisses the notice showing this text, if any. */
  _dismissText(/** @type {string} */ text) {
    const n = this.notices.find((x) => x.text === text);
    if (n) this._dismiss(n.id);
  }

  _announce(/** @type {string} */ text) {
    this._live.textContent = '';
    this._timer(() => (this._live.textContent = text), 100); // then a repeated message is announced again
  }

  _timer(/** @type {() => void} */ fn, /** @type {number} */ ms) {
    const id = setTimeout(() => this._timers.delete(id) && fn(), ms);
    this._timers.add(id);
  }
}

reflectSettings(MpcheckApp);

if (!customElements.get('mpcheck-app')) customElements.define('mpcheck-app', MpcheckApp);
