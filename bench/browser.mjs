// Part d's generated rule bases in headless Chromium, the engine the page runs (V8 with pointer
// compression: a report's objects take about half the memory they take in node, which matters to
// the garbage collector once a report has 10,000 items). The bench module (target/bench-pkg/),
// www/engine.js and bench/gen.mjs are copied into target/bench-browser/ and served; the page loads
// each workload and times evaluate as bench/workload.mjs does in node. performance.now() is coarse
// in a page (0.1 ms without cross-origin isolation), so calls are timed in batches of at least
// 5 ms, and the figure is the median batch's time per call.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist } from './serve.mjs';

const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
import init, { buildReport, readAnswers } from './engine.js';
import * as glue from './pkg/mpcheck.js';
import { generate, toToml } from './gen.mjs';
await init();
const { facts } = await (await fetch('./synthetic-200.json')).json();
const out = [];
for (const n of SIZES) {
  const w = generate(facts, n);
  glue.bench_load(toToml(w, { version: 'generated-' + n }));
  const names = glue.bench_names();
  const evaluate = () => buildReport(glue.bench_evaluate(...readAnswers(w.facts)), names);
  let t = performance.now();
  for (let i = 0; i < 10 || performance.now() - t < 500; i++) evaluate(); // warm up
  t = performance.now();
  for (let i = 0; i < 10; i++) evaluate();
  const batch = Math.ceil(50 / Math.max(0.01, performance.now() - t)); // ≥ 5 ms a batch
  const per = [];
  for (let i = 0; i < 31; i++) {
    t = performance.now();
    for (let j = 0; j < batch; j++) evaluate();
    per.push(((performance.now() - t) / batch) * 1000);
  }
  per.sort((a, b) => a - b);
  out.push({ n, median_us: +per[15].toFixed(1), batch, batches: per.length });
}
window.result = out;
</script>`;

/**
 * @param {string} root the repository (target/bench-pkg/ built by scripts/bench.sh)
 * @param {number[]} sizes rule counts
 * @returns {Promise<{n: number, median_us: number, batch: number, batches: number}[]>}
 */
export async function inChromium(root, sizes) {
  const dir = join(root, 'target', 'bench-browser');
  mkdirSync(join(dir, 'pkg'), { recursive: true });
  for (const f of ['mpcheck.js', 'mpcheck_bg.wasm']) copyFileSync(join(root, 'target', 'bench-pkg', f), join(dir, 'pkg', f));
  copyFileSync(join(root, 'www', 'engine.js'), join(dir, 'engine.js'));
  copyFileSync(join(root, 'bench', 'gen.mjs'), join(dir, 'gen.mjs'));
  copyFileSync(join(root, '..', 'shared', 'bench', 'synthetic-200.json'), join(dir, 'synthetic-200.json'));
  writeFileSync(join(dir, 'index.html'), PAGE.replace('SIZES', JSON.stringify(sizes)));
  const { chromium } = await import('playwright-core');
  const { url, stop } = await serveDist(root, dir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => window.result || null, null, { timeout: 300_000, polling: 500 }).catch((e) => {
      throw new Error(errors[0] || String(e));
    });
    return await page.evaluate(() => window.result);
  } finally {
    await browser.close();
    stop();
  }
}
