// Every case in tests/diagnose/*.toml through the built wasm: all expected causes are found, the
// first ranks first (as the native tests/diagnose.rs asserts), best first by score, with evidence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mp, tomlFiles } from './engine.mjs';

const files = tomlFiles('tests/diagnose');
const cases = files.flatMap(({ file, data }) => (data.case ?? []).map((c) => ({ ...c, file })));

test('there are diagnose cases with unique ids', () => {
  assert.ok(cases.length > 0, 'no [[case]] in tests/diagnose/*.toml');
  const ids = cases.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate case ids');
});

for (const c of cases) {
  test(`diagnose ${c.id} (${c.file})`, () => {
    const causes = mp.diagnose(c.text, 'zh-CN');
    assert.ok(Array.isArray(causes), 'diagnose returns an array');
    const ids = causes.map((x) => x.id);
    const expect = c.expect ?? [];
    if (expect.length === 0) {
      assert.deepEqual(ids, [], 'nothing should be recognised');
      return;
    }
    for (const id of expect) assert.ok(ids.includes(id), `${id} not found; found [${ids.join(', ')}]`);
    assert.equal(ids[0], expect[0], `${expect[0]} should rank first; ranking [${ids.join(', ')}]`);
    for (let i = 1; i < causes.length; i++) {
      assert.ok(causes[i - 1].score >= causes[i].score, `not best first: ${ids[i - 1]} ${causes[i - 1].score} before ${ids[i]} ${causes[i].score}`);
    }
    for (const x of causes) {
      assert.ok(x.matched.length > 0, `${x.id} is listed without evidence`);
      assert.ok(x.title && x.meaning && x.fix, `${x.id} lacks a title, meaning or fix`);
    }
    const en = mp.diagnose(c.text, 'en');
    assert.deepEqual(en.map((x) => x.id), ids, 'the ranking does not depend on the language');
  });
}
