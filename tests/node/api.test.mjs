// The JS API of the built, optimised wasm (docs/api.md): it is the wasm-opt output that loads here,
// the data compiled in matches rules/, reports are deterministic, and bad input throws tagged error
// objects after which the module keeps answering correctly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { catalogue, engine, mp, pkgDir, root, thrown, tomlFiles, wasmBytes } from './engine.mjs';
import { answerText, describe } from '../../www/describe.js';

const KINDS = ['invalid_answers', 'unknown_question', 'invalid_value', 'unknown_option', 'limit_exceeded', 'invalid_lang', 'internal'];
const BASE = { platform: 'wechat', entity: 'company' };
const baseJson = JSON.stringify(mp.evaluate(BASE, 'zh-CN'));
const rulesQuestions = parse(readFileSync(join(root, 'rules', 'questions.toml'), 'utf8')).question;
const meta = parse(readFileSync(join(root, 'rules', 'meta.toml'), 'utf8')).meta;

test('the module loaded is the wasm-opt output, optimised with the passes of wasm-pack.toml', () => {
  const record = join(pkgDir, 'mpcheck_bg.opt.json');
  assert.ok(existsSync(record), `${record} is missing: pkg/ was not built by scripts/build.sh`);
  const opt = JSON.parse(readFileSync(record, 'utf8'));
  const sha256 = createHash('sha256').update(wasmBytes).digest('hex');
  assert.equal(sha256, opt.sha256, 'pkg/mpcheck_bg.wasm is not the file wasm-opt wrote');
  const passes = parse(readFileSync(join(root, 'wasm-pack.toml'), 'utf8'))['wasm-opt'].passes;
  assert.deepEqual(opt.passes, passes, 'pkg/ was optimised with other passes than wasm-pack.toml lists');
  assert.ok(opt.bytes < opt.bytes_before, `wasm-opt did not shrink the module (${opt.bytes_before} → ${opt.bytes})`);
  const module = new WebAssembly.Module(wasmBytes);
  if (passes.includes('--strip-producers')) {
    assert.equal(WebAssembly.Module.customSections(module, 'producers').length, 0, 'the producers section survived --strip-producers');
  }
  if (passes.includes('--strip-debug')) {
    assert.equal(WebAssembly.Module.customSections(module, 'name').length, 0, 'the name section survived --strip-debug');
  }
});

test('version and the catalogue files match rules/meta.toml and each other', () => {
  assert.equal(mp.version(), meta.version);
  for (const lang of ['zh-CN', 'en']) {
    const c = catalogue(lang);
    assert.equal(c.version, meta.version);
    assert.equal(c.reviewed, meta.reviewed);
    const ids = Object.keys(c.requirements);
    assert.ok(ids.length > 0, 'the catalogue has requirements');
    for (const r of Object.values(c.requirements)) {
      assert.ok(['law', 'filing', 'platform'].includes(r.layer), `${r.id}: layer ${r.layer}`);
      assert.ok(['official', 'secondary', 'unconfirmed'].includes(r.confidence), `${r.id}: confidence ${r.confidence}`);
      assert.ok(r.sources.length > 0, `${r.id} cites no source`);
      for (const s of r.sources) assert.ok(s in c.sources, `${r.id} cites unknown source ${s}`);
    }
  }
  const zh = catalogue('zh-CN');
  const en = catalogue('en');
  for (const part of ['requirements', 'rules', 'checks', 'sources']) {
    assert.deepEqual(Object.keys(en[part]), Object.keys(zh[part]), `${part}: the same ids in both languages`);
  }
  const some = Object.keys(zh.requirements).find((id) => zh.requirements[id].name !== en.requirements[id].name);
  assert.ok(some, 'requirement names differ between the languages');
});

test('questions come in the order and words of rules/questions.toml, in both languages', () => {
  const zh = mp.questions('zh-CN');
  const en = mp.questions('en');
  // Files other than questions.toml may add questions; those in questions.toml come in its order.
  const ids = zh.map((q) => q.id);
  const tomlIds = rulesQuestions.map((q) => q.id);
  assert.deepEqual(ids.filter((id) => tomlIds.includes(id)), tomlIds);
  assert.deepEqual(en.map((q) => q.id), ids);
  for (const q of rulesQuestions) {
    const z = zh.find((x) => x.id === q.id);
    const e = en.find((x) => x.id === q.id);
    assert.equal(z.text, q.zh, `${q.id}: zh text`);
    assert.equal(e.text, q.en, `${q.id}: en text`);
    assert.equal(z.kind, q.kind, `${q.id}: kind`);
    assert.equal(z.not_sure, q.not_sure ?? false, `${q.id}: not_sure`);
    if (q.options) {
      assert.deepEqual(z.options.map((o) => o.id), q.options.map((o) => o.id), `${q.id}: options`);
      assert.deepEqual(e.options.map((o) => o.label), q.options.map((o) => o.en), `${q.id}: en labels`);
    }
  }
});

test('a first question and a real result: a company on WeChat', () => {
  const empty = mp.evaluate({}, 'zh-CN');
  assert.equal(empty.flow.next, mp.questions('zh-CN')[0].id, 'with no answers the first question comes next');
  const report = JSON.parse(baseJson);
  assert.equal(report.version, meta.version);
  assert.deepEqual(Object.keys(report.answers).sort(), ['entity', 'platform']);
  assert.equal(report.answers.platform.answer, '微信');
  assert.ok(report.flow.asked.includes('platform') && report.flow.asked.includes('entity'));
  assert.notEqual(report.flow.next, 'platform', 'an answered question is not next');
  const catalogueIds = Object.keys(catalogue('zh-CN').requirements);
  assert.deepEqual(report.requirements.map((r) => r.id), catalogueIds.filter((id) => report.requirements.some((r) => r.id === id)), 'requirements in catalogue order');
});

function answerSets() {
  const sets = [BASE, {}, { platform: 'douyin', entity: 'individual' }];
  for (const { data } of tomlFiles('tests/scenarios')) for (const s of data.scenario ?? []) sets.push(s.answers ?? {});
  return sets;
}

test('deterministic: the same answers give byte-identical JSON, whatever the key order or history', () => {
  const sets = answerSets();
  const first = sets.map((a) => JSON.stringify(mp.evaluate(a, 'zh-CN')));
  // Other calls in between, then the same answers with their keys reversed.
  mp.diagnose('小程序名称涉嫌侵权', 'zh-CN');
  mp.questions('en');
  sets.forEach((a, i) => {
    const reversed = Object.fromEntries(Object.entries(a).reverse());
    assert.equal(JSON.stringify(mp.evaluate(reversed, 'zh-CN')), first[i], `answers ${JSON.stringify(a)}`);
    assert.equal(JSON.stringify(mp.evaluate(structuredClone(a), 'zh-CN')), first[i]);
  });
  assert.equal(JSON.stringify(mp.questions('zh-CN')), JSON.stringify(mp.questions('zh-CN')));
});

function expectError(fn, kinds, what) {
  const e = thrown(fn);
  assert.equal(typeof e, 'object', `${what}: threw ${typeof e} ${String(e)}, not an object`);
  assert.notEqual(e, null, `${what}: threw null`);
  assert.ok(KINDS.includes(e.kind), `${what}: kind ${JSON.stringify(e.kind)} is not one of docs/api.md's`);
  assert.ok([].concat(kinds).includes(e.kind), `${what}: kind ${e.kind}, expected ${kinds}`);
  assert.equal(typeof e.message, 'string', `${what}: message`);
  assert.ok(e.message.length > 0, `${what}: empty message`);
  // Still answering, and answering the same.
  assert.equal(JSON.stringify(mp.evaluate(BASE, 'zh-CN')), baseJson, `${what}: a later evaluate answers differently`);
  return e;
}

test('bad input throws tagged error objects and the module keeps answering correctly', () => {
  const qs = mp.questions('en');
  const ofKind = (k) => qs.find((q) => q.kind === k);
  const platform = qs.find((q) => q.id === 'platform');

  // No answers at all (null or undefined) means nothing answered yet.
  assert.equal(JSON.stringify(mp.evaluate(null, 'zh-CN')), JSON.stringify(mp.evaluate({}, 'zh-CN')));
  assert.equal(JSON.stringify(mp.evaluate(undefined, 'zh-CN')), JSON.stringify(mp.evaluate({}, 'zh-CN')));
  for (const bad of [42, 'wechat', [], [BASE], true, 0, '']) {
    expectError(() => mp.evaluate(bad, 'zh-CN'), 'invalid_answers', `evaluate(${JSON.stringify(bad)})`);
  }
  const e1 = expectError(() => mp.evaluate({ no_such_question: true }, 'en'), 'unknown_question', 'unknown question');
  if (e1.question !== undefined) assert.equal(e1.question, 'no_such_question');
  const e2 = expectError(() => mp.evaluate({ platform: 'mars' }, 'en'), 'unknown_option', 'unknown option');
  if (e2.question !== undefined) assert.equal(e2.question, 'platform');
  if (e2.option !== undefined) assert.equal(e2.option, 'mars');
  expectError(() => mp.evaluate({ platform: 5 }, 'en'), 'invalid_value', 'a number for a one_of question');
  expectError(() => mp.evaluate({ platform: ['wechat'] }, 'en'), 'invalid_value', 'an array for a one_of question');
  expectError(() => mp.evaluate({ platform: { x: 1 } }, 'en'), ['invalid_value', 'invalid_answers'], 'an object as a value');
  if (!platform.not_sure) {
    expectError(() => mp.evaluate({ platform: 'not_sure' }, 'en'), ['invalid_value', 'unknown_option'], '"not_sure" where it is not offered');
  }
  const yesNo = ofKind('yes_no');
  if (yesNo) {
    expectError(() => mp.evaluate({ ...BASE, [yesNo.id]: 'yes' }, 'en'), 'invalid_value', `a string for yes_no ${yesNo.id}`);
    expectError(() => mp.evaluate({ ...BASE, [yesNo.id]: 1 }, 'en'), 'invalid_value', `a number for yes_no ${yesNo.id}`);
  }
  const several = ofKind('several_of');
  if (several) {
    const opt = several.options[0]?.id ?? 'x';
    expectError(() => mp.evaluate({ ...BASE, [several.id]: opt }, 'en'), 'invalid_value', `a string for several_of ${several.id}`);
    expectError(() => mp.evaluate({ ...BASE, [several.id]: ['no_such_option_x'] }, 'en'), 'unknown_option', `an unknown option in several_of ${several.id}`);
    expectError(() => mp.evaluate({ ...BASE, [several.id]: [7] }, 'en'), ['invalid_value', 'invalid_answers'], `a number inside several_of ${several.id}`);
  }
  const num = ofKind('number');
  if (num) {
    expectError(() => mp.evaluate({ ...BASE, [num.id]: '100' }, 'en'), 'invalid_value', `a string for number ${num.id}`);
    expectError(() => mp.evaluate({ ...BASE, [num.id]: Number.NaN }, 'en'), 'invalid_value', `NaN for number ${num.id}`);
  }

});

test('limits: over a limit is refused with limit_exceeded, at the limit it is not', () => {
  const many = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`q${i}`, true]));
  const e = expectError(() => mp.evaluate(many, 'en'), 'limit_exceeded', '257 keys');
  if (e.limit !== undefined) assert.equal(e.limit, 256);
  if (e.actual !== undefined) assert.equal(e.actual, 257);
  expectError(() => mp.evaluate({ platform: 'x'.repeat(257) }, 'en'), 'limit_exceeded', 'a 257-character string');
  expectError(() => mp.evaluate({ platform: 'x'.repeat(256) }, 'en'), 'unknown_option', 'a 256-character string is within the limit');
  const qs = mp.questions('en');
  const several = qs.find((q) => q.kind === 'several_of');
  if (several) {
    const opt = several.options[0]?.id ?? 'x';
    expectError(() => mp.evaluate({ ...BASE, [several.id]: Array(1025).fill(opt) }, 'en'), 'limit_exceeded', '1,025 array items');
  }
  // Pasted text: at most 65,536 bytes of UTF-8, not characters.
  const t0 = performance.now();
  expectError(() => mp.diagnose('审'.repeat(21846), 'zh-CN'), 'limit_exceeded', '65,538 bytes in 21,846 characters');
  expectError(() => mp.diagnose('a'.repeat(65537), 'zh-CN'), 'limit_exceeded', '65,537 bytes');
  expectError(() => mp.diagnose('a'.repeat(1 << 20), 'zh-CN'), 'limit_exceeded', '1 MiB');
  assert.ok(performance.now() - t0 < 2000, 'refusing over-limit text should be quick');
  assert.ok(Array.isArray(mp.diagnose('a'.repeat(65536), 'zh-CN')), '65,536 bytes is within the limit');
  assert.ok(Array.isArray(mp.diagnose('审'.repeat(21845) + 'a', 'zh-CN')), '65,536 bytes of Chinese is within the limit');
});

test('diagnose recognises nothing in text with no evidence', () => {
  assert.deepEqual(mp.diagnose('', 'zh-CN'), []);
  assert.deepEqual(mp.diagnose('hello world 12345', 'en'), []);
});

test('the engine answers in ids: no text of the rule base crosses the boundary', () => {
  for (const a of answerSets()) {
    const r = engine.evaluate(a);
    assert.ok(!/[\u3400-\u9fff]/.test(JSON.stringify(r)), `a report holds Chinese text: ${JSON.stringify(a)}`);
    for (const i of r.requirements) {
      assert.deepEqual(Object.keys(i).filter((k) => !['id', 'layer', 'status', 'because', 'settle', 'one_of', 'problems', 'met', 'held'].includes(k)), []);
      for (const p of i.problems) assert.ok(Number.isInteger(p.eligibility) || typeof p.rule === 'string', JSON.stringify(p));
      assert.ok(i.met.every(Number.isInteger) && typeof i.held === 'boolean', JSON.stringify(i));
    }
  }
  const causes = engine.diagnose('你好，你的小程序涉及视频服务，属个人主体小程序未开放类目');
  assert.ok(causes.length > 0);
  for (const c of causes) assert.deepEqual(Object.keys(c), ['id', 'score', 'matched']);
});

test('a report is a fresh value: changing one changes no other', () => {
  const a = engine.evaluate(BASE);
  const b = engine.evaluate(BASE);
  assert.notEqual(a, b);
  assert.deepEqual(a, b);
  a.requirements.length = 0;
  a.flow.asked.push('x');
  assert.deepEqual(engine.evaluate(BASE), b);
});

test('describe() names items, words answers with answerText, and says whom to ask for items that need confirming', () => {
  const answers = { platform: 'baidu', entity: 'company', product: 'mini_program' };
  const words = { catalogue: catalogue('zh-CN'), questions: mp.questions('zh-CN'), lang: 'zh-CN' };
  const report = describe(engine.evaluate(answers), words);
  const item = report.requirements.find((i) => i.status === 'needs_confirming');
  assert.ok(item, 'a Baidu company has an item that needs confirming');
  assert.equal(item.name, words.catalogue.requirements[item.id].name);
  assert.ok(item.ask.length > 0 && item.ask.every((a) => /咨询|确认/.test(a)), JSON.stringify(item.ask));
  assert.equal(report.answers.entity.answer, words.questions.find((q) => q.id === 'entity').options.find((o) => o.id === 'company').label);
  const capital = words.questions.find((q) => q.kind === 'number' && q.unit);
  assert.equal(answerText(capital, 5000, 'zh-CN'), `5,000 ${capital.unit}`);
});
