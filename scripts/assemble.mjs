// Assembles dist/, the complete static site: a copy of www/ with the wasm-pack output in dist/pkg/,
// JavaScript and CSS minified file by file with esbuild. Files keep their names and relative layout,
// so module imports and `new URL('./pkg/mpcheck_bg.wasm', import.meta.url)` resolve as in www/, and
// dist/ works from any static host or sub-folder without special headers.
// Example pages (examples/<name>/ with an index.html, e.g. the documentation site that embeds the
// checker) are copied to dist/examples/<name>/, so they load the checker from dist/ itself.
// The one wasm module (pkg/) serves the page, the npm package and node alike.
//   node scripts/assemble.mjs [--www www] [--pkg pkg] [--out dist]
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { build, transform } from 'esbuild';
import { root } from './config.mjs';

const { values: opts } = parseArgs({
  options: {
    www: { type: 'string', default: join(root, 'www') },
    pkg: { type: 'string', default: join(root, 'pkg') },
    out: { type: 'string', default: join(root, 'dist') },
    examples: { type: 'string', default: join(root, 'examples') },
  },
});

// The files of the wasm-pack output that the site (and later an npm package) uses.
const PKG_FILES = [
  'mpcheck.js',
  'mpcheck_bg.wasm',
  'mpcheck.d.ts',
  'mpcheck_bg.wasm.d.ts',
  'catalogue.zh-CN.json',
  'catalogue.en.json',
  // Written by export-catalogue beside the catalogue: the questions the first screen is drawn from
  // before the wasm arrives, and the WeChat categories' long texts, loaded when first needed.
  'questions.zh-CN.json',
  'questions.en.json',
  'categories.zh-CN.json',
  'categories.en.json',
  // The WeChat categories' names alone, which the category picker loads in the other language.
  'names.zh-CN.json',
  'names.en.json',
  // The rejection causes' words, loaded when the rejection help first runs.
  'causes.zh-CN.json',
  'causes.en.json',
];

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

for (const f of PKG_FILES.filter((f) => !f.endsWith('.d.ts'))) {
  if (!existsSync(join(opts.pkg, f))) throw new Error(`${join(opts.pkg, f)} is missing: run wasm-pack first`);
}

rmSync(opts.out, { recursive: true, force: true });
mkdirSync(opts.out, { recursive: true });
const wwwFiles = existsSync(opts.www) ? [...walk(opts.www)] : [];
if (wwwFiles.length === 0) {
  console.log(`assemble: ${relative(root, opts.www) || opts.www}/ is empty: dist/ holds only pkg/`);
} else {
  cpSync(opts.www, opts.out, { recursive: true });
}
if (existsSync(join(opts.www, 'pkg'))) {
  throw new Error('www/pkg/ exists: the build owns dist/pkg/, remove www/pkg/');
}
mkdirSync(join(opts.out, 'pkg'));
for (const f of PKG_FILES) {
  if (existsSync(join(opts.pkg, f))) cpSync(join(opts.pkg, f), join(opts.out, 'pkg', f));
}
// The category picker's search index (scope words and everyday words), from the category details.
{
  const read = (f) => JSON.parse(readFileSync(join(opts.pkg, f), 'utf8'));
  const { categoryWords } = await import('./category-words.mjs');
  const index = categoryWords(read('categories.zh-CN.json'), read('names.zh-CN.json'), JSON.parse(readFileSync(join(root, 'scripts/data/category-synonyms.json'), 'utf8')));
  writeFileSync(join(opts.out, 'pkg', 'category-words.json'), JSON.stringify(index));
}

const examples = existsSync(opts.examples)
  ? readdirSync(opts.examples)
      .sort()
      .filter((name) => existsSync(join(opts.examples, name, 'index.html')))
  : [];
for (const name of examples) {
  cpSync(join(opts.examples, name), join(opts.out, 'examples', name), { recursive: true });
}
if (examples.length) console.log(`assemble: example pages in dist/examples/: ${examples.join(', ')}`);

let before = 0;
let after = 0;
let count = 0;
for (const path of walk(opts.out)) {
  const source = path.endsWith('.json') ? readFileSync(path, 'utf8') : null;
  if (source !== null) {
    // JSON (the catalogues): re-serialised without whitespace; the parsed value is unchanged.
    const code = JSON.stringify(JSON.parse(source));
    writeFileSync(path, code);
    before += Buffer.byteLength(source);
    after += Buffer.byteLength(code);
    count += 1;
    continue;
  }
  if (path.endsWith('.html')) {
    // HTML: comments are for readers of www/, not for the phones that load the page.
    const text = readFileSync(path, 'utf8');
    const code = text.replace(/<!--[\s\S]*?-->\n?/g, '');
    writeFileSync(path, code);
    before += Buffer.byteLength(text);
    after += Buffer.byteLength(code);
    count += 1;
    continue;
  }
  const loader = path.endsWith('.css') ? 'css' : /\.m?js$/.test(path) ? 'js' : null;
  if (!loader) continue;
  const text = readFileSync(path, 'utf8');
  let result;
  try {
    result = await transform(text, {
      loader,
      // No `format`: top-level names stay as they are (a classic script's globals survive), and
      // import/export pass through. No `target`: the syntax www/ uses is kept, not lowered.
      minify: true,
      legalComments: 'none',
      charset: 'utf8',
      sourcefile: relative(root, path),
    });
  } catch (e) {
    throw new Error(`esbuild could not minify ${relative(root, path)}: ${e.message}`);
  }
  writeFileSync(path, result.code);
  before += Buffer.byteLength(text);
  after += Buffer.byteLength(result.code);
  count += 1;
}
// The element's styles as one file: dist/mpcheck-app.css with the components' stylesheets it
// @imports (www/components/<name>/<name>.css, in its order) bundled in, so that the shadow root's one
// <link> makes one request. The copies of the components' stylesheets stay in dist/, unloaded
// (wasm-pack.toml [budgets] page_exclude components/**).
{
  const css = join(opts.www, 'mpcheck-app.css');
  if (existsSync(css)) {
    const result = await build({ entryPoints: [css], bundle: true, minify: true, legalComments: 'none', charset: 'utf8', write: false, outfile: join(opts.out, 'mpcheck-app.css'), metafile: true });
    writeFileSync(join(opts.out, 'mpcheck-app.css'), result.outputFiles[0].contents);
    const sheets = Object.keys(result.metafile.inputs).length;
    console.log(`assemble: dist/mpcheck-app.css bundles ${sheets} stylesheets (${result.outputFiles[0].contents.length} bytes)`);
  }
}

// The engine's module as one file: dist/engine.js with pkg/mpcheck.js (wasm-bindgen's glue)
// bundled in, and dist/wasm-loader.js with describe.js, files.js and download.js bundled in (engine.js stays a dynamic
// import), so the page makes one request for each rather than two in a row. The unbundled copies
// stay in dist/ for the npm package's layout; the page never loads them (page_exclude).
for (const [entry, ...inline] of [['engine.js', 'pkg/mpcheck.js'], ['wasm-loader.js', 'describe.js', 'files.js', 'download.js']]) {
  const file = join(opts.out, entry);
  if (!existsSync(file)) continue;
  const result = await build({
    entryPoints: [file], bundle: true, format: 'esm', minify: true, legalComments: 'none', charset: 'utf8',
    write: false, outfile: file, allowOverwrite: true, metafile: true,
    plugins: [{ name: 'keep-dynamic-imports', setup(b) { b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined)); } }],
  });
  const inputs = Object.keys(result.metafile.inputs).map((f) => relative(opts.out, join(root, f)).split(sep).join('/'));
  for (const f of inline) if (!inputs.includes(f)) throw new Error(`dist/${entry} does not bundle ${f}: ${inputs.join(', ')}`);
  let code = result.outputFiles[0].text;
  // The glue finds its wasm beside itself by default; bundled one folder up, it is in pkg/.
  if (entry === 'engine.js') {
    const before = code;
    code = code.replace(/new URL\("mpcheck_bg\.wasm",import\.meta\.url\)/g, 'new URL("./pkg/mpcheck_bg.wasm",import.meta.url)');
    if (code === before) throw new Error('dist/engine.js: the glue no longer names mpcheck_bg.wasm as expected');
  }
  writeFileSync(file, code);
}

// The element as one module: dist/mpcheck-app.js with its components, i18n and data bundled in
// (esbuild, ES module, minified). Loaded one by one, the twenty-odd small modules took several round
// trips before the first question could show (six connections per host over HTTP/1.1, 150 ms each
// on a slow phone network). wasm-loader.js stays a module of its own: mpcheck-embed.js imports it
// too, and its state (the asset base, the one load of the engine) must exist once per page.
// The bundled modules stay in dist/ as copies of www/ (dist/ holds all of www/, tests/node/dist.test.mjs),
// but the page never loads them (wasm-pack.toml [budgets] page_exclude); the npm package keeps the
// readable modules.
// A module the element imports dynamically (`import('./en.js')` in i18n/index.js: the English
// messages) is not bundled: the import stays, its path rewritten relative to dist/ (the bundle's
// folder), so it loads the minified copy in dist/ when it is needed, relative to the bundle's own
// URL (any sub-path or origin, no inline code for a CSP to refuse). Such a module must import
// nothing itself, or it would load unbundled copies of what the bundle holds already.
const appEntry = join(opts.www, 'mpcheck-app.js');
if (existsSync(appEntry)) {
  const ownModule = (p) => /(^|\/)wasm-loader\.js$/.test(p) || /(^|\/)pkg\//.test(p);
  const lazy = new Set();
  const bundled = await build({
    entryPoints: [appEntry],
    bundle: true,
    format: 'esm',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    metafile: true,
    // The shell's and its modules' own fields and methods (`this._state`, `_render`…) are named with a
    // leading underscore; inside the one bundle they can be short (0.3 KB gzip less). Nothing outside
    // the bundle reads them: the element's public members have no underscore, and neither have the
    // objects the lazily imported components below get (ctx, their props and callbacks, a picker).
    mangleProps: /^_/,
    outfile: join(opts.out, 'mpcheck-app.js'),
    plugins: [
      {
        name: 'keep-loader-separate',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === 'dynamic-import') {
              const file = resolve(args.resolveDir, args.path);
              const rel = relative(opts.www, file).split(sep).join('/');
              if (rel.startsWith('..') || !existsSync(file)) throw new Error(`${args.importer}: import('${args.path}') is not a file in www/`);
              lazy.add(rel);
              return { path: './' + rel, external: true };
            }
            if (args.kind === 'entry-point' || !ownModule(args.path)) return undefined;
            // Kept as a module of its own, imported relative to the bundle (dist/'s root), from
            // whichever folder of www/ the import is written in (app/resources.js: '../wasm-loader.js').
            const rel = relative(opts.www, resolve(args.resolveDir, args.path)).split(sep).join('/');
            return { path: './' + rel, external: true };
          });
        },
      },
    ],
  });
  writeFileSync(join(opts.out, 'mpcheck-app.js'), bundled.outputFiles[0].contents);
  const inputs = Object.keys(bundled.metafile.inputs).map((f) => relative(opts.www, join(root, f)).split(sep).join('/'));
  const mainInputs = inputs;
  const strays = inputs.filter((f) => f !== 'mpcheck-app.js' && !/^(app|components|i18n|data|store)\//.test(f));
  if (strays.length) throw new Error(`dist/mpcheck-app.js bundles ${strays.join(', ')}: add them to wasm-pack.toml page_exclude or keep them separate`);
  // A component imported dynamically (a view a first result does not show, app/views.js; the category
  // picker; the Markdown writer) is bundled on its own, over its copy in dist/: its imports (the DOM
  // helpers, the answers' words) are stateless and may exist twice. A module that keeps state for the
  // page (the messages, the loader, the views' table, the pinyin table's cache) may be in it only if
  // the element's bundle does not hold it too. A dynamic import in it stays as written, so it must be
  // written in the lazy component's own folder (its bundle takes the component's place in dist/).
  const STATEFUL = ['i18n/index.js', 'wasm-loader.js', 'app/views.js', 'components/category-picker/search.js'];
  for (const rel of lazy) {
    const text = readFileSync(join(opts.www, rel), 'utf8');
    const imports = /^\s*import\s*[\w{*'"(]/m.test(text) || /^\s*export\s[^\n]*\bfrom\s*['"]/m.test(text) || /\bimport\s*\(/.test(text);
    if (!imports) continue;
    if (!rel.startsWith('components/')) throw new Error(`www/${rel} is imported dynamically by the element, so it must not import anything itself`);
    const part = await build({
      entryPoints: [join(opts.www, rel)],
      bundle: true,
      format: 'esm',
      minify: true,
      legalComments: 'none',
      charset: 'utf8',
      write: false,
      metafile: true,
      outfile: join(opts.out, rel),
      plugins: [
        {
          name: 'lazy-in-lazy',
          setup: (b) =>
            b.onResolve({ filter: /.*/ }, (args) => {
              if (args.kind !== 'dynamic-import') {
                if (args.kind === 'entry-point' || !ownModule(args.path)) return undefined;
                // The loader (and the engine behind it) exists once per page: the lazy bundle imports
                // the same dist/wasm-loader.js as the element does, relative to its own place in dist/.
                const target = resolve(args.resolveDir, args.path);
                const from = join(opts.www, rel, '..');
                return { path: relative(from, target).split(sep).join('/'), external: true };
              }
              if (resolve(args.resolveDir) !== resolve(join(opts.www, rel, '..'))) return { errors: [{ text: `${rel} bundles a dynamic import('${args.path}') from another folder (${args.resolveDir})` }] };
              return { path: args.path, external: true };
            }),
        },
      ],
    });
    const inputs = Object.keys(part.metafile.inputs).map((f) => relative(opts.www, join(root, f)).split(sep).join('/'));
    const stateful = inputs.filter((f) => STATEFUL.includes(f) && mainInputs.includes(f));
    if (stateful.length) throw new Error(`www/${rel} is loaded lazily but bundles ${stateful.join(', ')}, which must exist once per page`);
    writeFileSync(join(opts.out, rel), part.outputFiles[0].contents);
  }
  console.log(`assemble: dist/mpcheck-app.js bundles ${inputs.length} modules (${bundled.outputFiles[0].contents.length} bytes); loads later: ${[...lazy].join(', ') || 'nothing'}`);
}
console.log(`assemble: dist/ ready (${wwwFiles.length} files from www/ + pkg/); minified ${count} JS/CSS/JSON/HTML files, ${before} → ${after} bytes`);
