// The files one checker needs, over wasm-loader.js (which fetches each once per page, shared by every
// checker, and fetches a failed one again when asked again): the engine, the questions file, the
// catalogue and its details (categories.<lang>.json), the other language's category names and the
// rejection causes. This module keeps what this checker has of them, decides when the details are
// fetched, and names the file that failed: on the page (problem) and in a console error.
import { loadEngineFor, loadCatalogue, loadCauses, loadQuestions, loadCategoryDetails, loadCategoryWords, loadNames } from '../wasm-loader.js';
import { version } from './engine.js';

/** @typedef {import('./types.js').Engine} Engine */
/** @typedef {import('./types.js').Catalogue & {details?: 'categories'}} Catalogue */
/** @typedef {import('./types.js').Lang} Lang */
/** @typedef {import('./types.js').View} View */
/** @typedef {import('./types.js').Question} Question */

/**
 * What went wrong loading: which file, and why, in words for the page. `seconds`: how long nothing
 * arrived (timeout).
 * @typedef {{kind: 'no_wasm'|'load_failed'|'version_mismatch'|'timeout'|'bad_file', file: string, reason: string, seconds?: number}} Problem
 */

const KINDS = ['no_wasm', 'version_mismatch', 'timeout', 'bad_file'];

/**
 * The problem a loader's error stands for. The loader's messages name the file ("could not load
 * pkg/…"); when one does not, the file is the one asked for (`file`).
 * @param {unknown} e
 * @param {string} file
 * @returns {Problem}
 */
export function problemOf(e, file) {
  const given = /** @type {Problem} */ (e);
  if (given && typeof given.file === 'string' && given.kind) return given;
  const err = /** @type {{kind?: string, message?: string, cause?: {message?: string}}} */ (e || {});
  const named = /could not load ([^\s:]+)/.exec(String(err.message || ''));
  const kind = /** @type {Problem['kind']} */ (KINDS.includes(String(err.kind)) ? err.kind : 'load_failed');
  const status = /HTTP \d+/.exec(String(err.cause?.message || err.message || ''));
  const seconds = /(?:no data for|no answer in) ([\d.]+) s/.exec(String(err.message || ''));
  return { kind, file: named ? named[1] : file, reason: status ? status[0] : '', ...(seconds ? { seconds: Number(seconds[1]) } : {}) };
}

/**
 * The promise, whose failure is reported once in the console, naming the file, and rejects with
 * the Problem.
 * @template T
 * @param {Promise<T>} promise
 * @param {string} file
 * @returns {Promise<T>}
 */
function named(promise, file) {
  return promise.catch((e) => {
    const p = problemOf(e, file);
    console.error(`[mpcheck] could not load ${p.file}${p.reason ? ' (' + p.reason + ')' : ''}`, e);
    throw p;
  });
}

export class Resources {
  /**
   * @param {{alive: () => boolean, lang: () => Lang, catalogue: () => void, catalogueFailed: () => void,
   *   details: (waiting: boolean) => void, detailsFailed: (p: Problem) => void}} on what this checker
   *   does when a file arrives or fails (only while it is connected and still in that language)
   */
  constructor(on) {
    this.on = on;
    /** @type {Engine|null} */
    this.engine = null;
    /** @type {Catalogue|null} */
    this.catalogue = null;
    /** @type {Record<string, string>|null} the WeChat categories' names in the other language */
    this.namesAlt = null;
    /** @type {Problem|null} why the catalogue is not here */
    this.problem = null;
    /** @type {Lang|null} the language whose details failed (views are drawn without them) */
    this.detailsFailed = null;
    /** Whether the view on screen waits for the details (the checklist). */
    this.waitingForDetails = false;
    /** @type {Lang|null} */
    this.detailsLoading = null;
    this.seq = 0;
    /** @type {Set<number>} */
    this.idle = new Set();
    /** @type {Set<ReturnType<typeof setTimeout>>} */
    this.timers = new Set();
  }

  /** @param {Lang} lang the engine, given this language's texts */
  engineFor(lang) {
    return named(loadEngineFor(lang), `pkg/questions.${lang}.json`);
  }

  /** @param {Lang} lang the questions file, for the first screen before the engine */
  questions(lang) {
    return named(loadQuestions(lang), `pkg/questions.${lang}.json`);
  }

  /** Start the catalogue's download without waiting for it (loadEngineFor waits for the same one). */
  startCatalogue(/** @type {Lang} */ lang) {
    loadCatalogue(lang).catch(() => {});
  }

  /** The engine and this language's texts are here: a catalogue from before is stale. */
  reset() {
    this.seq += 1;
    this.catalogue = null;
    this.namesAlt = null;
  }

  /**
   * Fetch the catalogue (again, after a failure) and use it once it arrives: it must come from the
   * same rule base as the engine.
   * @param {Lang} lang
   */
  watchCatalogue(lang) {
    const seq = ++this.seq;
    const current = () => this.on.alive() && seq === this.seq && this.on.lang() === lang;
    named(loadCatalogue(lang), `pkg/catalogue.${lang}.json`).then(
      (catalogue) => {
        if (!current()) return;
        if (this.engine && catalogue.version !== version(this.engine)) {
          this.problem = { kind: 'version_mismatch', file: `pkg/catalogue.${lang}.json`, reason: '' };
          this.on.catalogueFailed();
          return;
        }
        this.catalogue = catalogue;
        this.problem = null;
        this.on.catalogue();
      },
      (/** @type {Problem} */ p) => {
        if (!current()) return;
        this.problem = p;
        this.on.catalogueFailed();
      },
    );
  }

  /**
   * Fetch categories.<lang>.json once the page is idle after the results are drawn (the categories'
   * long texts are only in result cards, the checklist's texts on its own screen): not while the
   * reader answers, so that a walk to the first result does not carry them.
   * @param {Lang} lang
   */
  whenIdle(lang) {
    if (!this.catalogue || !this.catalogue.details) return;
    const go = () => this.on.alive() && this.loadDetails(lang);
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => {
        this.idle.delete(id);
        go();
      }, { timeout: 5000 });
      this.idle.add(id);
    } else {
      const id = setTimeout(() => {
        this.timers.delete(id);
        go();
      }, 2000);
      this.timers.add(id);
    }
  }

  /**
   * categories.<lang>.json merged into the catalogue; then the view is drawn again (if it waited) or
   * the cards that waited are filled in.
   * @param {Lang} lang
   */
  loadDetails(lang) {
    if (!this.catalogue || !this.catalogue.details || this.detailsLoading === lang) return;
    this.detailsLoading = lang;
    named(loadCategoryDetails(lang), `pkg/categories.${lang}.json`).then(
      () => {
        this.detailsLoading = null;
        if (this.on.alive() && this.on.lang() === lang) this.on.details(this.waitingForDetails);
      },
      (/** @type {Problem} */ p) => {
        this.detailsLoading = null;
        if (!this.on.alive() || this.on.lang() !== lang) return;
        // Show the view without them (documents, checklist texts) rather than nothing, and say so.
        this.detailsFailed = lang;
        this.on.detailsFailed(p);
      },
    );
  }

  /**
   * Resolves once the catalogue has its details (sources, long texts), or could not get them.
   * @param {Lang} lang
   * @returns {Promise<void>}
   */
  withDetails(lang) {
    if (!this.catalogue || !this.catalogue.details) return Promise.resolve();
    return loadCategoryDetails(lang).then(
      () => {},
      () => {},
    );
  }

  /**
   * Views that show names and long texts cannot be drawn before the catalogue has arrived.
   * @param {View} view
   * @param {Map<string, Question>} qsById
   */
  needsCatalogue(view, qsById) {
    if (this.catalogue) return false;
    if (['results', 'checklist', 'diagnose', 'all'].includes(view.name)) return true;
    if (view.name !== 'question') return false;
    const q = qsById.get(view.qid || '');
    return !!q && q.kind === 'several_of' && (!!q.options_from || q.options.length > 40);
  }

  /**
   * The checklist needs its texts (in categories.<lang>.json). Results do not wait: cards of WeChat
   * categories and source lists say their texts are loading and fill in when they come.
   * @param {View} view
   * @param {Lang} lang
   */
  needsDetails(view, lang) {
    const cat = this.catalogue;
    return !!cat && !!cat.details && this.detailsFailed !== lang && view.name === 'checklist';
  }

  /**
   * The WeChat categories' names in the other language (pkg/names.<lang>.json, not its whole
   * catalogue), for matching category names in both languages; loaded when a picker opens.
   * @param {Lang} lang the current language
   * @returns {Promise<Record<string, string>>}
   */
  otherNames(lang) {
    const other = lang === 'en' ? 'zh-CN' : 'en';
    return named(loadNames(other), `pkg/names.${other}.json`).then((file) => {
      if (this.engine && file.version !== version(this.engine)) throw /** @type {Problem} */ ({ kind: 'version_mismatch', file: `pkg/names.${other}.json`, reason: '' });
      if (this.on.lang() === lang) this.namesAlt = file.names;
      return file.names;
    });
  }

  /** The category picker's search index, by category id (pkg/category-words.json). */
  categoryWords() {
    return named(loadCategoryWords(), 'pkg/category-words.json').then((file) => file.words);
  }

  /**
   * The engine, ready to diagnose in this language: the rejection causes' texts
   * (pkg/causes.<lang>.json) are fetched the first time the rejection help needs them.
   * @param {Lang} lang
   * @returns {Promise<Engine>}
   */
  causes(lang) {
    return named(loadCauses(lang), `pkg/causes.${lang}.json`);
  }

  /**
   * Everything a switch to another language needs: the engine with its texts, its catalogue (and
   * the details, if this language had them already, so that results do not blink through
   * "loading"). Rejects with the Problem.
   * @param {Lang} lang
   * @returns {Promise<{engine: Engine, catalogue: Catalogue}>}
   */
  async switchTo(lang) {
    const withDetails = !!this.catalogue && !this.catalogue.details;
    const engine = await this.engineFor(lang);
    const catalogue = await named(loadCatalogue(lang), `pkg/catalogue.${lang}.json`);
    if (withDetails) await loadCategoryDetails(lang).catch(() => {});
    if (catalogue.version !== version(engine)) throw /** @type {Problem} */ ({ kind: 'version_mismatch', file: `pkg/catalogue.${lang}.json`, reason: '' });
    return { engine, catalogue };
  }

  /** Use the catalogue of a language switch (a catalogue still on its way is stale now). */
  use(/** @type {Engine} */ engine, /** @type {Catalogue} */ catalogue) {
    this.seq += 1;
    this.engine = engine;
    this.catalogue = catalogue;
    this.namesAlt = null;
  }

  /** Stop waiting for the page to be idle (the element was removed). */
  stop() {
    if (typeof cancelIdleCallback === 'function') for (const id of this.idle) cancelIdleCallback(id);
    for (const id of this.timers) clearTimeout(id);
    this.idle.clear();
    this.timers.clear();
  }
}
