// Reads wasm-pack.toml (our build settings) with smol-toml.
//   import { readConfig } from './config.mjs'
//   node scripts/config.mjs wasm-opt.passes   → prints the value, one array item per line
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { parse } from 'smol-toml';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** gzip -9 size of a file's bytes (the size budgets' measure). */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
}

/** Minimal glob (wasm-pack.toml's page globs): `**` any path (also none), `*` within one path segment. */
export function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Every file below `dir`, in sorted order. */
export function* walkFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walkFiles(path);
    else yield path;
  }
}

export function readConfig(file = join(root, 'wasm-pack.toml')) {
  const config = parse(readFileSync(file, 'utf8'));
  const passes = config['wasm-opt']?.passes;
  if (!Array.isArray(passes) || passes.length === 0 || !passes.every((p) => typeof p === 'string')) {
    throw new Error(`${file}: [wasm-opt] passes must be a non-empty array of strings`);
  }
  for (const key of ['wasm', 'engine_wasm', 'page']) {
    const v = config.budgets?.[key];
    if (!Number.isInteger(v) || v <= 0) throw new Error(`${file}: [budgets] ${key} must be a positive integer (bytes)`);
  }
  return config;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: node scripts/config.mjs <section.key>');
    process.exit(2);
  }
  let value = readConfig();
  for (const part of path.split('.')) value = value?.[part];
  if (value === undefined) {
    console.error(`wasm-pack.toml has no ${path}`);
    process.exit(1);
  }
  console.log(Array.isArray(value) ? value.join('\n') : String(value));
}
