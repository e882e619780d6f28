// Every scenario in tests/scenarios/*.toml through the built wasm, asserting what the native runner
// (tests/scenarios.rs) asserts: statuses, `because` traces, `settle` questions, eligibility problems,
// checklist items and the next question. Format: tests/README.md. Every list means "at least these".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue as loadCatalogue, engine, mp, root, tomlFiles } from './engine.mjs';

const files = tomlFiles('tests/scenarios');
const scenarios = files.flatMap(({ file, data }) => (data.scenario ?? []).map((s) => ({ ...s, file })));
const catalogue = loadCatalogue('en');
const STATUSES = ['required', 'possible', 'not_accepted', 'not_needed', 'needs_confirming'];
const EXPECT_KEYS = [...STATUSES, 'absent', 'checklist', 'next', 'because', 'settle', 'problem', 'held', 'met'];

const sameSet = (a, b) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
const show = (item) => (item ? `${item.status} (because ${JSON.stringify(item.because)})` : 'absent from the report');

test('there are scenarios, with unique ids, naming known requirements and rules', () => {
  assert.ok(scenarios.length > 0, 'no [[scenario]] in tests/scenarios/*.toml');
  const seen = new Map();
  for (const s of scenarios) {
    assert.equal(typeof s.id, 'string', `${s.file}: a scenario without an id`);
    assert.ok(!seen.has(s.id), `scenario ${s.id} is in both ${seen.get(s.id)} and ${s.file}`);
    seen.set(s.id, s.file);
    const e = s.expect ?? {};
    for (const k of Object.keys(e)) assert.ok(EXPECT_KEYS.includes(k), `${s.file} ${s.id}: unknown expect key ${k}`);
    const named = [...STATUSES, 'absent', 'held', 'met'].flatMap((k) => e[k] ?? []);
    for (const x of [...(e.because ?? []), ...(e.settle ?? []), ...(e.problem ?? [])]) named.push(x.id);
    for (const id of named) {
      assert.ok(id in catalogue.requirements, `${s.file} ${s.id}: ${id} is not a requirement in the catalogue`);
    }
    for (const id of e.checklist ?? []) {
      assert.ok(id in catalogue.checks, `${s.file} ${s.id}: checklist ${id} is not a check in the catalogue`);
    }
    for (const b of e.because ?? []) {
      assert.ok(b.rule === 'picked' || b.rule in catalogue.rules, `${s.file} ${s.id}: rule ${b.rule} is not in the catalogue`);
    }
  }
});

for (const s of scenarios) {
  test(`scenario ${s.id} (${s.file})`, () => {
    const e = s.expect ?? {};
    const report = mp.evaluate(s.answers ?? {}, 'zh-CN');
    const items = new Map(report.requirements.map((r) => [r.id, r]));
    for (const r of report.requirements) assert.ok(STATUSES.includes(r.status), `${r.id}: unknown status ${r.status}`);

    for (const status of STATUSES) {
      for (const id of e[status] ?? []) {
        const item = items.get(id);
        assert.equal(item?.status, status, `${id} should be ${status}, is ${show(item)}`);
      }
    }
    for (const id of e.absent ?? []) {
      const item = items.get(id);
      assert.ok(!item || !['required', 'possible'].includes(item.status), `${id} should be neither required nor possible, is ${show(item)}`);
    }
    const checklist = new Set(report.checklist.map((c) => c.id));
    for (const id of e.checklist ?? []) {
      assert.ok(checklist.has(id), `checklist should hold ${id}; it holds ${[...checklist].join(', ') || 'nothing'}`);
    }
    if (e.next !== undefined) {
      assert.equal(report.flow.next ?? '', e.next, `the next question should be ${e.next || 'none'}`);
    }
    for (const b of e.because ?? []) {
      // The item's `because` has an entry of this rule; when `answers` is given, citing exactly those.
      const item = items.get(b.id);
      const entry = item?.because.find((x) => x.rule === b.rule);
      assert.ok(entry, `${b.id} should be because of rule ${b.rule}; it is ${show(item)}`);
      if (b.answers !== undefined) {
        assert.ok(sameSet(entry.answers, b.answers), `${b.id} because ${b.rule} should cite [${b.answers.join(', ')}], cites [${entry.answers.join(', ')}]`);
      }
      for (const x of item.because) {
        for (const q of x.answers) assert.ok(q in report.answers, `${b.id}: because cites ${q} but report.answers has no words for it`);
      }
    }
    for (const st of e.settle ?? []) {
      const item = items.get(st.id);
      assert.ok(item, `${st.id} should be settled by [${st.questions}], is absent from the report`);
      assert.ok(sameSet(item.settle, st.questions ?? []), `${st.id} should be settled by [${st.questions}], names [${item.settle}] (${item.status})`);
    }
    for (const id of e.held ?? []) assert.equal(items.get(id)?.held, true, `${id} should be held, is ${show(items.get(id))}`);
    for (const id of e.met ?? []) {
      const met = (items.get(id)?.conditions ?? []).filter((c) => c.met === true);
      assert.ok(met.length > 0, `${id} should have a condition met; conditions = ${JSON.stringify(items.get(id)?.conditions)}`);
      for (const c of met) assert.doesNotMatch(c.text, /[{}]|未回答/, `${id}: a met condition's words are filled with given answers`);
    }
    for (const step of report.plan.steps) assert.notEqual(items.get(step.id)?.held, true, `${step.id} is held but is a plan step`);
    for (const p of e.problem ?? []) {
      const item = items.get(p.id);
      assert.ok(item, `${p.id} is not in the report`);
      assert.ok(
        item.problems.some((x) => x.blocks === (p.blocks ?? true)),
        `${p.id} should have a problem with blocks = ${p.blocks ?? true}; problems = ${JSON.stringify(item.problems)}`,
      );
    }

    // The English report is the same but for its words.
    const strip = (r) => JSON.stringify({ ...r, answers: Object.keys(r.answers), blockers: r.blockers.map(({ name, texts, ...b }) => ({ ...b, texts: texts.length })), plan: { ...r.plan, steps: r.plan.steps.map(({ name, apply, ...st }) => ({ ...st, apply: apply?.confirmed })) }, requirements: r.requirements.map(({ name, ask, notes, apply, ...i }) => ({ ...i, asks: ask?.length ?? 0, notes: notes.length, apply: apply?.url, problems: i.problems.map(({ text, ...p }) => p), conditions: i.conditions.map(({ text, ...c }) => c) })) });
    assert.equal(strip(mp.evaluate(s.answers ?? {}, 'en')), strip(report), 'zh-CN and en reports differ beyond their words');
  });
}

// The wasm's report (through serde-wasm-bindgen) is the native report (through serde_json):
// tests/scenarios.rs writes the native reports.
test('every scenario\'s report from the wasm equals the native report', () => {
  const path = join(root, 'target', 'native-reports.json');
  assert.ok(existsSync(path), `${path} is missing: run cargo test --test scenarios first`);
  const native = JSON.parse(readFileSync(path, 'utf8'));
  for (const s of scenarios) {
    assert.ok(s.id in native, `scenario ${s.id} is not in ${path}: run cargo test --test scenarios again`);
    assert.deepEqual(engine.evaluate(s.answers ?? {}), native[s.id], `${s.id}: the wasm's report differs from the native one`);
  }
});
