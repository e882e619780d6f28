// The page's module (cargo feature `page`, target/page-pkg/ or $MPCHECK_PAGE_PKG) has no texts of
// its own; given the texts of the files the page loads anyway (use_texts), it must answer exactly
// as the full module does: the same questions, byte-identical reports for every scenario and
// diagnoses for every rejection case, in both languages. Without the texts, or with texts that do
// not fit, it throws a tagged `texts_missing` error and keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expandCatalogue } from '../../www/wasm-loader.js';
import { mp, pkgDir, root, thrown, tomlFiles } from './engine.mjs';

const pageDir = process.env.MPCHECK_PAGE_PKG || join(root, 'target', 'page-pkg');
const wasmFile = join(pageDir, 'mpcheck_page_bg.wasm');
if (!existsSync(wasmFile)) throw new Error(`${wasmFile} is missing: build first (scripts/build.sh)`);
const page = await import(pathToFileURL(join(pageDir, 'mpcheck_page.js')).href);
page.initSync({ module: readFileSync(wasmFile) });

const LANGS = ['zh-CN', 'en'];
const read = (name, lang) => JSON.parse(readFileSync(join(pkgDir, `${name}.${lang}.json`), 'utf8'));
/** What the page hands over: the questions file, the core catalogue as loaded, the causes. */
const source = (lang, { causes = true } = {}) => ({
  questions: read('questions', lang).questions,
  catalogue: expandCatalogue(read('catalogue', lang)),
  ...(causes ? { causes: read('causes', lang).causes } : {}),
});

const scenarios = tomlFiles('tests/scenarios').flatMap(({ data }) => data.scenario ?? []);
const cases = tomlFiles('tests/diagnose').flatMap(({ data }) => data.case ?? []);

test('the page module carries no texts: a question, a category name and a cause title are only in the full module', () => {
  const full = readFileSync(join(pkgDir, 'mpcheck_bg.wasm'));
  const lean = readFileSync(wasmFile);
  const q = mp.questions('zh-CN');
  const category = q.find((x) => x.options_from).options[0].label;
  const cause = mp.diagnose(cases.find((c) => (c.expect ?? []).length).text, 'zh-CN')[0].title;
  for (const text of [q[0].text, category, cause, mp.questions('en')[0].text]) {
    const bytes = Buffer.from(text, 'utf8');
    assert.ok(full.includes(bytes), `the full module should hold ${text}`);
    assert.ok(!lean.includes(bytes), `the page module should not hold ${text}`);
  }
  assert.ok(lean.length < full.length * 0.8, `page module ${lean.length} B, full ${full.length} B`);
  assert.equal(page.version(), mp.version());
});

test('without texts every function throws texts_missing, and works once they are given', () => {
  for (const call of [() => page.questions('zh-CN'), () => page.evaluate({}, 'zh-CN'), () => page.diagnose('类目不符', 'zh-CN')]) {
    const e = thrown(call);
    assert.equal(e.kind, 'texts_missing', JSON.stringify(e));
    assert.match(e.message, /use_texts/);
  }
  assert.equal(thrown(() => page.use_texts('zh-CN', 42)).kind, 'texts_missing');
  assert.equal(thrown(() => page.use_texts('fr', source('zh-CN'))).kind, 'invalid_lang');
  page.use_texts('zh-CN', source('zh-CN', { causes: false }));
  assert.equal(page.questions('zh-CN').length, mp.questions('zh-CN').length);
  // diagnose needs the causes' texts too
  assert.equal(thrown(() => page.diagnose('类目不符', 'zh-CN')).kind, 'texts_missing');
  // the other language still has none
  assert.equal(thrown(() => page.evaluate({}, 'en')).kind, 'texts_missing');
});

test('texts that do not fit the module are refused with texts_missing, and good texts work again after', () => {
  const bad = source('zh-CN');
  const id = Object.keys(bad.catalogue.requirements).find((k) => (bad.catalogue.requirements[k].eligibility || []).length);
  bad.catalogue.requirements[id].eligibility.pop();
  page.use_texts('zh-CN', bad);
  const e = thrown(() => page.evaluate({}, 'zh-CN'));
  assert.equal(e.kind, 'texts_missing');
  assert.match(e.message, /do not fit/);
  const noQuestion = source('zh-CN');
  noQuestion.questions = noQuestion.questions.slice(1);
  page.use_texts('zh-CN', noQuestion);
  assert.equal(thrown(() => page.questions('zh-CN')).kind, 'texts_missing');
  page.use_texts('zh-CN', source('zh-CN'));
  assert.equal(JSON.stringify(page.evaluate({}, 'zh-CN')), JSON.stringify(mp.evaluate({}, 'zh-CN')));
});

for (const lang of LANGS) {
  test(`${lang}: questions, every scenario's report and every diagnosis are identical to the full module's`, () => {
    page.use_texts(lang, source(lang));
    assert.equal(JSON.stringify(page.questions(lang)), JSON.stringify(mp.questions(lang)));
    assert.ok(scenarios.length > 50, 'scenarios were read');
    for (const s of [{ id: 'empty', answers: {} }, ...scenarios]) {
      const a = JSON.stringify(page.evaluate(s.answers ?? {}, lang));
      const b = JSON.stringify(mp.evaluate(s.answers ?? {}, lang));
      assert.ok(a === b, `scenario ${s.id}: the page module's report differs`);
    }
    assert.ok(cases.length > 20, 'diagnose cases were read');
    for (const c of cases) {
      assert.equal(JSON.stringify(page.diagnose(c.text, lang)), JSON.stringify(mp.diagnose(c.text, lang)), `case ${c.id}`);
    }
  });
}

test('giving the texts again between reports (new tables, the lists JS kept are gone) keeps every report identical', () => {
  const some = scenarios.slice(0, 12);
  for (const s of some) page.evaluate(s.answers ?? {}, 'zh-CN'); // the table now holds numbered lists and entries
  page.use_texts('zh-CN', source('zh-CN'));
  for (const s of [...some].reverse()) {
    assert.equal(JSON.stringify(page.evaluate(s.answers ?? {}, 'zh-CN')), JSON.stringify(mp.evaluate(s.answers ?? {}, 'zh-CN')), `scenario ${s.id}`);
  }
});
