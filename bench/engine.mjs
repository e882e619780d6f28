// The engine's JS API (www/engine.js) over a wasm-pack output folder, initialised from its bytes:
// what the page and the npm package call, so the bench times the real path in and out.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} pkg a wasm-pack output folder (pkg/, target/bench-pkg/) */
export async function loadEngine(pkg) {
  const copy = join(root, 'target', `bench-engine-${pkg.replace(/[^A-Za-z0-9]+/g, '_')}.mjs`);
  mkdirSync(dirname(copy), { recursive: true });
  const glue = pathToFileURL(join(pkg, 'mpcheck.js')).href;
  writeFileSync(copy, readFileSync(join(root, 'www', 'engine.js'), 'utf8').replace("from './pkg/mpcheck.js'", `from ${JSON.stringify(glue)}`));
  const engine = await import(pathToFileURL(copy).href);
  engine.initSync({ module: readFileSync(join(pkg, 'mpcheck_bg.wasm')) });
  return { engine, glue: await import(glue) };
}
