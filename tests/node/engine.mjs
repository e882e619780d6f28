// Loads the built, wasm-opt-optimised module from pkg/ (or $MPCHECK_PKG) into node through
// www/engine.js (the API: answers in, ids out), from the file's bytes as the page does, and reads
// the test data with smol-toml. `mp` is that engine with its words joined in as the page has it
// (www/describe.js with the catalogue files).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'smol-toml';
import { expandCatalogue, mergeDetails, mergeNames } from '../../www/wasm-loader.js';
import { describe, describeCauses, questionsFrom } from '../../www/describe.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const pkgDir = process.env.MPCHECK_PKG || join(root, 'pkg');
export const wasmPath = join(pkgDir, 'mpcheck_bg.wasm');

for (const f of ['mpcheck.js', 'mpcheck_bg.wasm', 'catalogue.zh-CN.json', 'catalogue.en.json']) {
  if (!existsSync(join(pkgDir, f))) {
    throw new Error(`${join(pkgDir, f)} is missing: build first (scripts/build.sh)`);
  }
}

export const wasmBytes = readFileSync(wasmPath);
// www/engine.js imports ./pkg/mpcheck.js: a copy of it beside the pkg/ under test.
const engineCopy = join(root, 'target', 'engine-under-test.mjs');
writeFileSync(engineCopy, readFileSync(join(root, 'www', 'engine.js'), 'utf8').replace("'./pkg/mpcheck.js'", JSON.stringify(pathToFileURL(join(pkgDir, 'mpcheck.js')).href)));
/** www/engine.js, initialised: { evaluate, diagnose, version, readAnswers, LIMITS } (ids). */
export const engine = await import(pathToFileURL(engineCopy).href);
engine.initSync({ module: wasmBytes });

const read = (name) => JSON.parse(readFileSync(join(pkgDir, name), 'utf8'));
const words = new Map();
function wordsOf(lang) {
  if (!words.has(lang)) {
    const catalogue = mergeNames(expandCatalogue(read(`catalogue.${lang}.json`)), read(`names.${lang}.json`));
    words.set(lang, { catalogue, questions: questionsFrom(read(`questions.${lang}.json`), catalogue), causes: read(`causes.${lang}.json`), lang });
  }
  return words.get(lang);
}

/** The engine with its words, as the page's loader hands it to the element (loadEngineFor). */
export const mp = {
  version: () => engine.version(),
  questions: (lang) => structuredClone(wordsOf(lang).questions),
  evaluate: (answers, lang) => describe(engine.evaluate(answers), wordsOf(lang)),
  diagnose: (text, lang) => describeCauses(engine.diagnose(text), wordsOf(lang).causes),
};

/** The whole catalogue of one language, as the page ends up with it: pkg/catalogue.<lang>.json,
 * expanded, with pkg/names.<lang>.json and pkg/categories.<lang>.json merged in (docs/api.md). */
export function catalogue(lang) {
  const read = (name) => JSON.parse(readFileSync(join(pkgDir, `${name}.${lang}.json`), 'utf8'));
  return mergeDetails(mergeNames(expandCatalogue(read('catalogue')), read('names')), read('categories'));
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
