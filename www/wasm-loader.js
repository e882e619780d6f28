// Loads the mpcheck engine once per page, however many <mpcheck-app> elements there are (the one
// wasm module, ./pkg/mpcheck_bg.wasm, through ./engine.js), and hands the element an engine whose
// answers come with their words (loadEngineFor: describe() of ./describe.js with the catalogue
// files of ./files.js, which this module re-exports). URLs resolve against this module's folder,
// never the host page, so the checker works from any folder or CDN path.
import { describe, describeCauses, questionsFrom } from './describe.js';
import { assetUrl, catalogues, causeFiles, fetchJson, getJson, loadCatalogue, loadCategoryNames, loadError, loadQuestions, once, questionFiles, watchedFetch, withinLimit } from './files.js';

export { answerText, describe, describeCauses, formatNumber, questionsFrom } from './describe.js';
export { assetUrl, expandCatalogue, loadCatalogue, loadCategoryDetails, loadCategoryNames, loadCategoryWords, loadNames, loadQuestions, mergeDetails, mergeNames, setAssetBase, setLoadTimeout } from './files.js';

/** @type {Promise<any>|null} the one load of this page (a cache, not UI state) */
let loading = null;
/** @type {Map<string, Promise<any>>} the engine, with one language's words loaded (loadEngineFor) */
const withTexts = new Map();
/** @type {Map<string, {catalogue: any, file: any, lang: string, causes?: any}>} the words of each loaded language */
const words = new Map();

/**
 * Load and initialise the engine. Resolves to ./engine.js's exports ({evaluate, diagnose,
 * version}: answers in ids, docs/api.md).
 * @returns {Promise<any>}
 */
export function loadEngine() {
  // A failed load is forgotten, so that a later element tries again (a flaky network, say).
  return (loading ??= start().catch((e) => {
    loading = null;
    throw e;
  }));
}

async function start() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw loadError('no_wasm', 'WebAssembly is not available in this browser');
  }
  const wasmUrl = new URL(assetUrl('./pkg/mpcheck_bg.wasm'));
  /** A tagged timeout as it is; anything else as `load_failed`, naming the file. */
  const failed = (/** @type {any} */ e, file) => (e?.kind === 'timeout' ? e : loadError('load_failed', `could not load ${file}`, e));
  // Start downloading the wasm together with its glue module instead of after it: one round trip
  // less before the first question. The glue compiles it while it streams in. A download that
  // stalls (no byte for the stall limit) or fails is told as it is, not retried here.
  let downloadError = null;
  const download = watchedFetch(wasmUrl, { credentials: 'same-origin', onFail: (e) => (downloadError ??= e) }).then(
    (res) => (res.ok ? res : Promise.reject((downloadError ??= new Error('HTTP ' + res.status)))),
    (e) => Promise.reject((downloadError ??= e)),
  );
  download.catch(() => {}); // a failure surfaces through init below
  let mod;
  try {
    mod = await withinLimit(import('./engine.js'), 'engine.js');
  } catch (e) {
    throw failed(e, 'engine.js or pkg/mpcheck.js');
  }
  try {
    await mod.default({ module_or_path: download });
  } catch (streamingError) {
    if (downloadError || /** @type {any} */ (streamingError)?.kind === 'timeout') throw failed(downloadError || streamingError, 'pkg/mpcheck_bg.wasm');
    // Streaming compilation fails when the server sends the wrong MIME type and in some old
    // Android WebViews; fetch the bytes ourselves and instantiate them instead.
    try {
      const res = await watchedFetch(wasmUrl, { credentials: 'same-origin' });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      await mod.default({ module_or_path: await res.arrayBuffer() });
    } catch (e) {
      throw failed(e, 'pkg/mpcheck_bg.wasm');
    }
  }
  return mod;
}

/**
 * The engine as the element uses it, ready to answer in one language: the module, and that
 * language's questions file and catalogue. Its `evaluate(answers, lang)` and `diagnose(text, lang)`
 * return the engine's answers with their words (describe, describeCauses), `questions(lang)` every
 * question with its options (questionsFrom); a language whose words are not loaded throws
 * `{kind: 'texts_missing'}`. Once per page and language; a failure may be retried.
 * @param {'zh-CN'|'en'} lang
 * @returns {Promise<any>}
 */
export function loadEngineFor(lang) {
  return once(withTexts, lang, async () => {
    // The catalogue is asked for once the module is here: the first screen is drawn from the
    // questions file, and on a slow phone it should not share the connection and the main thread
    // (parsing the catalogue) with the catalogue while the reader starts.
    const engine = loadEngine();
    engine.catch(() => {}); // a failure surfaces below, or the questions file's first
    let file = await loadQuestions(lang);
    const mod = await engine;
    let catalogue = await loadCatalogue(lang);
    const v = mod.version();
    // A file from another version (an old copy in a cache after the site was updated) is fetched
    // once more past the cache; the first screen may have been drawn from it.
    if (file.version !== v) {
      file = await getJson(`questions.${lang}.json`, { cache: 'reload' });
      questionFiles.set(`questions.${lang}.json`, Promise.resolve(file));
    }
    if (catalogue.version !== v) {
      catalogues.delete(lang);
      catalogue = await loadCatalogue(lang, { cache: 'reload' });
    }
    if (file.version !== v || catalogue.version !== v) {
      const [name, got] = file.version !== v ? [`questions.${lang}.json`, file.version] : [`catalogue.${lang}.json`, catalogue.version];
      throw loadError('version_mismatch', `could not load pkg/${name}: version ${got}, engine ${v}`);
    }
    words.set(lang, { ...words.get(lang), catalogue, file, lang });
    return withWords(mod);
  });
}

/** The words of a loaded language, or the tagged `texts_missing` error. */
function wordsOf(lang) {
  const w = words.get(lang);
  if (!w) throw { kind: 'texts_missing', message: `the words of ${lang} are not loaded: loadEngineFor('${lang}') first` };
  return w;
}

/** @type {any} the one engine-with-words object (loadEngineFor) */
let pageEngine = null;

function withWords(mod) {
  pageEngine ??= {
    version: () => mod.version(),
    questions: (lang) => questionsFrom(wordsOf(lang).file, wordsOf(lang).catalogue),
    evaluate: (answers, lang) => {
      const w = wordsOf(lang);
      return describe(mod.evaluate(answers), { catalogue: w.catalogue, questions: questionsFrom(w.file, w.catalogue), lang });
    },
    diagnose: (text, lang) => {
      const w = wordsOf(lang);
      if (!w.causes) throw { kind: 'texts_missing', message: `the rejection causes of ${lang} are not loaded: loadCauses('${lang}') first` };
      return describeCauses(mod.diagnose(text), w.causes);
    },
  };
  return pageEngine;
}

/**
 * The engine, ready to diagnose in one language: loadEngineFor(lang) and the rejection causes'
 * words (pkg/causes.<lang>.json, a few KB), fetched when the rejection help first needs them.
 * @param {'zh-CN'|'en'} lang
 * @returns {Promise<any>} the engine, as loadEngineFor gives it
 */
export function loadCauses(lang) {
  return Promise.all([loadEngineFor(lang), fetchJson(causeFiles, `causes.${lang}.json`)]).then(([engine, file]) => {
    if (file.version !== engine.version()) throw loadError('version_mismatch', `could not load pkg/causes.${lang}.json: version ${file.version}, engine ${engine.version()}`);
    wordsOf(lang).causes = file;
    return engine;
  });
}

/**
 * Load the engine and one language's catalogue (with the WeChat categories' records, which the
 * engine's reports then name) together, and check they come from the same rule base.
 * @param {'zh-CN'|'en'} lang
 */
export async function loadAll(lang) {
  const [engine, catalogue] = await Promise.all([loadEngineFor(lang), loadCategoryNames(lang)]);
  const v = typeof engine.version === 'function' ? engine.version() : catalogue.version;
  if (catalogue.version !== v) {
    throw loadError('version_mismatch', `catalogue ${catalogue.version} does not match engine ${v}`);
  }
  return { engine, catalogue };
}
