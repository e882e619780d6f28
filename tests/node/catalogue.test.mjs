// The compact catalogue files (pkg/catalogue.<lang>.json, "format": "compact") against the core
// catalogue they stand for: expandCatalogue (www/wasm-loader.js, what the page and the package's node
// entry use) must give exactly catalogue_core_json's value, which export-catalogue writes with
// --expanded; with categories.<lang>.json merged in, exactly catalogue_json. And the compact form must
// stay compact: ids only as keys, the group's shared fields once.
// names.<lang>.json holds the WeChat categories' records the core catalogue leaves out (merged back
// by mergeNames), with the names the picker matches in the other language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandCatalogue, mergeDetails, mergeNames } from '../../www/wasm-loader.js';
import { pkgDir, root } from './engine.mjs';

const LANGS = ['zh-CN', 'en'];
const compact = (lang) => JSON.parse(readFileSync(join(pkgDir, `catalogue.${lang}.json`), 'utf8'));
const namesFile = (lang) => JSON.parse(readFileSync(join(pkgDir, `names.${lang}.json`), 'utf8'));

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
    // The WeChat categories are not in it: names.<lang>.json has them.
    assert.equal(got.names, 'names');
    assert.equal(Object.values(got.requirements).filter((r) => r.group === 'wechat_category').length, 0, `${lang}: no category records`);
    // Not compact: returned as it is.
    assert.equal(expandCatalogue(expected[lang]), expected[lang]);
  }
});

test('the compact form writes ids only as keys; names.<lang>.json the WeChat categories\' shared fields once', () => {
  for (const lang of LANGS) {
    const file = compact(lang);
    for (const section of ['requirements', 'rules', 'checks', 'sources']) {
      for (const [id, r] of Object.entries(file[section])) assert.ok(!('id' in r), `${lang} ${section} ${id} repeats its id`);
    }
    const names = namesFile(lang);
    assert.equal(names.group, 'wechat_category');
    // (layer, step, platforms, prerequisites, sources and checked are in categories.<lang>.json)
    for (const k of ['kind', 'authority', 'confidence', 'eligibility', 'entities']) {
      assert.ok(k in names.defaults, `${lang}: ${k} is not a group default`);
    }
    const ids = Object.keys(names.names);
    assert.ok(ids.length >= 500, `${ids.length} WeChat categories`);
    for (const [id, more] of Object.entries(names.more)) {
      assert.ok(ids.includes(id), `${lang}: ${id} has fields but no name`);
      assert.ok(!('name' in more) && !('group' in more) && !('id' in more), `${lang}: ${id} repeats its name, group or id`);
      for (const [k, v] of Object.entries(names.defaults)) assert.notDeepEqual(more[k], v, `${lang}: ${id} repeats the default ${k}`);
    }
    assert.ok(Object.keys(names.more).length < ids.length / 2, 'most categories are a name');
    // Every merged record its own object: changing one (as loadCategoryDetails does) leaves the others.
    const wx = Object.values(mergeNames(expandCatalogue(file), names).requirements).filter((r) => r.group === 'wechat_category');
    assert.equal(wx.length, ids.length);
    wx[0].entities.push('changed');
    assert.ok(!wx[1].entities.includes('changed'));
  }
});

test('names.<lang>.json holds every WeChat category\'s record as the whole catalogue has it, in catalogue order', () => {
  const rust = fromRust();
  for (const lang of LANGS) {
    const file = namesFile(lang);
    assert.equal(file.version, compact(lang).version);
    const full = Object.values(rust[lang].full.requirements).filter((r) => r.group === 'wechat_category');
    assert.deepEqual(Object.entries(file.names), full.map((r) => [r.id, r.name]), lang);
    // Merged into the core catalogue: each record has the whole catalogue's words.
    const merged = mergeNames(expandCatalogue(compact(lang)), file);
    assert.equal(merged.names, undefined);
    for (const r of full) for (const k of ['kind', 'name', 'authority', 'entities', 'group', 'confidence', 'lead_time']) assert.deepEqual(merged.requirements[r.id][k], r[k], `${lang} ${r.id} ${k}`);
  }
});

test('the core catalogue with categories.<lang>.json merged in is the whole catalogue', () => {
  const rust = fromRust();
  for (const lang of LANGS) {
    const details = JSON.parse(readFileSync(join(pkgDir, `categories.${lang}.json`), 'utf8'));
    const merged = mergeDetails(mergeNames(expandCatalogue(compact(lang)), namesFile(lang)), details);
    // The page's other order: the details first (a walk without categories), then the categories'
    // records, and the details once more for them (loadCategoryNames).
    const later = mergeDetails(mergeNames(mergeDetails(expandCatalogue(compact(lang)), details), namesFile(lang)), details);
    assert.deepStrictEqual(later, rust[lang].full, `${lang}: details, then names`);
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
