// Types for wasm-loader.js: the engine and catalogue loader the element uses (also usable alone).
import type * as Engine from './engine.js';
import type { Catalogue, CausesFile, DescribedReport, Lang, Question } from './describe.js';
import type { Cause } from './engine.js';
export { answerText, describe, describeCauses, formatNumber, questionsFrom } from './describe.js';

/** The module once initialised (engine.js: evaluate, diagnose, version; answers in ids). */
export type LoadedEngine = typeof Engine;

/** The engine with its words, as loadEngineFor gives it to the element. */
export interface EngineWithWords {
  version(): string;
  questions(lang: Lang): Question[];
  evaluate(answers: unknown, lang: Lang): DescribedReport;
  diagnose(text: unknown, lang: Lang): (Cause & CausesFile['causes'][string])[];
}

/** Thrown (as a rejected promise) when the engine or a catalogue cannot be loaded. */
export interface MpcheckLoadError extends Error {
  name: 'MpcheckLoadError';
  /** timeout: no byte arrived for the stall limit (setLoadTimeout); bad_file: not JSON, or not the form of its kind. */
  kind: 'no_wasm' | 'load_failed' | 'version_mismatch' | 'timeout' | 'bad_file';
  cause?: unknown;
}

/**
 * Load and initialise the engine once per page (every element shares it). Streaming compilation
 * is tried first; on failure (wrong MIME type, old WebViews) the bytes are fetched and compiled.
 */
export function loadEngine(): Promise<LoadedEngine>;

/**
 * The engine, ready to answer in one language: loadEngine, that language's questions file and
 * catalogue fetched together, and the texts given to the module (`use_texts`). A stale copy of a
 * file (another version) is fetched again past the cache, else `version_mismatch`.
 */
export function loadEngineFor(lang: Lang): Promise<EngineWithWords>;

/** loadEngineFor, and pkg/causes.<lang>.json given to the module too, for `diagnose`. */
export function loadCauses(lang: Lang): Promise<EngineWithWords>;

/**
 * pkg/catalogue.<lang>.json, expanded (expandCatalogue): what a first result shows, fetched once per
 * page and language. The rest (the WeChat categories' `summary`, `scope` and `documents`, the
 * sources, the conditions, the checklist; docs/api.md) is not in it (it has
 * `details: "categories"` instead) until loadCategoryDetails has merged it in; nor are the WeChat
 * categories' records (`names: "names"`) until loadCategoryNames has.
 */
export function loadCatalogue(lang: Lang, options?: RequestInit): Promise<Catalogue & { details?: 'categories' }>;

/**
 * The core catalogue from the parsed compact file pkg/catalogue.<lang>.json (`format: "compact"`:
 * ids only as keys, group defaults): what loadCatalogue resolves to. Any other value is returned as it is.
 */
export function expandCatalogue(file: unknown): Catalogue & { details?: 'categories' };

/**
 * pkg/questions.<lang>.json: the questions (a question with `options_from` has `options: []`)
 * and the rule-base version, a few KB, for showing the first question before the wasm is here.
 */
export function loadQuestions(lang: Lang): Promise<{ version: string; questions: Question[] }>;

/** pkg/names.<lang>.json (docs/api.md): the records of the requirements a question takes its options from. */
export interface OptionNames { version: string; group: string; after: string; defaults: Record<string, unknown>;
  names: Record<string, string>; more: Record<string, Record<string, unknown>> }

/**
 * pkg/names.<lang>.json: the records of the requirements a question takes its options from (the
 * WeChat categories), whose `names` (by id) the picker matches in another language than the catalogue's.
 */
export function loadNames(lang: Lang): Promise<OptionNames>;

/**
 * Puts the records of a parsed pkg/names.<lang>.json back into the core catalogue of the same
 * language, in catalogue order; returns the catalogue, without `names`.
 */
export function mergeNames(catalogue: Catalogue & { names?: 'names' }, file: OptionNames): Catalogue;

/**
 * The catalogue with pkg/names.<lang>.json merged in (checked to come from the same rule base, else a
 * `version_mismatch` error): what a report that names a WeChat category needs.
 */
export function loadCategoryNames(lang: Lang): Promise<Catalogue>;

/**
 * pkg/categories.<lang>.json merged into that language's catalogue (checked to come from the same
 * rule base, else a `version_mismatch` error). Resolves to the now complete catalogue.
 */
export function loadCategoryDetails(lang: Lang): Promise<Catalogue>;

/**
 * Merges a parsed pkg/categories.<lang>.json into the core catalogue of the same language (all
 * that the core catalogue leaves out); returns the catalogue, without `details`.
 */
export function mergeDetails(catalogue: Catalogue & { details?: 'categories' }, file: unknown): Catalogue;

/** The engine and the catalogue with the WeChat categories' records (loadCategoryNames), checked to come from the same rule base (else a `version_mismatch` error). */
export function loadAll(lang: Lang): Promise<{ engine: LoadedEngine; catalogue: Catalogue }>;

/**
 * Where the checker's files are (the folder holding mpcheck-app.css and pkg/) when they are not
 * beside the modules, e.g. after a bundler moved the JavaScript. Call before the first element connects.
 */
export function setAssetBase(base: string | URL): void;

/**
 * How long a download of the checker's files may go without a byte arriving before it is given up
 * with a `timeout` error (the page names the file and offers Try again): 20 s unless set. Page-wide;
 * the `load-timeout` attribute of <mpcheck-app> sets it too. Ignored unless a positive number.
 */
export function setLoadTimeout(seconds: number | string | null | undefined): void;

/** The URL of one of the checker's files (relative to setAssetBase's folder, else to `from`). */
export function assetUrl(path: string, from?: string): string;
