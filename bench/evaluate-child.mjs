// Part b of bench/run.mjs in a fresh node process: times evaluate(answers, 'zh-CN') of the shipped
// module (pkg/) on the answers file given, and prints {median_us, mean_us, calls, requirements}.
// run.mjs starts several of these: V8 settles into noticeably different speeds in different
// processes (about 40 µs in most, 60 µs in some, on the project's machine), so one process's
// figure is not the figure.
//   node bench/evaluate-child.mjs ANSWERS.json CALLS
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const glue = await import(pathToFileURL(join(root, 'pkg', 'mpcheck.js')).href);
glue.initSync({ module: readFileSync(join(root, 'pkg', 'mpcheck_bg.wasm')) });
const answers = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const calls = Number(process.argv[3] || 10000);

const report = glue.evaluate(answers, 'zh-CN');
if (!Array.isArray(report.requirements)) throw new Error('evaluate gave no report');
const warm = process.hrtime.bigint();
for (let i = 0; i < 200 || Number(process.hrtime.bigint() - warm) < 5e8; i++) glue.evaluate(answers, 'zh-CN');
const samples = [];
const start = process.hrtime.bigint();
while (samples.length < calls || Number(process.hrtime.bigint() - start) < 1e9) {
  const t = process.hrtime.bigint();
  glue.evaluate(answers, 'zh-CN');
  samples.push(Number(process.hrtime.bigint() - t) / 1e3);
}
samples.sort((a, b) => a - b);
const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
console.log(JSON.stringify({
  median_us: +samples[samples.length >> 1].toFixed(2),
  mean_us: +mean.toFixed(2),
  calls: samples.length,
  requirements: report.requirements.length,
}));
