// The compact catalogue files (pkg/catalogue.<lang>.json, "format": "compact") against the core
// catalogue they stand for: expandCatalogue (www/wasm-loader.js, what the page and the package's node
// entry use) must give exactly catalogue_core_json's value, which export-catalogue writes with
// --expanded; with categories.<lang>.json merged in, exactly catalogue_json. And the compact form must
// stay compact: ids only as keys, the group's shared fields once.
// names.<lang>.json (the category picker's other-language names) must agree with the catalogue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandCatalogue, mergeDetails } from '../../www/wasm-loader.js';
import { pkgDir, root } from './engine.mjs';

const LANGS = ['zh-CN', 'en'];
const compact = (lang) => JSON.parse(readFileSync(join(pkgDir, `catalogue.${lang}.json`), 'utf8'));

/** catalogue_core_json (core) and catalogue_json (full) of each language, from the same rule base (a native build of export-catalogue). */
function fromRust() {
  const dir = mkdtempSync(join(tmpdir(), 'mpcheck-catalogue-'));
  try {
    execFileSync('cargo', ['run', '--quiet', '--bin', 'export-catalogue', '--', dir, '--expanded'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
    return Object.fromEntries(
      LANGS.map((l) => [l, { core: read(`catalogue.${l}.expanded.json`), full: read(`catalogue-full.${l}.expanded.json`) }]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('expandCatalogue(compact file) is exactly the core catalogue, records in the same order', () => {
  const expected = Object.fromEntries(Object.entries(fromRust()).map(([l, v]) => [l, v.core]));
  for (const lang of LANGS) {
    const file = compact(lang);
    assert.equal(file.format, 'compact');
    const got = expandCatalogue(file);
    assert.deepStrictEqual(got, expected[lang], lang);
    for (const section of ['requirements', 'rules', 'checks', 'sources']) {
      assert.deepEqual(Object.keys(got[section]), Object.keys(expected[lang][section]), `${lang} ${section} order`);
    }
    // Every record its own object: changing one (as loadCategoryDetails does) leaves the others.
    const wx = Object.values(got.requirements).filter((r) => r.group === 'wechat_category');
    wx[0].entities.push('changed');
    assert.ok(!wx[1].entities.includes('changed'));
    // Not compact: returned as it is.
    assert.equal(expandCatalogue(expected[lang]), expected[lang]);
  }
});

test('the compact form writes ids only as keys and the WeChat categories\' shared fields once', () => {
  for (const lang of LANGS) {
    const file = compact(lang);
    for (const section of ['requirements', 'rules', 'checks', 'sources']) {
      for (const [id, r] of Object.entries(file[section])) assert.ok(!('id' in r), `${lang} ${section} ${id} repeats its id`);
    }
    const defaults = file.group_defaults.wechat_category;
    // (layer, step, platforms, prerequisites, sources and checked are in categories.<lang>.json)
    for (const k of ['kind', 'authority', 'confidence', 'eligibility', 'entities']) {
      assert.ok(k in defaults, `${lang}: ${k} is not a group default`);
    }
    const wx = Object.values(file.requirements).filter((r) => r.group === 'wechat_category');
    assert.ok(wx.length >= 500, `${wx.length} WeChat categories`);
    for (const r of wx) {
      for (const [k, v] of Object.entries(defaults)) assert.notDeepEqual(r[k], v, `${lang}: a category repeats the default ${k}`);
    }
    assert.ok(wx.filter((r) => Object.keys(r).length <= 2).length > wx.length / 2, 'most categories are a name and a group');
  }
});

test('names.<lang>.json holds every WeChat category\'s name as the catalogue has it, in catalogue order', () => {
  for (const lang of LANGS) {
    const file = JSON.parse(readFileSync(join(pkgDir, `names.${lang}.json`), 'utf8'));
    const cat = expandCatalogue(compact(lang));
    assert.equal(file.version, cat.version);
    const wx = Object.values(cat.requirements).filter((r) => r.group === 'wechat_category');
    assert.deepEqual(Object.entries(file.names), wx.map((r) => [r.id, r.name]), lang);
  }
});

test('the core catalogue with categories.<lang>.json merged in is the whole catalogue', () => {
  const rust = fromRust();
  for (const lang of LANGS) {
    const details = JSON.parse(readFileSync(join(pkgDir, `categories.${lang}.json`), 'utf8'));
    const merged = mergeDetails(expandCatalogue(compact(lang)), details);
    assert.deepStrictEqual(merged, rust[lang].full, lang);
    assert.ok(Object.keys(merged.checks).length > 20, `${lang}: the checklist items are in the details file`);
    assert.deepEqual(compact(lang).checks, {}, `${lang}: and not in the core catalogue`);
    // A reason stays in the core catalogue only for a rule that can refuse an item (the first screen's).
    const core = Object.entries(compact(lang).rules);
    const kept = core.filter(([, r]) => r.text !== undefined);
    assert.ok(kept.length > 10 && kept.length < core.length / 2, `${lang}: ${kept.length} of ${core.length} reasons in the core`);
    for (const [id] of kept) assert.equal(details.rules[id].text, undefined, `${lang}: ${id}'s reason is written once`);
    // A summary of several sentences: its first in the core (with an ellipsis), the whole in the details.
    const more = lang === 'en' ? ' …' : '……';
    let cut = 0;
    for (const [id, r] of Object.entries(compact(lang).requirements)) {
      const whole = details.requirements[id]?.summary;
      if (whole === undefined) continue;
      cut++;
      assert.ok(r.summary.endsWith(more) && whole.startsWith(r.summary.slice(0, -more.length)) && whole.length > r.summary.length, `${lang}: ${id}: ${r.summary}`);
    }
    assert.ok(cut > 20, `${lang}: ${cut} summaries cut to their first sentence`);
  }
});
