// Part b of bench/run.mjs in a fresh node process: times evaluate(answers) of the shipped module
// (pkg/, through www/engine.js: the API's way in and out) on the answers file given, and prints {median_us, mean_us, calls, requirements}.
// run.mjs starts several of these: V8 settles into noticeably different speeds in different
// processes (38–75 µs on the project's machine), so one process's
// figure is not the figure.
//   node bench/evaluate-child.mjs ANSWERS.json CALLS [ANSWERS_LIST.json [ONE_CHANGED.json]]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from './engine.mjs';
import { time } from './timing.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { engine: glue } = await loadEngine(join(root, 'pkg'));
const answers = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const calls = Number(process.argv[3] || 10000);

const report = glue.evaluate(answers);
if (!Array.isArray(report.requirements)) throw new Error('evaluate gave no report');
const out = { ...time(() => glue.evaluate(answers), calls), requirements: report.requirements.length };
/** Times evaluate on the answers in the file given, one after another, in turn. */
function inTurn(file) {
  const list = JSON.parse(readFileSync(file, 'utf8'));
  let i = 0;
  return { ...time(() => glue.evaluate(list[i++ % list.length]), calls), answer_sets: list.length };
}
// With a list of answers (ANSWERS_LIST.json): the same, answers changing on every call, in turn.
if (process.argv[4]) out.varied = inTurn(process.argv[4]);
// With a list of answers each differing from the one before in one answer (ONE_CHANGED.json): a
// user changing one answer at a time.
if (process.argv[5]) out.one_changed = inTurn(process.argv[5]);
console.log(JSON.stringify(out));
