// Checks gzip sizes against the budgets in wasm-pack.toml [budgets], prints them, and writes
// target/sizes.json (read by the benchmark). Exits 1 naming every size over its budget.
//   node scripts/sizes.mjs [--wasm pkg/mpcheck_bg.wasm] [--engine target/engine-only/pkg/mpcheck_bg.wasm] [--dist dist]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { globToRegExp, gzipSize as gz, readConfig, root, walkFiles as walk } from './config.mjs';

const { values: opts } = parseArgs({
  options: {
    wasm: { type: 'string', default: join(root, 'pkg', 'mpcheck_bg.wasm') },
    engine: { type: 'string', default: join(root, 'target', 'engine-only', 'pkg', 'mpcheck_bg.wasm') },
    dist: { type: 'string', default: join(root, 'dist') },
    'require-engine': { type: 'boolean', default: false },
  },
});

const config = readConfig();
const budgets = config.budgets;

const PAGE_TYPES = /\.(html|m?js|css|json|svg|wasm|webmanifest|txt|woff2?)$/;
const exclude = (budgets.page_exclude ?? []).map(globToRegExp);
// Loaded later, only when the reader needs them (the WeChat categories' long texts, the other
// language's files): measured and listed beside the page, not counted in it.
const lazy = (budgets.page_lazy ?? []).map(globToRegExp);
const rows = [];
const over = [];

function check(name, what, raw, size, budget) {
  rows.push({ name, what, raw, gzip: size, budget });
  if (size > budget) over.push(`${name} (${what}) is ${size} bytes gzip, over its budget of ${budget} bytes by ${size - budget}`);
}

if (!existsSync(opts.wasm)) throw new Error(`${opts.wasm} is missing`);
const wasm = readFileSync(opts.wasm);
check('wasm', relative(root, opts.wasm), wasm.length, gz(wasm), budgets.wasm);

if (existsSync(opts.engine)) {
  const engine = readFileSync(opts.engine);
  check('engine_wasm', `${relative(root, opts.engine)} (empty rule base)`, engine.length, gz(engine), budgets.engine_wasm);
} else if (opts['require-engine']) {
  over.push(`engine_wasm: ${relative(root, opts.engine)} was not built`);
} else {
  console.log(`sizes: no engine-only module (${relative(root, opts.engine)}): engine_wasm budget not checked`);
}

const files = [];
const lazyFiles = [];
if (existsSync(opts.dist)) {
  for (const path of walk(opts.dist)) {
    const rel = relative(opts.dist, path).split(sep).join('/');
    if (!PAGE_TYPES.test(rel) || exclude.some((re) => re.test(rel))) continue;
    const bytes = readFileSync(path);
    (lazy.some((re) => re.test(rel)) ? lazyFiles : files).push({ file: rel, raw: bytes.length, gzip: gz(bytes) });
  }
  const raw = files.reduce((a, f) => a + f.raw, 0);
  const size = files.reduce((a, f) => a + f.gzip, 0);
  check('page', `dist/: ${files.length} files loaded for a first result (HTML, JS, CSS, wasm, questions, catalogue), each gzipped`, raw, size, budgets.page);
} else {
  over.push('page: dist/ was not assembled');
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('sizes (gzip -9):');
for (const r of rows) {
  const pct = Math.round((100 * r.gzip) / r.budget);
  console.log(`  ${r.name.padEnd(12)} ${String(r.gzip).padStart(7)} B  (${kb(r.gzip)}, raw ${kb(r.raw)})  budget ${r.budget} B  ${pct}%  ${r.what}`);
}
for (const f of files) console.log(`    page  ${String(f.gzip).padStart(7)} B  ${f.file}`);
for (const f of lazyFiles) console.log(`    lazy  ${String(f.gzip).padStart(7)} B  ${f.file} (loaded when needed; not in the page figure)`);
mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(
  join(root, 'target', 'sizes.json'),
  JSON.stringify({ measured: new Date().toISOString(), gzip_level: 9, budgets: rows, page_files: files, lazy_files: lazyFiles }, null, 2) + '\n',
);
if (over.length) {
  for (const o of over) console.error(`error: size budget exceeded: ${o}`);
  process.exit(1);
}
