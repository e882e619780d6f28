// Node-only checks of the page's modules: message catalogues, the pinyin table, the share-link codec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import zh from '../../www/i18n/zh-CN.js';
import en from '../../www/i18n/en.js';
import { translator, loadMessages, hasMessages } from '../../www/i18n/index.js';
import { missingInitials, initialsOf, score, loadInitials, hasInitials } from '../../www/components/category-picker/search.js';
import { encodeAnswers, decodeAnswers, validateAnswers } from '../../www/app/answers.js';
import { ROOT, catalogue, engine } from './helpers.mjs';

test('both message catalogues have the same keys and no empty strings', () => {
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const [name, cat] of [['zh-CN', zh], ['en', en]]) {
    for (const [k, v] of Object.entries(cat)) assert.ok(typeof v === 'string' && v.trim(), `${name} ${k} is empty`);
  }
  // Same placeholders in both languages.
  const ph = (s) => (s.match(/%\{\w+\}/g) || []).sort().join();
  for (const k of Object.keys(zh)) assert.equal(ph(zh[k]), ph(en[k]), `placeholders of ${k}`);
});

test('every message key the page uses exists', async () => {
  const files = [];
  const walk = (d) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.js') && !p.includes('/i18n/')) files.push(p);
    }
  };
  walk(join(ROOT, 'www'));
  const used = new Set();
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1]);
  assert.ok(used.size > 100);
  for (const k of used) if (!k.endsWith('.')) assert.ok(k in zh, `missing key ${k}`);
  // Dynamic keys: every value the engine can return has a message.
  for (const prefix of ['layer.law', 'layer.filing', 'layer.platform', 'confidence.official', 'confidence.secondary', 'confidence.unconfirmed', 'tag.OFF', 'tag.PLAT', 'tag.SEC']) assert.ok(prefix in zh, prefix);
  for (const d of ['none', 'easy', 'moderate', 'hard', 'out_of_reach']) assert.ok('difficulty.' + d in zh, d);
  for (const s of ['entity', 'licence', 'pre_approval', 'filing', 'category', 'submission', 'operation']) assert.ok('step.' + s in zh, s);
  // English is loaded on demand; until then a translator falls back to Chinese, never to blanks.
  const t = translator('en');
  if (!hasMessages('en')) assert.equal(t('req.days', { min: 1, max: 5 }), zh['req.days'].replace('%{min}', '1').replace('%{max}', '5'));
  await loadMessages('en');
  assert.ok(hasMessages('en'));
  assert.equal(t('req.days', { min: 1, max: 5 }), '1–5 working days');
});

test('the pinyin-initial table covers every character of every category name', async () => {
  // Loaded on demand; until then names have no Han initials (and the coverage check refuses).
  if (!hasInitials()) {
    assert.deepEqual(initialsOf('银行a'), ['a']);
    assert.throws(() => missingInitials('银行'), /loadInitials/);
  }
  await loadInitials();
  const cat = catalogue('zh-CN');
  const names = Object.values(cat.requirements).filter((r) => r.group === 'wechat_category').map((r) => r.name);
  assert.ok(names.length >= 500, `${names.length} categories`);
  const missing = new Set(names.flatMap(missingInitials));
  assert.deepEqual([...missing], [], 'regenerate with tests/e2e/tools/gen-pinyin-initials.mjs');
  // Polyphones match each reading; initials, Chinese and English all score.
  assert.ok(initialsOf('银行')[1].includes('h') && initialsOf('行走')[0].includes('x'));
  const c = { zh: '社交 › 社区/论坛', en: 'Social › Community/forum', initials: initialsOf('社交 › 社区/论坛') };
  assert.ok(score('sq', c) > 0 && score('sqlt', c) > 0 && score('社区', c) > 0 && score('forum', c) > 0);
  assert.equal(score('xyz', c), -1);
});

test('share-link codec round-trips every kind of answer and reports what it ignores', async () => {
  const mp = await engine();
  const qs = mp.questions('zh-CN');
  const answers = { platform: 'wechat', entity: 'company', capital: 1234.5, own_platform: false, pilot_zone: 'not_sure', sells: [], content: ['live', 'ugc'] };
  const frag = encodeAnswers(answers, qs);
  assert.match(frag, /^v=1&/);
  const back = decodeAnswers('#' + frag, qs);
  assert.deepEqual(back.answers, answers);
  assert.deepEqual(back.ignored, []);
  const bad = decodeAnswers('#v=1&platform=mars&nope=1&capital=abc&content=live,zzz&own_platform=maybe&entity=company', qs);
  assert.deepEqual(back.version, 1);
  assert.deepEqual(bad.answers, { entity: 'company' });
  assert.deepEqual(bad.ignored.sort(), ['capital', 'content', 'nope', 'own_platform', 'platform']);
  assert.equal(decodeAnswers('#foo=bar', qs).present, false);
  // Storage validation drops what no longer fits, keeps the rest; the engine accepts the result.
  const v = validateAnswers({ platform: 'wechat', sells: ['own_goods', 'own_goods'], capital: -1, __proto__: { x: 1 } }, qs);
  assert.deepEqual(v.answers, { platform: 'wechat', sells: ['own_goods'] });
  assert.ok(mp.evaluate(v.answers, 'en').requirements.length > 0);
});

test('every module of the element is at most two imports from mpcheck-app.js (app/modules.js names them all: two round trips unbundled)', () => {
  const www = join(ROOT, 'www');
  const importsOf = (file) =>
    new Set([...readFileSync(join(www, file), 'utf8').matchAll(/^import\s+(?:[^'"]*?from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => join(file, '..', m[1]).split('\\').join('/')));
  const app = importsOf('mpcheck-app.js');
  assert.ok(app.has('app/modules.js'), 'mpcheck-app.js imports app/modules.js');
  const listed = importsOf('app/modules.js');
  const modules = [];
  const walk = (dir) => {
    for (const n of readdirSync(join(www, dir))) {
      const rel = `${dir}/${n}`;
      if (statSync(join(www, rel)).isDirectory()) walk(rel);
      else if (n.endsWith('.js')) modules.push(rel);
    }
  };
  for (const dir of ['app', 'components', 'i18n', 'data']) walk(dir);
  // Loaded later, by a dynamic import: the English messages (i18n/index.js imports them when a checker
  // shows English) and the pinyin table (the category picker's search); scripts/assemble.mjs keeps them out of the bundle.
  const later = ['i18n/en.js', 'data/pinyin-initials.js', 'components/checklist-view/checklist-view.js', 'components/rejection-help/rejection-help.js', 'components/share/markdown.js', 'components/category-picker/category-picker.js', 'components/category-picker/search.js', 'components/what-if/what-if.js', 'components/held-list/held-list.js'];
  const missing = modules.filter((m) => m !== 'app/modules.js' && !listed.has(m) && !app.has(m) && !later.includes(m));
  assert.deepEqual(missing, [], 'modules app/modules.js does not name');
  for (const m of later) assert.ok(!listed.has(m) && !app.has(m), `${m} is imported statically: it should load only when needed`);
  const index = readFileSync(join(www, 'i18n/index.js'), 'utf8');
  assert.match(index, /import\('\.\/en\.js'\)/);
  assert.match(readFileSync(join(www, 'components/category-picker/search.js'), 'utf8'), /import\('\.\.\/\.\.\/data\/pinyin-initials\.js'\)/);
  assert.ok(listed.size >= 28);
});

test('the bundled element leaves the English messages and the pinyin table out and imports them relative to itself', () => {
  const bundle = readFileSync(join(ROOT, 'dist/mpcheck-app.js'), 'utf8');
  assert.ok(!bundle.includes(en['app.fileFailed']), 'dist/mpcheck-app.js holds English messages');
  assert.ok(bundle.includes(zh['app.fileFailed']), 'dist/mpcheck-app.js holds the Chinese messages');
  assert.match(bundle, /import\(["']\.\/i18n\/en\.js["']\)/);
  // The category picker is a bundle of its own (components/category-picker/category-picker.js in
  // dist/), imported when a category question shows; it imports the pinyin table relative to itself.
  assert.match(bundle, /import\(["']\.\/components\/category-picker\/category-picker\.js["']\)/);
  const picker = readFileSync(join(ROOT, 'dist/components/category-picker/category-picker.js'), 'utf8');
  assert.match(picker, /import\(["']\.\.\/\.\.\/data\/pinyin-initials\.js["']\)/, 'the pinyin table, likewise');
  assert.ok(!/^import\s/m.test(picker), 'the picker bundle imports nothing statically (its helpers are bundled in)');
  assert.ok(!bundle.includes('厂安广案澳'), 'dist/mpcheck-app.js holds the pinyin table');
});

/** The static imports of every module in www/ (relative paths, resolved to www/-relative paths). */
export function importGraph(www = join(ROOT, 'www')) {
  const graph = new Map();
  const walk = (dir) => {
    for (const n of readdirSync(join(www, dir))) {
      const rel = dir ? `${dir}/${n}` : n;
      if (statSync(join(www, rel)).isDirectory()) walk(rel);
      else if (n.endsWith('.js')) {
        const text = readFileSync(join(www, rel), 'utf8');
        const deps = [...text.matchAll(/^\s*(?:import|export)\s+(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => join(rel, '..', m[1]).split('\\').join('/'));
        graph.set(rel, deps.filter((d) => !d.startsWith('pkg/')));
      }
    }
  };
  walk('');
  return graph;
}

/** The import cycles of a graph, each as a path that starts and ends at the same module. */
export function cycles(graph) {
  const found = [];
  const state = new Map(); // module → 1 on the stack, 2 done
  const stack = [];
  const visit = (m) => {
    state.set(m, 1);
    stack.push(m);
    for (const d of graph.get(m) || []) {
      if (state.get(d) === 1) found.push([...stack.slice(stack.indexOf(d)), d].join(' → '));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(m, 2);
  };
  for (const m of [...graph.keys()].sort()) if (!state.has(m)) visit(m);
  return found;
}

test('no import cycle in www/ (and the check finds one when there is)', () => {
  const graph = importGraph();
  assert.ok(graph.size >= 35, `${graph.size} modules`);
  // Every relative import names a module that exists.
  for (const [m, deps] of graph) for (const d of deps) assert.ok(graph.has(d), `${m} imports ${d}, which is not a module in www/`);
  assert.deepEqual(cycles(graph), []);
  const withCycle = new Map([...graph, ['components/share/share.js', [...graph.get('components/share/share.js'), 'components/results-view/results-view.js']]]);
  assert.match(cycles(withCycle).join('\n'), /results-view\.js → .*share\.js → components\/results-view\/results-view\.js/);
});

test('the router: questions resolve to the best-ranked question left (or all on one page), next follows the ranking, back the order seen', async () => {
  const { Router } = await import('../../www/app/router.js');
  const ranked = ['platform', 'product', 'entity'];
  const answers = {};
  const shown = [];
  let allOnOnePage = false;
  const r = new Router({
    toAsk: () => ranked.filter((q) => !(q in answers)),
    path: () => ranked.filter((q) => q in answers),
    exists: (q) => ranked.includes(q),
    allOnOnePage: () => allOnOnePage,
    history: () => false,
    show: (focus) => shown.push({ ...r.view, focus }),
  });
  r.go({ name: 'questions' });
  assert.deepEqual(r.view, { name: 'question', qid: 'platform' });
  answers.platform = 'wechat';
  r.next('platform');
  assert.deepEqual(r.view, { name: 'question', qid: 'product' });
  answers.product = 'mini_program';
  answers.entity = 'company'; // answered elsewhere: nothing is left to ask
  r.next('product');
  assert.deepEqual(r.view, { name: 'summary' }, 'nothing left that can change the result: check answers');
  r.next('platform', 'results');
  assert.deepEqual(r.view, { name: 'results' }, 'back to where the question was opened from');
  r.back('product');
  assert.deepEqual(r.view, { name: 'question', qid: 'platform' }, 'back: the question seen before');
  r.back('platform');
  assert.deepEqual(r.view, { name: 'start' });
  r.go({ name: 'question', qid: 'no-such-question' }, false);
  assert.deepEqual(r.view, { name: 'summary' });
  allOnOnePage = true;
  r.actions().resume({});
  assert.deepEqual(r.view, { name: 'all' });
  r.actions()['goto-question']({ qid: 'entity', return: 'summary' });
  assert.deepEqual(r.view, { name: 'question', qid: 'entity', returnTo: 'summary' });
  assert.equal(shown.length, 9);
  assert.equal(shown[6].focus, false);
});

test('a load error names the file: from the loader\'s message, else the file asked for; HTTP status kept', async () => {
  const { problemOf } = await import('../../www/app/resources.js');
  const http = Object.assign(new Error('could not load pkg/catalogue.en.json'), { kind: 'load_failed', cause: new Error('HTTP 404') });
  assert.deepEqual(problemOf(http, 'pkg/questions.en.json'), { kind: 'load_failed', file: 'pkg/catalogue.en.json', reason: 'HTTP 404' });
  assert.deepEqual(problemOf(new TypeError('Failed to fetch dynamically imported module'), 'components/x/x.js'), { kind: 'load_failed', file: 'components/x/x.js', reason: '' });
  assert.equal(problemOf(Object.assign(new Error('questions 1 and catalogue 2 do not match engine 3'), { kind: 'version_mismatch' }), 'f').kind, 'version_mismatch');
  const p = { kind: 'no_wasm', file: 'a', reason: '' };
  assert.equal(problemOf(p, 'b'), p, 'a problem stays as it is');
});

test('evaluateSafely drops an answer the engine refuses and reports it, and never leaves no report', async () => {
  const { evaluateSafely } = await import('../../www/app/engine.js');
  const report = { requirements: [] };
  const engine = {
    evaluate(answers) {
      if ('bad' in answers) throw Object.assign(new Error('unknown option'), { question: 'bad' });
      if ('worse' in answers) throw new Error('internal');
      return { ...report, n: Object.keys(answers).length };
    },
  };
  const answers = { platform: 'wechat', bad: 'x' };
  const r = evaluateSafely(engine, answers, 'en', null);
  assert.deepEqual([r.dropped, r.error, r.report.n, Object.keys(answers)], [1, null, 1, ['platform']]);
  const last = { requirements: [], last: true };
  const w = evaluateSafely(engine, { worse: 1 }, 'en', last);
  assert.equal(w.error, 'internal');
  assert.equal(w.report, last);
});

test('amounts: 万 / 元 / plain forms in the question\'s unit, and which plain values to confirm', async () => {
  const { parseAmount, unitScale, IMPLAUSIBLE_YUAN } = await import('../../www/components/question-field/amount.js');
  const wan = unitScale('万元');
  assert.equal(wan, 10000);
  assert.equal(unitScale('×10,000 yuan'), 10000);
  const v = (s) => parseAmount(s, wan);
  assert.deepEqual(v('50万'), { ok: true, value: 50, yuan: 500000, plain: false });
  assert.equal(v('500000元').value, 50, '500000元 is 50 万元, not 50亿');
  assert.equal(v('¥500,000').value, 50);
  assert.equal(v('５０万元').value, 50);
  assert.equal(v('1.5亿').value, 15000);
  assert.equal(v('100').value, 100, 'a plain number is in the question\'s unit');
  assert.ok(v('500000').plain && v('500000').yuan > IMPLAUSIBLE_YUAN, 'plain 500000 (万元) is 50亿元: asked to confirm');
  assert.ok(v('5000').yuan <= IMPLAUSIBLE_YUAN, '5000万元 is plausible');
  assert.equal(v('abc').ok, false);
  assert.equal(parseAmount('50万', 0).ok, false, 'no unit words on a number that is not an amount');
});
