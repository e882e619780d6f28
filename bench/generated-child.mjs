// Part d of bench/run.mjs in a fresh node process: a generated rule base of N rules (bench/gen.mjs,
// shaped like ../shared/bench/synthetic-200.json, over its facts) through the bench-only entry
// point of target/bench-pkg/; prints runWorkload's figures as one JSON line. Part c runs the shared
// synthetic-200 itself here too, in fresh processes as part d.
//   node bench/generated-child.mjs N | synthetic-200 CALLS
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expectedMatches, generate } from './gen.mjs';
import { runWorkload } from './workload.mjs';
import { loadEngine } from './engine.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2]);
const pkg = join(root, 'target', 'bench-pkg');
const { engine: api, glue } = await loadEngine(pkg);
const bench = { ...glue, readAnswers: api.readAnswers, buildReport: api.buildReport };
const shared = JSON.parse(readFileSync(join(root, '..', 'shared', 'bench', 'synthetic-200.json'), 'utf8'));
if (process.argv[2] === 'synthetic-200') {
  // Part c: the shared workload itself, with as many calls as bench/run.mjs times.
  console.log(JSON.stringify(runWorkload(bench, 'synthetic-200', shared, Number(process.argv[3]), shared.expected_matches)));
} else {
  const w = generate(shared.facts, n);
  console.log(JSON.stringify({ n, ...runWorkload(bench, `generated-${n}`, w, n >= 50000 ? 2 : n >= 10000 ? 30 : 300, expectedMatches(w)) }));
}
