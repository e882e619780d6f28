// Assembles the npm package in dist/npm/ and packs it (npm pack → dist/npm/mpcheck-<version>.tgz).
//
//   node scripts/package.mjs [--www www] [--pkg pkg] [--out dist/npm] [--no-pack]
//
// The package is the element's files from www/ as they are (plain ES modules, readable; a bundler
// minifies them) and the wasm-pack output in pkg/ (module, wasm, types, catalogue JSON), in the same
// relative layout as the site, so `new URL('./pkg/mpcheck_bg.wasm', import.meta.url)` resolves
// inside the package. The site's own host page (index.html, host.js, host.css) is left out.
// package.json takes name and version from Cargo.toml. No dependencies: it installs offline.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'smol-toml';
import { build } from 'esbuild';
import { root } from './config.mjs';

const { values: opts } = parseArgs({
  options: {
    www: { type: 'string', default: join(root, 'www') },
    pkg: { type: 'string', default: join(root, 'pkg') },
    out: { type: 'string', default: join(root, 'dist', 'npm') },
    'no-pack': { type: 'boolean', default: false },
  },
});

const cargo = parse(readFileSync(join(root, 'Cargo.toml'), 'utf8')).package;
if (!cargo?.version || !cargo?.name) throw new Error('Cargo.toml [package] has no name or version');

// The site's host page is not part of the element.
const HOST_ONLY = new Set(['index.html', 'host.js', 'host.css']);
// The wasm-pack output the package ships (the catalogue is written beside it by export-catalogue).
const PKG_FILES = ['mpcheck.js', 'mpcheck_bg.wasm', 'mpcheck.d.ts', 'mpcheck_bg.wasm.d.ts',
  ...['zh-CN', 'en'].flatMap((l) => [`questions.${l}.json`, `catalogue.${l}.json`, `categories.${l}.json`, `names.${l}.json`, `causes.${l}.json`])];
// The engine's API (engine.js, describe.js) and the element's files, one module for all.
const REQUIRED_WWW = ['engine.js', 'engine.d.ts', 'describe.js', 'describe.d.ts', 'mpcheck-app.js', 'mpcheck-app.css', 'mpcheck-embed.js', 'wasm-loader.js', 'mpcheck-app.d.ts', 'wasm-loader.d.ts', 'mpcheck-embed.d.ts'];

for (const f of PKG_FILES) {
  if (!existsSync(join(opts.pkg, f))) throw new Error(`${join(opts.pkg, f)} is missing: run scripts/build.sh first`);
}
for (const f of REQUIRED_WWW) {
  if (!existsSync(join(opts.www, f))) throw new Error(`${join(opts.www, f)} is missing`);
}

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

rmSync(opts.out, { recursive: true, force: true });
mkdirSync(join(opts.out, 'pkg'), { recursive: true });

const files = [];
for (const path of walk(opts.www)) {
  const rel = relative(opts.www, path).split(sep).join('/');
  if (HOST_ONLY.has(rel) || rel.startsWith('pkg/')) continue;
  cpSync(path, join(opts.out, rel));
  files.push(rel);
}
// The styles as one file (the components' stylesheets it @imports bundled in, readable): a host that
// copies mpcheck-app.css beside its bundle (docs/embed.md §4) needs no components/ folder for them.
{
  const bundled = await build({ entryPoints: [join(opts.www, 'mpcheck-app.css')], bundle: true, write: false, charset: 'utf8', outfile: join(opts.out, 'mpcheck-app.css') });
  writeFileSync(join(opts.out, 'mpcheck-app.css'), bundled.outputFiles[0].contents);
}
for (const f of PKG_FILES) {
  const from = join(opts.pkg, f);
  const to = join(opts.out, 'pkg', f);
  if (f.endsWith('.json')) writeFileSync(to, JSON.stringify(JSON.parse(readFileSync(from, 'utf8')))); // same value, no whitespace
  else cpSync(from, to);
  files.push('pkg/' + f);
}
// Node: the engine initialised synchronously from the wasm file beside it, and the catalogue read
// from disk. (Browsers and bundlers use the package root or ./loader instead.)
writeFileSync(
  join(opts.out, 'node.js'),
  `// Node entry: the engine, ready to use (initialised synchronously from pkg/mpcheck_bg.wasm), and
// the words of its ids read from the JSON files beside it.
import { readFileSync } from 'node:fs';
import { initSync } from './engine.js';
import { expandCatalogue, mergeDetails, mergeNames } from './wasm-loader.js';
import { questionsFrom } from './describe.js';

initSync({ module: readFileSync(new URL('./pkg/mpcheck_bg.wasm', import.meta.url)) });

export { evaluate, diagnose, version } from './engine.js';
export { describe, describeCauses, answerText, questionsFrom } from './describe.js';

const read = (name) => JSON.parse(readFileSync(new URL(\`./pkg/\${name}\`, import.meta.url), 'utf8'));
const check = (lang) => {
  if (lang !== 'zh-CN' && lang !== 'en') throw new TypeError('lang must be "zh-CN" or "en"');
};

/** The core catalogue with the WeChat categories' records (pkg/names.<lang>.json). */
const core = (lang) => mergeNames(expandCatalogue(read(\`catalogue.\${lang}.json\`)), read(\`names.\${lang}.json\`));

/** The whole catalogue: pkg/catalogue.<lang>.json (compact, expanded as the browser loader does)
 * with pkg/names.<lang>.json and pkg/categories.<lang>.json merged in (the WeChat categories' long texts, the checklist items).
 * @param {'zh-CN'|'en'} lang */
export function catalogue(lang) {
  check(lang);
  return mergeDetails(core(lang), read(\`categories.\${lang}.json\`));
}

/** Every question with its words and options (pkg/questions.<lang>.json, questionsFrom).
 * @param {'zh-CN'|'en'} lang */
export function questions(lang) {
  check(lang);
  return questionsFrom(read(\`questions.\${lang}.json\`), core(lang));
}

/** The rejection causes' words (pkg/causes.<lang>.json), for describeCauses.
 * @param {'zh-CN'|'en'} lang */
export function causes(lang) {
  check(lang);
  return read(\`causes.\${lang}.json\`);
}
`,
);
writeFileSync(
  join(opts.out, 'node.d.ts'),
  `import type { Catalogue, Question, CausesFile, Lang } from './describe.js';
export { evaluate, diagnose, version } from './engine.js';
export { describe, describeCauses, answerText, questionsFrom } from './describe.js';
export type * from './engine.js';
export type * from './describe.js';
/** pkg/catalogue.<lang>.json with pkg/categories.<lang>.json merged in. */
export function catalogue(lang: Lang): Catalogue;
/** Every question with its words and options. */
export function questions(lang: Lang): Question[];
/** pkg/causes.<lang>.json, parsed. */
export function causes(lang: Lang): CausesFile;
`,
);
files.push('node.js', 'node.d.ts');

// README: the embedding guide.
const guide = join(root, 'docs', 'embed.md');
if (existsSync(guide)) {
  cpSync(guide, join(opts.out, 'README.md'));
  files.push('README.md');
}

const typed = (types, js) => ({ types, default: js });
const manifest = {
  name: cargo.name,
  version: cargo.version,
  description: cargo.description,
  keywords: ['mini-program', 'wechat', 'licence', 'icp', 'webassembly', 'custom-element', 'web-component', '小程序'],
  license: cargo.license,
  ...(cargo.repository ? { repository: { type: 'git', url: cargo.repository } } : {}),
  type: 'module',
  // The engine API: `import init, { evaluate } from 'mpcheck'`; describe() joins its ids with words.
  main: './engine.js',
  module: './engine.js',
  types: './engine.d.ts',
  exports: {
    '.': typed('./engine.d.ts', './engine.js'),
    './describe': typed('./describe.d.ts', './describe.js'),
    './node': typed('./node.d.ts', './node.js'),
    './element': typed('./mpcheck-app.d.ts', './mpcheck-app.js'),
    './embed': typed('./mpcheck-embed.d.ts', './mpcheck-embed.js'),
    './loader': typed('./wasm-loader.d.ts', './wasm-loader.js'),
    './catalogue.zh-CN.json': './pkg/catalogue.zh-CN.json',
    './catalogue.en.json': './pkg/catalogue.en.json',
    './categories.zh-CN.json': './pkg/categories.zh-CN.json',
    './categories.en.json': './pkg/categories.en.json',
    './questions.zh-CN.json': './pkg/questions.zh-CN.json',
    './questions.en.json': './pkg/questions.en.json',
    './names.zh-CN.json': './pkg/names.zh-CN.json',
    './names.en.json': './pkg/names.en.json',
    './causes.zh-CN.json': './pkg/causes.zh-CN.json',
    './causes.en.json': './pkg/causes.en.json',
    './mpcheck_bg.wasm': './pkg/mpcheck_bg.wasm',
    './mpcheck-app.css': './mpcheck-app.css',
    './package.json': './package.json',
  },
  // Importing these defines <mpcheck-app> or initialises the engine: a bundler must keep them.
  sideEffects: ['./mpcheck-app.js', './mpcheck-embed.js', './node.js'],
  files: [...files].sort(),
  engines: { node: '>=20' },
};
writeFileSync(join(opts.out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`package: ${relative(root, opts.out) || opts.out}/ holds ${manifest.name}@${manifest.version} (${files.length} files)`);

if (!opts['no-pack']) {
  // npm pack needs no registry: the package has no dependencies.
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', opts.out], {
    cwd: opts.out,
    encoding: 'utf8',
    env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  const [info] = JSON.parse(out);
  const tarball = join(opts.out, info.filename);
  const listed = new Set(info.files.map((f) => f.path));
  for (const f of ['package.json', ...files]) {
    if (!listed.has(f)) throw new Error(`npm pack left out ${f}`);
  }
  console.log(`package: ${relative(root, tarball)} (${info.size} bytes packed, ${info.unpackedSize} unpacked, ${info.entryCount} files)`);
}
