// A report is a read-only value (docs/api.md): src/js/report.js shares values that recur (the empty
// array, one_of groups, problem objects, the plan's [min, max] pairs, lists of question ids,
// because entries and one-entry because lists) between places and reports. Everything reachable
// from more than one place must be frozen, so that a consumer's change throws (modules are strict)
// instead of altering other items or reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mp, tomlFiles } from './engine.mjs';

const scenarios = tomlFiles('tests/scenarios').flatMap(({ data }) => data.scenario ?? []);

/** Every object and array of a report, with how many places hold it. */
function places(report, counts = new Map()) {
  (function walk(v) {
    if (v === null || typeof v !== 'object') return;
    const n = counts.get(v) ?? 0;
    counts.set(v, n + 1);
    if (n > 0) return;
    for (const k of Object.keys(v)) walk(v[k]);
  })(report);
  return counts;
}

test('whatever two places or two reports share is frozen', () => {
  const counts = new Map();
  for (const s of scenarios) {
    for (const lang of ['zh-CN', 'en']) places(mp.evaluate(s.answers ?? {}, lang), counts);
  }
  let shared = 0;
  for (const [v, n] of counts) {
    if (n < 2) continue;
    shared++;
    assert.ok(Object.isFrozen(v), `shared but not frozen: ${JSON.stringify(v).slice(0, 120)}`);
  }
  // The scenarios do share (empty lists at least): the check above was not vacuous.
  assert.ok(shared > 0);
});

test('changing a shared part of a report throws and leaves other reports as they were', () => {
  // A scenario whose report has eligibility problems, one_of groups and plan steps.
  const reports = scenarios.map((s) => mp.evaluate(s.answers ?? {}, 'zh-CN'));
  const withProblems = reports.find((r) => r.requirements.some((i) => i.problems.length > 0));
  const withOneOf = reports.find((r) => r.requirements.some((i) => i.one_of));
  const withSteps = reports.find((r) => r.plan.steps.length > 0);
  assert.ok(withProblems && withOneOf && withSteps, 'no scenario has problems, one_of and plan steps');
  const before = reports.map((r) => JSON.stringify(r));

  const empty = reports[0].requirements.find((i) => i.settle.length === 0).settle;
  assert.throws(() => empty.push('x'), TypeError);
  const entry = reports.flatMap((r) => r.requirements).find((i) => i.because.length > 0 && i.because[0].answers.length > 0).because[0];
  assert.throws(() => {
    entry.rule = 'changed';
  }, TypeError);
  assert.throws(() => entry.answers.push('x'), TypeError);
  const problem = withProblems.requirements.find((i) => i.problems.length > 0).problems[0];
  assert.throws(() => {
    problem.text = 'changed';
  }, TypeError);
  const group = withOneOf.requirements.find((i) => i.one_of).one_of;
  assert.throws(() => group.pop(), TypeError);
  const start = withSteps.plan.steps[0].start;
  assert.throws(() => {
    start[0] = 999;
  }, TypeError);
  assert.deepEqual(reports.map((r) => JSON.stringify(r)), before);

  // A copy is the caller's to change.
  const copy = structuredClone(withProblems);
  copy.requirements[0].settle.push('x');
  copy.plan.total[0] = 999;
  assert.notEqual(JSON.stringify(copy), JSON.stringify(withProblems));
});

test('an evaluation with other answers does not change an earlier report', () => {
  const first = mp.evaluate(scenarios[0].answers ?? {}, 'zh-CN');
  const json = JSON.stringify(first);
  for (const s of scenarios) {
    mp.evaluate(s.answers ?? {}, 'zh-CN');
    mp.evaluate(s.answers ?? {}, 'en');
  }
  assert.equal(JSON.stringify(first), json);
});

test('answers that change back share the because entries built the first time', () => {
  // Two scenarios in turn, as a user switching an answer back and forth: the third report's
  // entries are the first report's objects again (src/tape.rs numbers every pair of decider and
  // answers, not only the last one per decider), and the reports stay what the engine says.
  const [a, b] = scenarios
    .map((s) => s.answers ?? {})
    .filter((x) => Object.keys(x).length > 3)
    .slice(0, 2);
  const entries = (r) => r.requirements.flatMap((i) => i.because).concat(r.checklist.flatMap((c) => c.because));
  const first = mp.evaluate(a, 'en');
  const other = mp.evaluate(b, 'en');
  const again = mp.evaluate(a, 'en');
  assert.equal(JSON.stringify(again), JSON.stringify(first));
  const before = new Set(entries(first));
  const reused = entries(again).filter((e) => before.has(e));
  assert.ok(entries(again).length > 10, 'the scenario has because entries');
  assert.equal(reused.length, entries(again).length, 'every entry of the repeated answers is shared');
  // And the answers in between did not take them over: they differ from the first report.
  assert.notEqual(JSON.stringify(other), JSON.stringify(first));
});

test('an item that did not change is the object of the report before', () => {
  // A user changing one answer: the items it does not touch are the last report's objects again
  // (src/tape.rs sends them by reference), the others are built anew, and both reports stay what
  // they were. The same answers first, three times: after answers that changed everything at
  // once (the tests above), a tape keeps items again once a report repeats most of the last.
  const a = scenarios.map((s) => s.answers ?? {}).find((x) => Object.keys(x).length > 5);
  const [q, v] = Object.entries(a).find(([, x]) => typeof x === 'boolean');
  const b = { ...a, [q]: !v };
  mp.evaluate(a, 'en');
  mp.evaluate(a, 'en');
  const first = mp.evaluate(a, 'en');
  const json = JSON.stringify(first);
  const second = mp.evaluate(b, 'en');
  const before = new Map(first.requirements.map((i) => [i.id, i]));
  let kept = 0;
  let changed = 0;
  for (const item of second.requirements) {
    const old = before.get(item.id);
    if (old === undefined) continue;
    if (JSON.stringify(old) === JSON.stringify(item)) {
      assert.equal(item, old, `${item.id} is unchanged but was built again`);
      assert.ok(Object.isFrozen(item));
      kept++;
    } else {
      assert.notEqual(item, old);
      changed++;
    }
  }
  assert.ok(kept > 5 && changed > 0, `the change kept ${kept} items and changed ${changed}`);
  assert.equal(JSON.stringify(first), json);
  // The other language has its own items.
  assert.notEqual(mp.evaluate(b, 'zh-CN').requirements[0], second.requirements[0]);
});
