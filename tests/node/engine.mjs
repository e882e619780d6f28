// Loads the built, wasm-opt-optimised module from pkg/ (or $MPCHECK_PKG) into node, from the file's
// bytes, exactly as the page does in the browser, and reads the test data with smol-toml.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'smol-toml';
import { expandCatalogue, mergeDetails } from '../../www/wasm-loader.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const pkgDir = process.env.MPCHECK_PKG || join(root, 'pkg');
export const wasmPath = join(pkgDir, 'mpcheck_bg.wasm');

for (const f of ['mpcheck.js', 'mpcheck_bg.wasm', 'catalogue.zh-CN.json', 'catalogue.en.json']) {
  if (!existsSync(join(pkgDir, f))) {
    throw new Error(`${join(pkgDir, f)} is missing: build first (scripts/build.sh)`);
  }
}

export const wasmBytes = readFileSync(wasmPath);
const glue = await import(pathToFileURL(join(pkgDir, 'mpcheck.js')).href);
glue.initSync({ module: wasmBytes });

/** The module's exports, initialised: { questions, evaluate, diagnose, version, … }. */
export const mp = glue;

/** The whole catalogue of one language, as the page ends up with it: pkg/catalogue.<lang>.json,
 * expanded, with pkg/categories.<lang>.json merged in (docs/api.md). */
export function catalogue(lang) {
  const read = (name) => JSON.parse(readFileSync(join(pkgDir, `${name}.${lang}.json`), 'utf8'));
  return mergeDetails(expandCatalogue(read('catalogue')), read('categories'));
}

/** TOML files in a folder of the repository, parsed, in path order: [{ file, data }]. */
export function tomlFiles(dir) {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => f.endsWith('.toml'))
    .sort()
    .map((f) => ({ file: `${dir}/${f}`, data: parse(readFileSync(join(full, f), 'utf8')) }));
}

/** Calls fn and returns what it threw (fails if it returned). */
export function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw, but it returned');
}
