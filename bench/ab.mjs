// Before and after in one node process: two builds of the repository (each with pkg/ and, for the
// bench workloads, target/bench-pkg/ built as scripts/bench.sh builds them) timed alternately, a
// round each in turn, so both see the same machine load. On a shared machine the figures of two
// separate scripts/bench.sh runs can differ by more than the change being measured.
//   node bench/ab.mjs BEFORE_ROOT shipped|200|10000 [ROUNDS]
//   shipped: evaluate(every question answered) through www/engine.js, as part b; 200: synthetic-200
//   and 10000: 10,000 generated rules through the bench entry point, as parts c and d.
// Prints the median of each side's round medians and every round's median.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, toToml } from './gen.mjs';
import { median, time } from './timing.mjs';

const after = join(dirname(fileURLToPath(import.meta.url)), '..');
const [beforeRoot, which = 'shipped', rounds = '6'] = process.argv.slice(2);
if (!beforeRoot) throw new Error('usage: node bench/ab.mjs BEFORE_ROOT shipped|200|10000 [ROUNDS]');

/** www/engine.js of `root` over its `pkg` folder, initialised, and the glue. */
async function load(root, pkg, tag) {
  const copy = join(after, 'target', `ab-engine-${tag}-${which}.mjs`);
  const glueUrl = pathToFileURL(join(root, pkg, 'mpcheck.js')).href;
  writeFileSync(copy, readFileSync(join(root, 'www', 'engine.js'), 'utf8').replace("from './pkg/mpcheck.js'", `from ${JSON.stringify(glueUrl)}`));
  const api = await import(pathToFileURL(copy).href);
  api.initSync({ module: readFileSync(join(root, pkg, 'mpcheck_bg.wasm')) });
  return { api, glue: await import(glueUrl) };
}

const sides = {};
for (const [tag, root] of [['before', resolve(beforeRoot)], ['after', after]]) {
  if (which === 'shipped') {
    const { api } = await load(root, 'pkg', tag);
    const answers = JSON.parse(readFileSync(join(after, 'target', 'bench', 'answers-all.json'), 'utf8'));
    sides[tag] = () => api.evaluate(answers);
  } else {
    const { api, glue } = await load(root, 'target/bench-pkg', tag);
    const shared = JSON.parse(readFileSync(join(after, '..', 'shared', 'bench', 'synthetic-200.json'), 'utf8'));
    const w = which === '200' ? shared : generate(shared.facts, Number(which));
    glue.bench_load(toToml(w, { version: which }));
    const names = glue.bench_names();
    // As each side's evaluate() does: its readAnswers, then the module (one argument before the
    // answers crossed as a text and numbers, two after), then buildReport.
    const run = glue.bench_evaluate.length === 2 ? (a) => glue.bench_evaluate(...a) : (a) => glue.bench_evaluate(a);
    sides[tag] = () => api.buildReport(run(api.readAnswers(w.facts)), names);
  }
}
const res = { before: [], after: [] };
const calls = which === 'shipped' || which === '200' ? 5000 : 300;
for (let i = 0; i < Number(rounds); i++) {
  for (const tag of i % 2 ? ['after', 'before'] : ['before', 'after']) res[tag].push(time(sides[tag], calls).median_us);
}
console.log(JSON.stringify({ which, before_us: median(res.before), after_us: median(res.after), rounds: res }));
