// Types for wasm-loader.js: the engine and catalogue loader the element uses (also usable alone).
import type * as Engine from './pkg/mpcheck.js';
import type { Catalogue, Lang } from './pkg/mpcheck.js';

/** The engine module once initialised: questions, evaluate, diagnose, version (docs/api.md). */
export type LoadedEngine = typeof Engine;

/** Thrown (as a rejected promise) when the engine or a catalogue cannot be loaded. */
export interface MpcheckLoadError extends Error {
  name: 'MpcheckLoadError';
  kind: 'no_wasm' | 'load_failed' | 'version_mismatch';
  cause?: unknown;
}

/**
 * Load and initialise the engine once per page (every element shares it). Streaming compilation
 * is tried first; on failure (wrong MIME type, old WebViews) the bytes are fetched and compiled.
 */
export function loadEngine(): Promise<LoadedEngine>;

/** pkg/catalogue.<lang>.json: names and long texts, fetched once per page and language. */
export function loadCatalogue(lang: Lang): Promise<Catalogue>;

/** Both, checked to come from the same rule base (else a `version_mismatch` error). */
export function loadAll(lang: Lang): Promise<{ engine: LoadedEngine; catalogue: Catalogue }>;

/**
 * Where the checker's files are (the folder holding mpcheck-app.css and pkg/) when they are not
 * beside the modules, e.g. after a bundler moved the JavaScript. Call before the first element connects.
 */
export function setAssetBase(base: string | URL): void;

/** The URL of one of the checker's files (relative to setAssetBase's folder, else to `from`). */
export function assetUrl(path: string, from?: string): string;
