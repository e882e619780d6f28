// The table of files to copy in docs/embed.md, made from the built site: every file of dist/ that an
// embedded checker loads (wasm-pack.toml [budgets]: the page's files and the lazy ones, without the
// site's own host page) plus the script-tag entry, grouped and described below, with gzip sizes.
//   node scripts/embed-files.mjs           check docs/embed.md against dist/ (exit 1 naming the difference)
//   node scripts/embed-files.mjs --write   rewrite the table in docs/embed.md
// A file the checker loads that no group below describes fails both: describe it here, then --write.
// tests/node/embed-doc.test.mjs runs the check after the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globToRegExp, gzipSize as gz, readConfig, root, walkFiles as walk } from './config.mjs';

/** The groups of the table, in order: [globs, what]. */
export const GROUPS = [
  [['mpcheck-embed.js'], 'the script-tag entry: starts the engine download, defines the element, reads `data-*` script tags'],
  [['mpcheck-app.js', 'wasm-loader.js'], 'the element (in `dist/` one module with its components and the Chinese messages; the npm package keeps them as modules in `app/`, `store/`, `components/`, `i18n/`) and its loader of the engine and files (in `dist/` with `files.js`, `download.js` and `describe.js` bundled in)'],
  [['mpcheck-app.css'], 'its styles, linked inside the shadow root'],
  [['i18n/en.js'], 'the English messages, imported when a checker shows English'],
  [['components/category-picker/category-picker.js'], 'the category picker and its search, imported when a category question is first shown'],
  [['components/checklist-view/checklist-view.js', 'components/rejection-help/rejection-help.js'], 'the checklist and the rejection help, imported when first shown'],
  [['components/share/markdown.js'], 'the Markdown writer, imported when a result is first copied as Markdown'],
  [['components/what-if/what-if.js'], "what-if (each answer's effect), imported when it is first opened"],
  [['data/pinyin-initials.js'], "the category picker's pinyin table, imported when a picker opens"],
  [['engine.js', 'pkg/mpcheck_bg.wasm'], 'the engine: the rules and their logic, answering in ids (in `dist/` `engine.js` has the wasm glue `pkg/mpcheck.js` bundled in); the words come from the JSON files below'],
  [['pkg/questions.*.json'], 'the questions, for the first screen before the wasm'],
  [['pkg/catalogue.*.json'], 'names and texts of a first result (core catalogue, compact form), one language at a time'],
  [['pkg/categories.*.json'], "the WeChat categories' summaries, scopes and documents, the sources, the checklist's texts and what else a card shows behind its disclosures (most rules' reasons, the summaries beyond their first sentence), loaded when first needed"],
  [['pkg/names.*.json'], "the WeChat categories' records (names, who may use them), loaded when a view shows a category (the category question, a WeChat mini-program's results), and in the other language when a category picker's query first has Latin letters"],
  [['pkg/category-words.json'], "the category picker's search index (scope and everyday words), loaded when a query first finds no category by name"],
  [['pkg/causes.*.json'], "the rejection causes' texts, loaded when the rejection help is first used"],
];
/** Components the element imports when first needed (app/views.js, share.js; in dist/ each a bundle). */
const LAZY_COMPONENTS = GROUPS.flatMap(([globs]) => globs).filter((g) => g.startsWith('components/'));
/** The site's own page around the checker: not part of an embed. */
const HOST_PAGE = ['index.html', 'host.js', 'host.css'];
const BEGIN = '<!-- files:begin -->';
const END = '<!-- files:end -->';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/**
 * The rows of the table from dist/: {files, what, gzip} per group, and the loaded files no group describes.
 * @param {string} dist
 */
export function embedFiles(dist = join(root, 'dist')) {
  const budgets = readConfig().budgets;
  const exclude = (budgets.page_exclude ?? []).map(globToRegExp);
  const loaded = [];
  for (const path of walk(dist)) {
    const rel = relative(dist, path).split(sep).join('/');
    if (!/\.(html|m?js|css|json|wasm)$/.test(rel) || HOST_PAGE.includes(rel)) continue;
    // Besides the page's files: the script-tag entry and the element's lazily imported components.
    const always = rel === 'mpcheck-embed.js' || LAZY_COMPONENTS.includes(rel);
    if (always || !exclude.some((re) => re.test(rel))) loaded.push({ rel, gzip: gz(readFileSync(path)) });
  }
  const rows = GROUPS.map(([globs, what]) => {
    const res = globs.map(globToRegExp);
    const files = loaded.filter((f) => res.some((re) => re.test(f.rel)));
    return { globs, what, files };
  }).filter((r) => r.files.length);
  const described = new Set(rows.flatMap((r) => r.files.map((f) => f.rel)));
  const undescribed = loaded.filter((f) => !described.has(f.rel)).map((f) => f.rel);
  return { rows, undescribed };
}

/** The Markdown table (between its markers). */
export function table(rows) {
  const lines = ['| File | What | gzip |', '|---|---|---|'];
  for (const r of rows) {
    const names = r.globs.map((g) => '`' + g.replace('*', '<lang>') + '`').join(', ');
    const sizes = r.files.map((f) => kb(f.gzip));
    const size = sizes.length > 2 && r.globs.length === 1 ? `${kb(Math.min(...r.files.map((f) => f.gzip)))}–${kb(Math.max(...r.files.map((f) => f.gzip)))} each` : sizes.join(' + ');
    lines.push(`| ${names} | ${r.what} | ${size} |`);
  }
  return [BEGIN, ...lines, END].join('\n');
}

/** The table as docs/embed.md has it now, or null. */
export function documented(doc) {
  const i = doc.indexOf(BEGIN);
  const j = doc.indexOf(END);
  return i >= 0 && j > i ? doc.slice(i, j + END.length) : null;
}

/**
 * Whether two tables say the same: the same rows of files and words; sizes may differ by 10% or 1 KB
 * (a rule change moves them a little; docs/embed.md need not follow every build).
 */
export function sameTable(a, b) {
  const rows = (t) => t.split('\n').filter((l) => l.startsWith('| `'));
  const ra = rows(a);
  const rb = rows(b);
  if (ra.length !== rb.length) return false;
  const nums = (l) => [...l.split('|')[3].matchAll(/([\d.]+) KB/g)].map((m) => Number(m[1]));
  return ra.every((l, i) => {
    const [x, y] = [l.split('|').slice(1, 3).join('|'), rb[i].split('|').slice(1, 3).join('|')];
    const [nx, ny] = [nums(l), nums(rb[i])];
    return x === y && nx.length === ny.length && nx.every((n, k) => Math.abs(n - ny[k]) <= Math.max(1, 0.1 * n));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const docPath = join(root, 'docs', 'embed.md');
  const doc = readFileSync(docPath, 'utf8');
  const { rows, undescribed } = embedFiles();
  if (undescribed.length) {
    console.error(`embed-files: the checker loads ${undescribed.join(', ')}, which no group in scripts/embed-files.mjs describes`);
    process.exit(1);
  }
  const fresh = table(rows);
  const now = documented(doc);
  if (!now) throw new Error(`docs/embed.md has no ${BEGIN} … ${END} markers`);
  if (process.argv.includes('--write')) {
    writeFileSync(docPath, doc.replace(now, fresh));
    console.log('embed-files: docs/embed.md table written');
  } else if (!sameTable(now, fresh)) {
    console.error(`embed-files: docs/embed.md's table of files differs from dist/; run node scripts/embed-files.mjs --write. From dist/:\n${fresh}`);
    process.exit(1);
  } else console.log('embed-files: docs/embed.md lists the files dist/ has');
}
