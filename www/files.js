// The checker's files beside its module: where they are (setAssetBase, assetUrl) and the JSON
// files that hold the words of the engine's ids (docs/api.md), each fetched once per page and
// language; a failed fetch may be retried. Used by wasm-loader.js, which re-exports all of it.
import { hasShape, loadError, watchedFetch } from './download.js';

export { loadError, loadTimeout, setLoadTimeout, watchedFetch, withinLimit } from './download.js';

/** @type {string|null} where the element's files are, when not beside this module (setAssetBase) */
let assetBase = null;

/**
 * Tell the checker where its files are (the folder that holds mpcheck-app.css and pkg/), when they
 * are not beside this module: for example when a bundler has moved the JavaScript but copied the
 * assets elsewhere. Call it before the first <mpcheck-app> connects. Relative URLs resolve against
 * the host page's base URL.
 * @param {string|URL} base
 */
export function setAssetBase(base) {
  const href = new URL(String(base), document.baseURI).href;
  assetBase = href.endsWith('/') ? href : href + '/';
}

/**
 * The URL of one of the checker's files: relative to setAssetBase's folder if set, else to `from`
 * (a module's import.meta.url), never to the host page.
 * @param {string} path e.g. './pkg/mpcheck_bg.wasm'
 * @param {string} [from]
 */
export function assetUrl(path, from = import.meta.url) {
  return new URL(path, assetBase || from).href;
}

/** @type {Map<string, Promise<any>>} catalogue.<lang>.json, fetched once per page and language */
export const catalogues = new Map();
/** @type {Map<string, Promise<any>>} questions.<lang>.json, likewise */
export const questionFiles = new Map();
/** @type {Map<string, Promise<any>>} names.<lang>.json, likewise */
const nameFiles = new Map();
/** @type {Map<string, Promise<any>>} names.<lang>.json merged into the catalogue, likewise */
const withNames = new Map();
/** @type {Map<string, Promise<any>>} categories.<lang>.json merged into the catalogue, likewise */
const details = new Map();
/** @type {Map<string, Promise<any>>} categories.<lang>.json as fetched, likewise */
const detailFiles = new Map();
/** @type {Map<string, Promise<any>>} causes.<lang>.json, likewise */
export const causeFiles = new Map();

/**
 * The catalogue as a page uses it, from the compact form of pkg/catalogue.<lang>.json
 * (`"format": "compact"`, docs/api.md): every record gets its `id` back from its key, and a
 * requirement of a group in `group_defaults` (the WeChat categories) the fields it left out,
 * each its own copy. A catalogue not in the compact form is returned as it is.
 * @param {any} file the parsed JSON
 * @returns {any} the core catalogue (catalogue_core_json's value)
 */
export function expandCatalogue(file) {
  if (!file || file.format !== 'compact') return file;
  const { format, group_defaults: groups, ...out } = file;
  const defaults = new Map(Object.entries(groups || {}).map(([g, d]) => [g, JSON.stringify(d)]));
  for (const section of ['requirements', 'rules', 'checks', 'sources']) {
    const records = {};
    for (const [id, r] of Object.entries(file[section] || {})) {
      const shared = r.group !== undefined && defaults.get(r.group);
      records[id] = shared ? { id, ...JSON.parse(shared), ...r } : { id, ...r };
    }
    out[section] = records;
  }
  return out;
}

/**
 * The catalogue (names and long texts) for one language: pkg/catalogue.<lang>.json beside the
 * module (docs/api.md), expanded (expandCatalogue). Fetched once per page; a failed fetch may be retried.
 * @param {'zh-CN'|'en'} lang
 * @param {RequestInit} [options] for fetch (loadEngineFor passes `cache: 'reload'` for a stale copy)
 * @returns {Promise<any>}
 */
export function loadCatalogue(lang, options = {}) {
  // Low priority: the engine (and with it the first question) goes first where the browser
  // schedules by priority.
  return once(catalogues, lang, () => getJson(`catalogue.${lang}.json`, { priority: 'low', ...options }).then(expandCatalogue));
}

/**
 * What make() resolves to, made once per key and kept in `cache`; after a failure the next call
 * makes it again (a flaky network, say).
 * @template T
 * @param {Map<string, Promise<T>>} cache
 * @param {string} key
 * @param {() => Promise<T>} make
 * @returns {Promise<T>}
 */
export function once(cache, key, make) {
  if (!cache.has(key)) {
    const p = make().catch((e) => {
      cache.delete(key);
      throw e;
    });
    cache.set(key, p);
  }
  return /** @type {Promise<T>} */ (cache.get(key));
}

/**
 * One JSON file of the checker's (pkg/<name>), parsed and checked to have the form its kind has
 * (download.js, hasShape); a failure is a tagged error: `timeout` (no data for the stall limit), `bad_file` (not
 * JSON, or not that form) or `load_failed` (HTTP status, network).
 */
export function getJson(name, options = {}) {
  const url = assetUrl(`./pkg/${name}`);
  /** @type {unknown} a failure while the body was read (the stall's own error, not the reader's) */
  let failure = null;
  return watchedFetch(url, { credentials: 'same-origin', ...options, onFail: (e) => (failure = e) })
    .then(async (res) => {
      if (!res.ok) {
        res.body?.cancel().catch(() => {});
        throw new Error('HTTP ' + res.status);
      }
      const text = await res.text().catch((e) => Promise.reject(failure || e));
      let file;
      try {
        file = JSON.parse(text);
      } catch (e) {
        throw loadError('bad_file', `could not load pkg/${name}: not JSON`, e);
      }
      if (!hasShape(name, file)) throw loadError('bad_file', `could not load pkg/${name}: not in the form the checker reads`);
      return file;
    })
    .catch((e) => {
      if (e && (e.kind === 'timeout' || e.kind === 'bad_file')) throw e;
      throw loadError('load_failed', `could not load pkg/${name}`, e);
    });
}


/** Fetch one JSON file of the checker's, once per page; a failed fetch may be retried. */
export function fetchJson(cache, name, options = {}) {
  return once(cache, name, () => getJson(name, options));
}

/**
 * The questions of one language, as `questions(lang)` returns them but without the options of a
 * question with `options_from` (the page takes those from the catalogue), and the rule-base
 * version: pkg/questions.<lang>.json (docs/api.md), a few KB. The page shows its first screen from
 * this file while the wasm is still on its way; once the engine is here, its own questions (and
 * its version) win.
 * @param {'zh-CN'|'en'} lang
 * @returns {Promise<{version: string, questions: any[]}>}
 */
export function loadQuestions(lang) {
  // High priority: the first question waits for this file and nothing else.
  return fetchJson(questionFiles, `questions.${lang}.json`, { priority: 'high' });
}

/**
 * The records of the requirements a question takes its options from (the WeChat categories) in one
 * language: pkg/names.<lang>.json (docs/api.md), about 10 KB. The category picker matches names in
 * both languages and needs no more of the other language's catalogue than its `names`.
 * @param {'zh-CN'|'en'} lang
 * @returns {Promise<{version: string, group: string, defaults: object, names: Record<string, string>, more: Record<string, object>}>}
 */
export function loadNames(lang) {
  return fetchJson(nameFiles, `names.${lang}.json`, { priority: 'low' });
}

/**
 * Puts the records of pkg/names.<lang>.json back into the core catalogue of the same language
 * (which leaves them out, and says so with `names: "names"`): each is the file's `defaults`, its
 * name and group and its own fields (`more`), its own copy, in catalogue order (after the
 * requirement `after`).
 * @param {any} catalogue the core catalogue (expanded); it no longer has `names` afterwards
 * @param {any} file
 */
export function mergeNames(catalogue, file) {
  if (!catalogue.names) return catalogue;
  const defaults = JSON.stringify(file.defaults || {});
  const records = Object.entries(file.names).map(([id, name]) => [id, { id, ...JSON.parse(defaults), name, group: file.group, ...(file.more || {})[id] }]);
  const core = Object.entries(catalogue.requirements);
  const after = core.findIndex(([id]) => id === file.after);
  const at = !file.after ? 0 : after < 0 ? core.length : after + 1;
  catalogue.requirements = Object.fromEntries([...core.slice(0, at), ...records, ...core.slice(at)]);
  delete catalogue.names;
  return catalogue;
}

/**
 * The catalogue with the WeChat categories' records (pkg/names.<lang>.json merged in): what a view
 * that shows a category needs. Fetched once per page and language; resolves to the catalogue.
 * @param {'zh-CN'|'en'} lang
 * @returns {Promise<any>}
 */
export function loadCategoryNames(lang) {
  return once(withNames, lang, () =>
    Promise.all([loadCatalogue(lang), loadNames(lang)]).then(([catalogue, file]) => {
      if (file.version !== catalogue.version) {
        throw loadError('version_mismatch', `could not load pkg/names.${lang}.json: version ${file.version}, catalogue ${catalogue.version}`);
      }
      mergeNames(catalogue, file);
      // Details merged before the categories came (a walk without them, then a view with one): theirs too.
      if (catalogue.details) return catalogue;
      return fetchJson(detailFiles, `categories.${lang}.json`).then((more) => mergeDetails(catalogue, more));
    }),
  );
}

/**
 * The category picker's search index: each WeChat category's scope words and everyday words, by id
 * (pkg/category-words.json, built by scripts/category-words.mjs: the words of the n-th category of
 * the catalogue's group, in catalogue order), fetched when a query first finds no category by name.
 * @param {'zh-CN'|'en'} lang the catalogue whose categories the words are for
 * @returns {Promise<{version: string, words: Record<string, string>}>}
 */
export function loadCategoryWords(lang) {
  return Promise.all([loadCategoryNames(lang), fetchJson(nameFiles, 'category-words.json', { priority: 'low' })]).then(([catalogue, file]) => {
    const ids = Object.values(catalogue.requirements).filter((r) => r.group === file.group).map((r) => r.id);
    if (file.version !== catalogue.version || ids.length !== file.words.length) {
      throw loadError('version_mismatch', `could not load pkg/category-words.json: version ${file.version}, catalogue ${catalogue.version}`);
    }
    return { version: file.version, words: Object.fromEntries(ids.map((id, i) => [id, file.words[i]])) };
  });
}

/**
 * Merges pkg/categories.<lang>.json into the core catalogue of the same language: the WeChat
 * categories' long texts into their requirements, every requirement's fields a first result does
 * not show (layer, step, prerequisites, platforms, sources, checked, its myth, the whole summary
 * where the core has its first sentence), the rules' reasons
 * (all but those of the rules that refuse an item), the rules' and eligibility conditions' `when`
 * and sources (and the rules' confidence), the checklist items into `checks` and the sources into
 * `sources`.
 * @param {any} catalogue the core catalogue (expanded); it no longer has `details` afterwards
 * @param {any} file
 */
export function mergeDetails(catalogue, file) {
  for (const [id, more] of Object.entries(file.categories || {})) {
    const r = catalogue.requirements[id];
    if (r) Object.assign(r, more);
  }
  for (const [id, more] of Object.entries(file.rules || {})) {
    const r = catalogue.rules[id];
    if (r) Object.assign(r, more);
  }
  for (const [id, more] of Object.entries(file.requirements || {})) {
    const r = catalogue.requirements[id];
    if (r) Object.assign(r, more);
  }
  for (const [id, list] of Object.entries(file.eligibility || {})) {
    const el = catalogue.requirements[id]?.eligibility || [];
    list.forEach((more, k) => el[k] && Object.assign(el[k], more));
  }
  Object.assign(catalogue.checks, file.checks || {});
  Object.assign(catalogue.sources, file.sources || {});
  delete catalogue.details;
  return catalogue;
}

/**
 * The texts a first result does not need (pkg/categories.<lang>.json: the WeChat categories'
 * summary, scope and documents, the checklist items, the sources' titles and links, and the rules'
 * conditions), merged into the catalogue of the same
 * language (the WeChat categories' parts once their records are here: loadCategoryNames). Fetched once per page and language, when a view first needs them, or once idle after
 * the first result. Resolves to the catalogue, which then no longer has `details`.
 * @param {'zh-CN'|'en'} lang
 * @returns {Promise<any>}
 */
export function loadCategoryDetails(lang) {
  return once(details, lang, () =>
    // The categories' long texts go into their records if they are here (else loadCategoryNames merges them).
    Promise.all([loadCatalogue(lang), fetchJson(detailFiles, `categories.${lang}.json`, { priority: 'low' })]).then(([catalogue, file]) => {
      if (file.version !== catalogue.version) {
        throw loadError('version_mismatch', `could not load pkg/categories.${lang}.json: version ${file.version}, catalogue ${catalogue.version}`);
      }
      mergeDetails(catalogue, file);
      return catalogue;
    }),
  );
}
