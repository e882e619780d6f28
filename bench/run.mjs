// The benchmark (run by scripts/bench.sh, which builds what it needs first). In one run:
//   a. native µs per evaluation of the shipped rule base, every question answered (release build),
//      to JSON
//   b. wasm µs per evaluate(answers) from JS in node through www/engine.js, every question
//      answered, full report (the median of five fresh processes: bench/evaluate-child.mjs); and
//      the same with answers that change on every call (every scenario's in turn), and with one
//      answer changed on every call (what a user changing an answer costs)
//   c. our engine on ../shared/bench/synthetic-200.json (translated by bench/gen.mjs, loaded through
//      the bench-only entry point; three fresh processes) beside `node ../shared/bench/peers.cjs`,
//      the ratio to its plain interpreter; where the time goes (answers read, module, report object
//      built; and the evaluation natively); and (context) plain JS that also gives every rule's
//      reasons (peer-explained.mjs)
//   d. generated rule bases of 1,000, 10,000, 50,000 and 100,000 rules through the same entry point
//      (c and d: also with answers that change on every call, bench/gen.mjs variedFacts); and 1,000
//      and 10,000 in headless Chromium, the engine the page runs (bench/browser.mjs)
//   e. sizes: the shipped .wasm, the engine alone (empty rule base), the whole page, gzip -9
//   g. issue 19: questions answered per typical operator (tests/flows/operators.toml), and the walk
//      weight: what a person's walk (tea shop, 3 s a question) fetches until the first result
//   f. page load in headless Chromium: navigation → first question, → first result (and the files
//      fetched by then, each gzipped: the page weight measured rather than listed); plain and
//      throttled (CPU ×4, 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up)
// Prints a table and writes bench/latest.json.
//   node bench/run.mjs [--quick] [--skip a,b,…]   --quick: fewer calls (a smoke run, not figures)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse as parseToml } from 'smol-toml';
import { toToml } from './gen.mjs';
import { serveDist } from './serve.mjs';
import { median, time } from './timing.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared', 'bench');
const work = join(root, 'target', 'bench');
mkdirSync(work, { recursive: true });
const { values: opts } = parseArgs({ options: { quick: { type: 'boolean', default: false }, skip: { type: 'string', default: '' } } });
const skip = new Set(opts.skip.split(',').filter(Boolean));
const CALLS = opts.quick ? 300 : 10_000;

const out = { date: new Date().toISOString(), machine: machine(), quick: opts.quick, figures: {} };
const rows = [];
function row(part, what, value, goal = '', note = '') {
  rows.push({ part, what, value, goal, note });
  console.error(`bench: ${part} ${what}: ${value}${goal ? ` (goal ${goal})` : ''}${note ? ` — ${note}` : ''}`);
}

function machine() {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model, cores: cpus.length, memory_gib: Math.round(os.totalmem() / 2 ** 30), node: process.version, load: os.loadavg().map((x) => +x.toFixed(2)) };
}


// --- the shipped module (pkg/, optimised) and "every question answered" -------------------------
const pkg = join(root, 'pkg');
const { expandCatalogue } = await import(pathToFileURL(join(root, 'www', 'wasm-loader.js')).href);
const { questionsFrom } = await import(pathToFileURL(join(root, 'www', 'describe.js')).href);
const readPkg = (f) => JSON.parse(readFileSync(join(pkg, f), 'utf8'));
const questions = questionsFrom(readPkg('questions.en.json'), expandCatalogue(readPkg('catalogue.en.json')));
const allAnswered = {};
for (const q of questions) {
  if (q.kind === 'yes_no') allAnswered[q.id] = true;
  else if (q.kind === 'one_of') allAnswered[q.id] = q.options[0].id;
  else if (q.kind === 'several_of') allAnswered[q.id] = q.options.slice(0, 3).map((o) => o.id);
  else allAnswered[q.id] = Math.min(q.max ?? 100, Math.max(q.min ?? 0, 100));
}
const answersFile = join(work, 'answers-all.json');
writeFileSync(answersFile, JSON.stringify(allAnswered));
out.figures.shipped = { questions: questions.length, answers: allAnswered };

// a. native
if (!skip.has('a')) {
  const bin = join(root, 'target', 'release', 'examples', 'bench_native');
  if (!existsSync(bin)) row('a', 'native evaluate, shipped rules', 'skipped', '', `${bin} is missing (scripts/bench.sh builds it)`);
  else {
    const r = spawnSync(bin, ['shipped', answersFile, String(CALLS)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench_native: ${r.stderr}`);
    const f = JSON.parse(r.stdout);
    out.figures.native_shipped = f;
    row('a', `native evaluate, shipped rules, all ${questions.length} questions answered`, `${f.median_us} µs median to JSON (${f.calls} calls, report ${f.report_bytes} bytes)`);
  }
}

// b. wasm from JS, in fresh processes (bench/evaluate-child.mjs says why)
if (!skip.has('b')) {
  const runs = [];
  // Also the answers of every scenario (tests/scenarios/*.toml), in turn: answers that change.
  const scenarioAnswers = readdirSync(join(root, 'tests', 'scenarios'))
    .filter((f) => f.endsWith('.toml'))
    .sort()
    .flatMap((f) => (parseToml(readFileSync(join(root, 'tests', 'scenarios', f), 'utf8')).scenario ?? []).map((s) => s.answers ?? {}));
  const listFile = join(work, 'answers-scenarios.json');
  writeFileSync(listFile, JSON.stringify(scenarioAnswers));
  // And every question answered, one answer changed to each of its other values and back: each
  // call differs from the one before in one answer, as when a user changes an answer.
  const oneChanged = [];
  for (const q of questions) {
    const others =
      q.kind === 'yes_no' ? [false]
      : q.kind === 'one_of' ? q.options.slice(1).map((o) => o.id)
      : q.kind === 'several_of' ? [q.options.slice(1, 4).map((o) => o.id), []]
      : [q.min ?? 0, (q.max ?? 1000) / 2];
    for (const v of others) oneChanged.push(allAnswered, { ...allAnswered, [q.id]: v });
  }
  const oneFile = join(work, 'answers-one-changed.json');
  writeFileSync(oneFile, JSON.stringify(oneChanged));
  for (let i = 0; i < (opts.quick ? 2 : 5); i++) {
    const r = spawnSync(process.execPath, [join(root, 'bench', 'evaluate-child.mjs'), answersFile, String(CALLS), listFile, oneFile], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`evaluate-child: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout));
  }
  const medians = runs.map((r) => r.median_us).sort((a, b) => a - b);
  const f = { median_us: medians[medians.length >> 1], process_medians_us: medians, calls: runs.reduce((a, r) => a + r.calls, 0) };
  out.figures.wasm_shipped = { ...f, requirements: runs[0].requirements, wasm: 'pkg/mpcheck_bg.wasm (wasm-opt)' };
  row('b', 'wasm evaluate(answers) from node through engine.js, full report', `${f.median_us} µs median of ${runs.length} processes' medians (${medians.join(' / ')}; ${f.calls} calls)`, '≤ 50 µs');
  // The figures of answers in turn: the median of the processes' medians, each listed.
  const inTurn = (key, what) => {
    const m = runs.map((r) => r[key].median_us).sort((a, b) => a - b);
    out.figures.wasm_shipped[key] = { median_us: m[m.length >> 1], process_medians_us: m, answer_sets: runs[0][key].answer_sets };
    row('b', what, `${m[m.length >> 1]} µs median of ${runs.length} processes' medians (${m.join(' / ')})`);
  };
  inTurn('varied', `the same, answers changing on every call (the ${runs[0].varied.answer_sets} scenarios in turn)`);
  inTurn('one_changed', 'the same, every question answered, one answer changed on every call (a user changing an answer)');
}

// c + d. the bench-only entry point, in fresh processes (bench/generated-child.mjs)
const bench = existsSync(join(root, 'target', 'bench-pkg', 'mpcheck.js'));
if (!bench && !(skip.has('c') && skip.has('d'))) row('c', 'bench module', 'skipped', '', 'target/bench-pkg/ is missing (scripts/bench.sh builds it)');

if (bench && !skip.has('c')) {
  const w = JSON.parse(readFileSync(join(shared, 'synthetic-200.json'), 'utf8'));
  // In three fresh processes, as part d (one process can run the module 1.5 times slower than the
  // next): each figure is the median of their medians.
  const runs = [1, 2, 3].map(() => {
    const r = spawnSync(process.execPath, [join(root, 'bench', 'generated-child.mjs'), 'synthetic-200', String(CALLS)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`generated-child synthetic-200: ${r.stderr}`);
    return JSON.parse(r.stdout);
  });
  const mid = (key) => median(runs.map(key));
  const [r0] = runs;
  const f = {
    ...r0,
    median_us: mid((r) => r.median_us),
    process_medians_us: runs.map((r) => r.median_us),
    varied: { ...r0.varied, median_us: mid((r) => r.varied.median_us) },
    phases: { read_us: mid((r) => r.phases.read_us), module_us: mid((r) => r.phases.module_us), build_us: mid((r) => r.phases.build_us) },
    correct: runs.every((r) => r.correct),
  };
  out.figures.synthetic_200 = f;
  row('c', 'our engine (wasm, bench entry point) on synthetic-200', `${f.median_us} µs median of 3 processes' medians (${f.process_medians_us.join(' / ')}; ${r0.calls} calls)`, '', `${f.correct ? 'matches equal expected_matches' : `WRONG: ${f.missing} missing, ${f.extra} extra`} (${f.matches})`);
  row('c', 'the same, answers changing on every call', `${f.varied.median_us} µs median (${f.varied.answer_sets} answer sets in turn)`);
  const { read_us, module_us, build_us } = f.phases;
  row('c', 'where it goes, each part alone', `answers read ${read_us} µs, module ${module_us} µs, report object built ${build_us} µs (${f.report_objects} objects)`);
  // The same evaluation natively, without the numbers or JSON (examples/bench_native.rs `engine_us`).
  const bin = join(root, 'target', 'release', 'examples', 'bench_native');
  if (existsSync(bin)) {
    const toml = join(work, 'synthetic-200.toml');
    const facts = join(work, 'synthetic-200-facts.json');
    writeFileSync(toml, toToml(w, { version: 'synthetic-200' }));
    writeFileSync(facts, JSON.stringify(w.facts));
    const r = spawnSync(bin, ['toml', toml, facts, String(CALLS)], { encoding: 'utf8' });
    if (r.status === 0) {
      f.native_engine_us = JSON.parse(r.stdout).engine_us;
      row('c', 'the same evaluation natively (no numbers, no JSON)', `${f.native_engine_us} µs median`);
    }
  }
  // The peers, in the same run, from the repository root (json-rules-engine and json-logic-js are devDependencies).
  const p = spawnSync('node', [join(shared, 'peers.cjs'), join(shared, 'synthetic-200.json'), opts.quick ? '300' : '1500'], { cwd: root, encoding: 'utf8' });
  const peers = p.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  if (p.status !== 0) peers.push({ engine: 'peers.cjs', skipped: p.stderr.trim().split('\n').pop() });
  out.figures.peers = peers;
  for (const e of peers) row('c', `peer: ${e.engine}`, e.skipped ? `skipped: ${e.skipped}` : `${e.us_per_eval} µs per evaluation (${e.evals} evals)`);
  // The guardrail: ours within 2× of the plain interpreter, which returns only the matching ids.
  const plain = peers.find((e) => e.engine === 'plain-js-interpreter' && !e.skipped);
  if (plain) {
    out.figures.synthetic_200.ratio_to_plain_js = +(f.median_us / plain.us_per_eval).toFixed(2);
    row('c', 'ours ÷ plain-js-interpreter (same run)', `${out.figures.synthetic_200.ratio_to_plain_js}×`, '≤ 2×');
    // What 2× leaves once the report object is built (its objects are fresh on every call).
    const left = +(2 * plain.us_per_eval - build_us).toFixed(2);
    f.budget_after_build_us = left;
    row('c', '2× the peer, less building the report object', `${left} µs for reading the answers and evaluating`, '', f.native_engine_us ? `natively the evaluation alone takes ${f.native_engine_us} µs` : '');
  }
  // Context (bench/peer-explained.mjs says what it does and does not do): plain JS that also says
  // every rule's status and the answers that decided it, timed here as ours is.
  const { explain, prepare } = await import('./peer-explained.mjs');
  const rules = prepare(w.rules);
  const report = explain(rules, w.facts);
  const same = report.requirements.filter((r) => r.status === 'required').length === w.expected_matches.length;
  const e = time(() => explain(rules, w.facts), CALLS);
  out.figures.synthetic_200.peer_explained = e;
  row('c', 'context: plain JS with every rule\'s status and reasons (bench/peer-explained.mjs)', `${e.median_us} µs median (${e.calls} calls); ours ÷ it: ${(f.median_us / e.median_us).toFixed(2)}×`, '', same ? 'matches equal expected_matches' : 'WRONG matches');
}

if (bench && !skip.has('d')) {
  out.figures.scaling = [];
  // Requirements and rules are numbered with 32 bits, so 100,000 rules (each requiring its own
  // requirement) load; 50,000 shows the curve between. Each size is timed in fresh node processes
  // (bench/generated-child.mjs), as in part b: one process can run the same module 1.5 times slower
  // than the next, so the figure is the median of three processes' medians (one for the two
  // largest sizes, whose loading alone takes seconds).
  for (const n of opts.quick ? [1000, 10000] : [1000, 10000, 50000, 100000]) {
    const runs = [];
    for (let i = 0; i < (n >= 50000 || opts.quick ? 1 : 3); i++) {
      const r = spawnSync(process.execPath, [join(root, 'bench', 'generated-child.mjs'), String(n)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (r.status !== 0) throw new Error(`generated-child ${n}: ${r.stderr}`);
      runs.push(JSON.parse(r.stdout));
    }
    const f = runs[0];
    if (f.refused) {
      out.figures.scaling.push({ n, ...f });
      row('d', `${n.toLocaleString('en')} generated rules`, 'refused by the loader', '', f.refused);
      continue;
    }
    const mid = (key) => median(runs.map(key));
    const same = runs.map((r) => r.median_us).sort((a, b) => a - b);
    const varied = runs.map((r) => r.varied.median_us).sort((a, b) => a - b);
    const g = { n, ...f, median_us: mid((r) => r.median_us), process_medians_us: same, varied: { ...f.varied, median_us: mid((r) => r.varied.median_us), process_medians_us: varied }, correct: runs.every((r) => r.correct) };
    out.figures.scaling.push(g);
    const note = g.correct ? `correct (${f.matches} matches, explained)` : `WRONG: ${f.missing} missing, ${f.extra} extra of ${f.matches}`;
    const each = (xs) => (xs.length > 1 ? ` of ${xs.length} processes' medians (${xs.join(' / ')})` : '');
    row('d', `${n.toLocaleString('en')} generated rules`, `${g.median_us} µs median${each(same)}, load ${f.load_ms} ms`, n === 10000 ? '≤ 3,000 µs' : '', note);
    row('d', `${n.toLocaleString('en')} generated rules, answers changing on every call`, `${g.varied.median_us} µs median${each(varied)}`);
    const ms = (us) => +(us / 1000).toFixed(2);
    g.phases = { module_us: mid((r) => r.phases.module_us), build_us: mid((r) => r.phases.build_us) };
    row('d', `${n.toLocaleString('en')} generated rules, each part alone`, `module ${ms(g.phases.module_us)} ms, report object built ${ms(g.phases.build_us)} ms (${f.report_objects} objects)`);
  }
  const s = out.figures.scaling.filter((x) => !x.refused);
  for (let i = 1; i < s.length; i++) {
    const [a, b] = [s[i - 1], s[i]];
    row('d', `growth ${a.n} → ${b.n} rules`, `×${(b.median_us / a.median_us).toFixed(1)} time for ×${b.n / a.n} rules (answers changing: ×${(b.varied.median_us / a.varied.median_us).toFixed(1)})`, 'linear');
  }
  // The same in Chromium, the engine the page runs (bench/browser.mjs says why it differs).
  try {
    const c = await (await import('./browser.mjs')).inChromium(root, [1000, 10000]);
    out.figures.scaling_chromium = c;
    for (const x of c) row('d', `${x.n.toLocaleString('en')} generated rules, in headless Chromium`, `${x.median_us} µs median (${x.batches} batches of ${x.batch})`, x.n === 10000 ? '≤ 3,000 µs' : '');
    row('d', 'growth 1000 → 10000 rules, in Chromium', `×${(c[1].median_us / c[0].median_us).toFixed(1)} time for ×10 rules`, 'linear');
  } catch (e) {
    row('d', 'generated rules in Chromium', 'skipped', '', String(e.message || e).split('\n')[0]);
  }
}

// e. sizes (scripts/sizes.mjs measures them and writes target/sizes.json; its exit code says
// whether they are within budget, which is the build's business, not the benchmark's).
if (!skip.has('e')) {
  spawnSync('node', [join(root, 'scripts', 'sizes.mjs')], { cwd: root, encoding: 'utf8' });
  const sizesFile = join(root, 'target', 'sizes.json');
  if (!existsSync(sizesFile)) row('e', 'sizes', 'skipped', '', 'scripts/sizes.mjs wrote no target/sizes.json');
  else {
    const sizes = JSON.parse(readFileSync(sizesFile, 'utf8'));
    out.figures.sizes = sizes.budgets;
    const goal = { wasm: 'budget in wasm-pack.toml', engine_wasm: '≤ 60 KB', page: '≤ 150 KB' };
    for (const b of sizes.budgets) row('e', `${b.name}: ${b.what}`, `${(b.gzip / 1024).toFixed(1)} KB gzip (${(b.raw / 1024).toFixed(1)} KB raw)`, goal[b.name] || '', `budget ${(b.budget / 1024).toFixed(1)} KB`);
  }
}

// f. page load in headless Chromium
if (!skip.has('f')) {
  try {
    out.figures.page = await pageLoad();
    for (const [mode, r] of Object.entries(out.figures.page)) {
      row('f', `page, ${mode}: navigation → first question`, `${r.first_question_ms} ms (median of ${r.runs})`, mode === 'throttled' ? '≤ 1,500 ms' : '');
      row('f', `page, ${mode}: navigation → first result`, `${r.first_result_ms} ms (median of ${r.runs})`);
      // Throttled only: on a fast connection the files fetched once idle after the first result
      // may already be in when it shows.
      const f = r.fetched_by_first_result;
      if (mode === 'throttled') row('f', `page, ${mode}: files fetched by the first result (first run)`, `${f.files.length} files, ${(f.gzip / 1024).toFixed(1)} KB gzip`, '≤ 150 KB', f.files.join(' '));
    }
  } catch (e) {
    row('f', 'page load', 'skipped', '', String(e.message || e).split('\n').slice(0, 3).join(' '));
  }
}

// g. issue 19: questions answered per typical operator, and a person's walk to the first result
if (!skip.has('g')) {
  try {
    process.env.MPCHECK_PKG ||= join(root, 'dist', 'pkg');
    const { operatorCounts, walkWeight } = await import('./walk.mjs');
    const { mp } = await import('../tests/node/engine.mjs');
    const q = operatorCounts(mp);
    out.figures.questions = q;
    row('g', 'questions answered, typical operators', `median ${q.median}, max ${q.max} (${q.counts.length} operators)`, 'median ≤ 9, max ≤ 12', q.counts.map(([id, n]) => `${id} ${n}`).join(', '));
    const w = await walkWeight(root, fetchedSize, opts.quick ? 300 : 3000);
    out.figures.walk = w;
    row('g', `walk weight: ${w.operator}, ${w.questions} questions at ${w.pace_ms / 1000} s each → first result`, `${w.files.length} files, ${(w.gzip / 1024).toFixed(1)} KB gzip`, '≤ 150 KB', w.files.join(' '));
  } catch (e) {
    row('g', 'question counts and walk weight', 'skipped', '', String(e.message || e).split('\n').slice(0, 3).join(' '));
  }
}

/** The files of dist/ among the paths fetched, and their gzip -9 sizes added up. */
function fetchedSize(paths) {
  const files = [...new Set(paths.map((p) => (p.endsWith('/') ? p + 'index.html' : p).replace(/^\//, '')))].filter((f) => existsSync(join(root, 'dist', f)));
  const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(join(root, 'dist', f)), { level: 9 }).length, 0);
  return { files, gzip };
}

async function pageLoad() {
  if (!existsSync(join(root, 'dist', 'index.html'))) throw new Error('dist/index.html is missing');
  const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`${chromium} is missing`);
  const { chromium: pw } = await import('playwright-core');
  const { url, stop } = await serveDist(root);
  try {
    const browser = await pw.launch({
      executablePath: chromium,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const result = {};
      for (const mode of ['plain', 'throttled']) {
        const firstQ = [];
        const firstR = [];
        let fetched = null;
        const runs = opts.quick ? 1 : 5;
        for (let i = 0; i < runs; i++) {
          for (const target of ['question', 'result']) {
            const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
            const page = await ctx.newPage();
            const cdp = await ctx.newCDPSession(page);
            await cdp.send('Network.enable');
            await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
            if (mode === 'throttled') {
              await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
              await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
            }
            const app = page.locator('mpcheck-app');
            const done = [];
            page.on('requestfinished', (r) => done.push(new URL(r.url()).pathname));
            const t0 = Date.now();
            await page.goto(url, { waitUntil: 'commit' });
            if (target === 'question') {
              // The start page's button leads to the first question (the page's own flow).
              await app.locator('.start-button').click({ timeout: 30_000 });
              await app.locator('.question-page .question-heading').first().waitFor({ state: 'visible', timeout: 30_000 });
              firstQ.push(Date.now() - t0);
            } else {
              // The navigation's "results" button shows the report computed by the wasm.
              await app.locator('.nav button[data-view="results"]').click({ timeout: 30_000 });
              await app.locator('.results .group-title').first().waitFor({ state: 'visible', timeout: 30_000 });
              firstR.push(Date.now() - t0);
              // What had arrived by then (each file of dist/ gzipped on its own, as the budget counts).
              if (!fetched) fetched = fetchedSize(done);
            }
            await ctx.close();
          }
        }
        result[mode] = { first_question_ms: median(firstQ), first_result_ms: median(firstR), runs, fetched_by_first_result: fetched, samples: { first_question_ms: firstQ, first_result_ms: firstR } };
      }
      return result;
    } finally {
      await browser.close();
    }
  } finally {
    stop();
  }
}

// --- the table ------------------------------------------------------------------------------------
out.rows = rows;
writeFileSync(join(root, 'bench', 'latest.json'), JSON.stringify(out, null, 2) + '\n');
const w = [4, Math.max(...rows.map((r) => r.what.length)), Math.max(...rows.map((r) => String(r.value).length)), Math.max(4, ...rows.map((r) => r.goal.length))];
const line = (c) => `${c[0].padEnd(w[0])}  ${c[1].padEnd(w[1])}  ${c[2].padEnd(w[2])}  ${c[3].padEnd(w[3])}  ${c[4] ?? ''}`.trimEnd();
console.log(`\nmpcheck benchmark, ${out.date}, ${out.machine.cpu} (${out.machine.cores} cores), node ${out.machine.node}, load ${out.machine.load.join(' ')}${opts.quick ? ' — QUICK RUN, not figures' : ''}`);
console.log(line(['part', 'what', 'figure', 'goal', 'note']));
console.log(line(['-'.repeat(w[0]), '-'.repeat(w[1]), '-'.repeat(w[2]), '-'.repeat(w[3]), '----']));
for (const r of rows) console.log(line([r.part, r.what, String(r.value), r.goal, r.note]));
console.log('\nwritten: bench/latest.json');
