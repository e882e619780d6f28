// The shell's other half (mpcheck-app.js extends this class): loading — the first screen from the questions
// file, the engine's arrival, the catalogue and its details, a language switch — and answering — every change of
// the answers gives a new report, is saved and announced to the host page. Drawing is the element's (_render,
// _renderChrome…); the state, the files and the views are app/state.js, app/resources.js and app/router.js.
import { normaliseLang, loadMessages, translator } from '../i18n/index.js';
import { problemOf } from './resources.js';
import { loadView } from './views.js';
import { loadPicker, mayNeedPicker } from '../components/question-field/picker.js';
import { questions, version, evaluateSafely, counts } from './engine.js';
import { withPreset } from './answers.js';
import { asked, toAsk, path } from './asking.js';
import { questionsById } from './pairs.js';
import { renderLoadError, problemText } from '../components/load-error/load-error.js';
import { refreshCards, refreshSources } from '../components/requirement-card/requirement-card.js';

/** @typedef {import('./types.js').Lang} Lang */
/** @typedef {import('./types.js').Question} Question */
/** @typedef {import('./types.js').View} View */

export class CheckerFlow extends HTMLElement {
  /* ---------- loading ---------- */

  async _boot() {
    const s = this._state;
    const saved = s.load();
    if (!this._ready) {
      // A language the reader picked earlier is kept; one that only follows the attribute is not stored.
      const attr = normaliseLang(this.getAttribute('lang'));
      const lang = normaliseLang(saved.lang || attr);
      s.langChosen = !!(saved.lang && lang !== attr);
      this._setLang(lang);
    }
    const lang = this._lang;
    // The engine, and the messages of a language other than Chinese (i18n/en.js, small: it arrives
    // well before the wasm), before anything is drawn in that language.
    const messages = loadMessages(lang).catch((e) => Promise.reject(problemOf(e, 'i18n/en.js')));
    const loading = Promise.all([this._res.engineFor(lang), messages]).then(([engine]) => engine);
    loading.catch(() => {}); // handled below
    // A first visit (nothing stored, no link, no preset) draws the first screen from the questions file.
    if (!this._ready && this._canPreview(saved)) {
      Promise.all([this._res.questions(lang), messages]).then(([file]) => {
        if (this._abort && !this._ready && !this._res.engine && this._lang === lang) this._preview(saved, file);
      }, () => {}); // without the file, the first screen waits for the engine as before
    } else if (!this._ready) {
      // Answers to show (a link, saved or preset): the results need the catalogue, so it downloads beside the wasm.
      this._res.startCatalogue(lang, this.syncUrl ? window.location.hash : '');
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
    this._res.engine = engine;
    this._useLanguage(lang);
    s.restore(saved, this.qs, this._preset());
    this._evaluate();
    this._ready = true;
    this._shell.classList.toggle('compact', this.compact);
    this._router.set(s.fromFragment ? { name: 'results' } : this.compact ? { name: 'question', qid: this._router.resume() } : { name: 'start' });
    this._render(false);
    this._save();
    this._emit();
    this._res.watchCatalogue(lang);
  }

  /** Nothing to restore: the first screen can be drawn from the questions file alone. */
  _canPreview(/** @type {import('./state.js').Saved} */ saved) {
    if (saved.present || saved.unavailable || this.getAttribute('answers') || this._presetAnswers) return false;
    return !(this.syncUrl && window.location.hash.length > 1);
  }

  /**
   * The first screen before the engine: questions from questions.<lang>.json, no report yet.
   * @param {import('./state.js').Saved} saved
   * @param {{version: string, questions: Question[]}} file
   */
  _preview(saved, file) {
    this.qs = file.questions;
    this.qsById = questionsById(this.qs, this.t, this._lang);
    this._previewVersion = file.version;
    this._res.reset();
    this._state.restore(saved, this.qs, this._preset()); // presets only (_canPreview): the platform
    this.report = null;
    this._ready = true;
    this._shell.classList.toggle('compact', this.compact);
    this._router.set(this.compact ? { name: 'question', qid: this._router.resume() } : { name: 'start' });
    this._render(false);
  }

  /** The engine has arrived after the first screen was drawn from the questions file. */
  _engineArrived(/** @type {import('./types.js').Engine} */ engine) {
    this._res.engine = engine;
    const stale = this._previewVersion !== undefined && this._previewVersion !== version(engine);
    // The engine's questions replace the file's (the same, unless the file is stale: then the
    // answers given so far are checked again and what no longer fits is dropped with a notice).
    this._useLanguage(this._lang);
    const dropped = this._state.revalidate(this.qs);
    if (dropped) this._notice(this.t('notice.dropped', { n: dropped }), 'info');
    this._evaluate();
    this._save();
    this._emit();
    const pending = this._pending;
    this._pending = null;
    if (pending) pending();
    else if (stale || this._main.querySelector('.load-error')) this._render(false);
    else {
      // The reader may be half-way through choosing: leave the view alone, update the rest.
      this._renderVersion();
      this._renderStatus();
    }
    this._res.watchCatalogue(this._lang);
  }

  /** The catalogue, or its categories' records (the category question's options, the report's names), is here: only texts change, so controls (and the keyboard focus) stay. */
  _catalogueArrived() {
    // The category question has no options yet: take the questions again with this catalogue.
    if (this._res.engine && !this._res.catalogue?.names && this.qs.some((q) => q.options_from && !q.options.length)) {
      this._useLanguage(this._lang, true);
      this._evaluate();
    }
    // The picker follows now, so that the category question does not wait for it (a failure shows when it is needed).
    if (this.qs.some(mayNeedPicker)) loadPicker()?.catch(() => {});
    this._renderVersion();
    this._renderStatus();
    const note = this._main.querySelector('[data-reviewed]');
    if (note) note.textContent = this.t('start.notAdvice', { date: this._res.catalogue?.reviewed || '' });
    if (this._waitingForCatalogue) this._render(this._focusInView());
  }

  /** Try again what the view waits for: the catalogue, or the view's component. */
  _retry() {
    this._viewProblem = null;
    const again = !!this._res.problem;
    this._res.problem = null;
    this._render(true);
    if (again) this._res.watchCatalogue(this._lang);
  }

  /**
   * Whether the view waits for its component (a lazy view, app/views.js): imports it, and draws the
   * view when it is here, or names the file that did not load (until Try again).
   * @param {View} v
   */
  _waitForView(v) {
    if (this._viewProblem) return this._viewProblem.view === v.name;
    const wait = loadView(v, this.qsById);
    if (!wait) return false;
    wait.loading.then(
      () => this._abort && this._router.view === v && this._render(this._focusInView()),
      (e) => {
        const problem = problemOf(e, wait.file);
        console.error(`[mpcheck] could not load ${problem.file}`, e);
        this._viewProblem = { view: v.name, problem };
        if (this._abort && this._router.view === v) this._render(false);
      },
    );
    return true;
  }

  /** The details did not load: the view is drawn without them (documents, checklist texts), and says so. */
  _detailsFailed(/** @type {import('./resources.js').Problem} */ p) {
    this._notice(problemText(this.t, p), 'warning', [], true);
    if (this._res.waitingForDetails) this._render(false);
  }

  /** Whether the keyboard focus is in the view (then a redrawn view takes it). */
  _focusInView() {
    const active = this.shadowRoot?.activeElement;
    return !!active && this._main.contains(active);
  }

  /** Draws again the cards and source lists drawn before the details arrived. */
  _drawDetails() {
    const ctx = this._ctx();
    refreshCards(this._main, ctx);
    refreshSources(this._main, ctx);
  }

  _showLoadError(/** @type {unknown} */ e) {
    const out = renderLoadError({ t: this.t, problem: problemOf(e, `pkg/questions.${this._lang}.json`) }, { retry: () => this._boot() });
    this._shell.hidden = false;
    this._actions.view = out.actions || {};
    this._main.replaceChildren(out.el);
  }

  _setLang(/** @type {Lang} */ lang) {
    this._lang = lang;
    this.t = translator(lang);
    this._shell.setAttribute('lang', lang);
  }

  /** The engine's questions in this language; the catalogue of another language is gone (unless `keep`: the same language's, grown). */
  _useLanguage(/** @type {Lang} */ lang, keep = false) {
    this._setLang(lang);
    this.qs = questions(/** @type {import('./types.js').Engine} */ (this._res.engine), lang);
    this.qsById = questionsById(this.qs, this.t, lang); // with the pairs asked as one (app/pairs.js)
    if (!keep) this._res.reset();
  }

  /**
   * Switch language (loads that language's texts and catalogue; reflected to the `lang` attribute).
   * @param {string} lang
   */
  async setLanguage(lang, reflect = true) {
    const l = normaliseLang(lang);
    let got;
    try {
      got = await this._res.switchTo(l);
      await loadMessages(l).catch((e) => Promise.reject(problemOf(e, 'i18n/en.js')));
    } catch (e) {
      this._notice(problemText(this.t, problemOf(e, `pkg/catalogue.${l}.json`)), 'warning', [], true);
      return;
    }
    if (!this._abort) return;
    for (const n of this.notices.filter((x) => x.file)) this._dismiss(n.id); // past, and in the old language
    this._res.engine = got.engine;
    this._useLanguage(l);
    this._res.use(got.engine, got.catalogue);
    if (reflect && this.getAttribute('lang') !== l) this.setAttribute('lang', l);
    this._evaluate();
    this._save();
    this._emit();
    this._render();
  }

  /* ---------- answering ---------- */

  // The questions asked for these answers; still to ask, best first; answered or skipped (app/asking.js).
  _asked() { return asked(this.report, this.qs, !!this._res.engine); }
  _toAsk() { return toAsk(this.report, this.qs, !!this._res.engine, this._state); }
  _path() { return path(this.report, this.qs, !!this._res.engine, this._state); }

  /**
   * Set (or, with undefined, clear) one answer; results update at once.
   * @param {string} qid
   * @param {import('./types.js').AnswerValue|undefined} value
   */
  setAnswer(qid, value) {
    this._state.set(qid, value);
    this._changed();
  }

  _changed() {
    this._evaluate();
    this._save();
    this._emit();
    this._renderStatus();
    if (this._router.view.name === 'all' && this._current && this._current.sync) this._current.sync();
  }

  _evaluate() {
    const engine = this._res.engine;
    if (!engine) {
      this.report = null; // the first screen, before the engine: no report yet
      return;
    }
    const r = evaluateSafely(engine, this._state.answers, this._lang, this.report);
    if (r.dropped) this._notice(this.t('notice.dropped', { n: r.dropped }), 'info');
    if (r.error) this._notice(this.t('notice.engineError', { message: r.error }), 'warning');
    this.report = r.report;
    // Answers to questions no longer asked are kept (changing back restores them); the engine ignores them.
    const c = counts(this.report);
    const key = `${c.required}/${c.possible}/${c.not_accepted}`;
    if (this._ready && key !== this._lastCounts) this._announce(this.t('live.updated', c));
    this._lastCounts = key;
  }

  _save() {
    this._state.save(this._lang, this.qs);
  }

  _emit() {
    if (!this._res.engine) return; // events start with the first report
    const answers = JSON.parse(JSON.stringify(this._state.answers));
    this.dispatchEvent(new CustomEvent('mpcheck:change', { bubbles: true, composed: true, detail: { answers, lang: this._lang } }));
    this.dispatchEvent(new CustomEvent('mpcheck:result', { bubbles: true, composed: true, detail: { report: this.report } }));
  }

  /** The preset settings: `answers` (attribute, or property as an object) and `platform`. */
  _preset() {
    return { answers: this._presetAnswers || this.getAttribute('answers'), platform: this.getAttribute('platform') };
  }

  /** A preset changed after the start: used if the reader has no answers yet. */
  _presetChanged() {
    if (!this._ready || !this.isConnected || this._state.hasAnswers()) return;
    withPreset(this._state.answers, this.qs, this._preset());
    this._changed();
    this._render();
  }

  /** The host page's fragment changed (sync-url): its answers, on the results page. */
  _readFragment() {
    if (!this._state.readFragment(this.qs)) return;
    this._changed();
    this._router.go({ name: 'results' });
  }
}
