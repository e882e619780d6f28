// Times the bench-only entry point of a module built with `--features bench` on a workload (facts
// and rules, as in ../shared/bench/synthetic-200.json): loads it as our rule files (bench/gen.mjs),
// checks the report's matches against the expected ones, and times `bench_evaluate` with the
// workload's facts on every call and with answers that change on every call. Used by
// bench/generated-child.mjs (parts c and d of bench/run.mjs).
import { matches, toToml, variedFacts } from './gen.mjs';
import { time } from './timing.mjs';

/**
 * @param {any} bench the bench module (bench_load, bench_names, bench_evaluate) and www/engine.js's
 *   readAnswers and buildReport (the report object from the module's numbers, as evaluate() builds it)
 * @param {string} name the rule base's version
 * @param {{facts: object, rules: object[]}} w the workload
 * @param {number} calls at least this many timed calls per figure
 * @param {string[]} expected the ids of the rules that should match
 */
export function runWorkload(bench, name, w, calls, expected) {
  const toml = toToml(w, { version: name });
  const t0 = process.hrtime.bigint();
  let n;
  try {
    n = bench.bench_load(toml);
  } catch (e) {
    return { refused: String(e.message || e).split('\n')[0], toml_bytes: toml.length };
  }
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const names = bench.bench_names();
  // As www/engine.js evaluate() does: the answers read (into a text and numbers), evaluated, built.
  const evaluate = (facts) => bench.buildReport(bench.bench_evaluate(...bench.readAnswers(facts)), names);
  const report = evaluate(w.facts);
  const got = new Set(matches(report));
  const want = new Set(expected);
  const missing = [...want].filter((x) => !got.has(x)).length;
  const extra = [...got].filter((x) => !want.has(x)).length;
  const f = time(() => evaluate(w.facts), calls, 1000, 60_000);
  // The same rule base with answers that change on every call (gen.mjs variedFacts says why).
  const varied = variedFacts(w.facts, 16);
  let i = 0;
  const v = time(() => evaluate(varied[i++ % varied.length]), calls, 1000, 60_000);
  // Where a call's time goes, each part timed alone on the workload's facts: the answers read, the
  // module (evaluation and its numbers), and the report object built from those numbers.
  const [text, shape] = bench.readAnswers(w.facts);
  const numbers = bench.bench_evaluate(text, shape);
  const phases = {
    read_us: time(() => bench.readAnswers(w.facts), calls, 300).median_us,
    module_us: time(() => bench.bench_evaluate(text, shape), calls, 300).median_us,
    build_us: time(() => bench.buildReport(numbers, names), calls, 300).median_us,
  };
  const explained = report.requirements.filter((x) => x.status === 'required').every((x) => x.because.length > 0);
  return {
    rules: n,
    toml_bytes: toml.length,
    load_ms: +loadMs.toFixed(1),
    ...f,
    varied: { median_us: v.median_us, calls: v.calls, answer_sets: varied.length },
    matches: got.size,
    correct: missing === 0 && extra === 0,
    missing,
    extra,
    explained,
    report_requirements: report.requirements.length,
    report_objects: objects(report),
    phases,
  };
}

/** How many objects and arrays a report is made of (every one fresh on every call). */
function objects(v) {
  if (v === null || typeof v !== 'object') return 0;
  let n = 1;
  for (const k in v) n += objects(v[k]);
  return n;
}
