// The files one checker needs, over wasm-loader.js (which fetches each once per page, shared by every
// checker, and fetches a failed one again when asked again): the engine, the questions file, the
// catalogue, its WeChat categories' records (names.<lang>.json) and its details (categories.<lang>.json),
// the other language's category names and the rejection causes. This module keeps what this checker has of them, decides when the details are
// fetched, and names the file that failed: on the page (problem) and in a console error.
import { loadEngineFor, loadCatalogue, loadCauses, loadQuestions, loadCategoryDetails, loadCategoryNames, loadCategoryWords, loadNames } from '../wasm-loader.js';
import { version } from './engine.js';
import { named } from './problem.js';
import { decodeAnswers } from './answers.js';

export { problemOf } from './problem.js';

/** @typedef {import('./types.js').Engine} Engine */
/** @typedef {import('./types.js').Catalogue & {details?: 'categories'}} Catalogue */
/** @typedef {import('./types.js').Lang} Lang */
/** @typedef {import('./types.js').View} View */
/** @typedef {import('./types.js').Question} Question */
/** @typedef {import('./problem.js').Problem} Problem */

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
    /** @type {Lang|null} the language whose category records (names.<lang>.json) are on their way */
    this.namesLoading = null;
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

  /**
   * Start the catalogue's download without waiting for it (loadEngineFor waits for the same one), and
   * the WeChat categories' records beside it when the link's answers (`hash`) pick a category, so that
   * its results do not wait for them after the engine.
   * @param {Lang} lang
   * @param {string} [hash] the page's fragment, when the checker reads it
   */
  startCatalogue(lang, hash = '') {
    loadCatalogue(lang).catch(() => {});
    if (!hash) return;
    loadQuestions(lang).then((file) => {
      const answers = decodeAnswers(hash, file.questions).answers;
      if (file.questions.some((q) => q.options_from && Array.isArray(answers[q.id]) && answers[q.id].length)) loadCategoryNames(lang).catch(() => {});
    }, () => {});
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
   * Views that show names and long texts cannot be drawn before the catalogue has arrived, nor a
   * view that shows a WeChat category before the categories' records (names.<lang>.json, which the
   * core catalogue leaves out: loadNames starts them): the category question, a view of results
   * whose report has a requirement the catalogue has no record of or whose walk asks the category
   * question, the check-answers page once a category is picked. They are fetched early when the category question is next or a category is
   * picked (a link's answers), and never in a walk that shows no category (other platforms, mini-games).
   * @param {View} view
   * @param {Map<string, Question>} qsById
   * @param {import('./types.js').Report|null} [report]
   * @param {import('./types.js').Answers} [answers]
   */
  needsCatalogue(view, qsById, report = null, answers = {}) {
    const cat = this.catalogue;
    if (cat && !cat.names) return false;
    const q = view.name === 'question' ? qsById.get(view.qid || '') : undefined;
    const from = [...qsById.values()].filter((x) => x.options_from);
    const picked = from.some((x) => Array.isArray(answers[x.id]) && answers[x.id].length > 0);
    const shows = ['results', 'checklist', 'diagnose', 'all'].includes(view.name);
    // A walk that asks the category question (the results may list the categories open to its entity).
    const asks = from.some((x) => report?.flow.asked.includes(x.id));
    const unnamed = shows && (asks || (!!cat && !!report && report.requirements.some((i) => !cat.requirements[i.id])));
    const wait = !!q?.options_from || unnamed || (picked && (shows || view.name === 'summary'));
    // A view of results asked for before the catalogue: it is fetched now, beside the module, and so
    // are the categories' records when the results may list categories as possible (the category
    // question may still come; with no answers and no report yet, everything is possible).
    if (!cat && shows) this.startCatalogue(this.on.lang());
    const early = !cat && shows && from.some((x) => (report ? report.next_questions.some((n) => n.id === x.id) : !Object.keys(answers).length));
    // (Not again while a failure is shown: Try again clears it.)
    if (!this.problem && (wait || picked || early || from.some((x) => x.id === report?.next_questions[0]?.id))) this.loadNames(this.on.lang());
    if (!cat) return shows || (!!q && q.kind === 'several_of' && (!!q.options_from || q.options.length > 40));
    return wait;
  }

  /**
   * Fetch the WeChat categories' records and merge them into the catalogue (loadCategoryNames); then
   * the element takes them as it takes the catalogue (on.catalogue), or shows the failure.
   * @param {Lang} lang
   */
  loadNames(lang) {
    if (this.namesLoading === lang) return;
    this.namesLoading = lang;
    named(loadCategoryNames(lang), `pkg/names.${lang}.json`).then(
      () => {
        this.namesLoading = null;
        if (this.on.alive() && this.on.lang() === lang && this.catalogue) this.on.catalogue();
      },
      (/** @type {Problem} */ p) => {
        this.namesLoading = null;
        if (!this.on.alive() || this.on.lang() !== lang) return;
        this.problem = p;
        this.on.catalogueFailed();
      },
    );
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
    return named(loadCategoryWords(this.on.lang()), 'pkg/category-words.json').then((file) => file.words);
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
   * the categories' records and the details, if this language had them already, so that results do not blink through
   * "loading"). Rejects with the Problem.
   * @param {Lang} lang
   * @returns {Promise<{engine: Engine, catalogue: Catalogue}>}
   */
  async switchTo(lang) {
    const withDetails = !!this.catalogue && !this.catalogue.details;
    const withNames = !!this.catalogue && !this.catalogue.names;
    const engine = await this.engineFor(lang);
    const catalogue = await named(loadCatalogue(lang), `pkg/catalogue.${lang}.json`);
    if (withNames) await named(loadCategoryNames(lang), `pkg/names.${lang}.json`);
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
