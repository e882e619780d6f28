// The npm package as a user gets it: scripts/package.mjs packs it, `npm install <tarball>` puts it
// into a scratch project in a temporary folder (offline: a local tarball with no dependencies needs
// no registry), then
//   (a) node imports the engine API (mpcheck/node, and the package root with initSync) and the
//       catalogue JSON, and evaluates real answers;
//   (b) esbuild bundles a tiny page that imports the element (mpcheck/element) and the loader;
//       served on loopback, Chromium shows the checker, answers, and results with catalogue names.
// Needs pkg/ (scripts/build.sh). Run: node --test tests/package/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startServer } from '../server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OFFLINE = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
const ANSWERS = { platform: 'wechat', product: 'mini_program', entity: 'company', sells: ['third_party'] };

let scratch;
let packDir;
let tarball;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'mpcheck-package-'));
  packDir = join(scratch, 'packed');
  execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), '--out', packDir], { stdio: 'inherit' });
  tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack wrote a tarball');
  const project = join(scratch, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', join(packDir, tarball)], { cwd: project, env: OFFLINE, stdio: 'inherit' });
});

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const project = () => join(scratch, 'project');

test('package.json is complete: name and version from Cargo.toml, licence, files, exports, types, sideEffects', () => {
  const pj = JSON.parse(readFileSync(join(project(), 'node_modules/mpcheck/package.json'), 'utf8'));
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(pj.name, 'mpcheck');
  assert.equal(pj.version, /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1]);
  assert.equal(pj.license, 'MIT OR Apache-2.0');
  assert.equal(pj.type, 'module');
  assert.ok(pj.description.length > 20);
  assert.equal(pj.types, './engine.d.ts');
  for (const key of ['.', './describe', './node', './element', './embed', './loader', './catalogue.zh-CN.json', './catalogue.en.json', './mpcheck_bg.wasm']) {
    assert.ok(pj.exports[key], `exports ${key}`);
  }
  assert.ok(pj.sideEffects.includes('./mpcheck-app.js'));
  // Every file the manifest names is in the installed package, and every export target exists.
  for (const f of pj.files) assert.ok(existsSync(join(project(), 'node_modules/mpcheck', f)), f);
  for (const [key, target] of Object.entries(pj.exports)) {
    for (const t of typeof target === 'string' ? [target] : Object.values(target)) {
      assert.ok(existsSync(join(project(), 'node_modules/mpcheck', t)), `${key} → ${t}`);
    }
  }
  // The site's host page is not in the package.
  assert.ok(!existsSync(join(project(), 'node_modules/mpcheck/index.html')));
});

test('(a) node: the engine API evaluates real answers through the installed package', () => {
  const script = `
    import { questions, evaluate, diagnose, version, catalogue, causes, describe, describeCauses } from 'mpcheck/node';
    import init, { initSync, evaluate as evaluate2, version as version2 } from 'mpcheck';
    import zh from 'mpcheck/catalogue.zh-CN.json' with { type: 'json' };
    import { readFileSync } from 'node:fs';
    import { fileURLToPath } from 'node:url';
    const answers = ${JSON.stringify(ANSWERS)};
    const report = evaluate(answers, 'en');
    const cat = catalogue('en');
    // The package root, as a browser or bundler user would use it, initialised from the exported wasm path.
    initSync({ module: readFileSync(fileURLToPath(import.meta.resolve('mpcheck/mpcheck_bg.wasm'))) });
    const again = evaluate2(answers, 'en');
    let error = null;
    try { evaluate({ platform: 'no_such_platform' }, 'en'); } catch (e) { error = e.kind; }
    console.log(JSON.stringify({
      version: version(), version2: version2(), catVersion: cat.version, zhVersion: zh.version,
      questions: questions('zh-CN').map((q) => q.id),
      required: report.requirements.filter((r) => r.status === 'required').map((r) => r.id),
      names: report.requirements.filter((r) => r.status === 'required').map((r) => cat.requirements[r.id]?.name),
      // Expanded from the compact file: every record has its id and every field back.
      expanded: Object.entries(cat.requirements).every(([id, r]) => r.id === id && r.layer && Array.isArray(r.sources) && r.confidence) && !('format' in cat),
      same: JSON.stringify(report) === JSON.stringify(again),
      described: describe(report, { catalogue: cat, questions: questions('en'), lang: 'en' }).requirements.filter((r) => r.status === 'required').map((r) => r.name),
      platformWords: describe(report, { catalogue: cat, questions: questions('en'), lang: 'en' }).answers.platform,
      causeTitles: describeCauses(diagnose('您的小程序涉及提供网络交易平台服务，请补充选择“商家自营-电商平台”类目并提供增值电信业务经营许可证（EDI）'), causes('zh-CN')).map((c) => c.title),
      error,
      causes: diagnose('您的小程序涉及提供网络交易平台服务，请补充选择“商家自营-电商平台”类目并提供增值电信业务经营许可证（EDI）', 'zh-CN').map((c) => c.id),
      defaultInit: typeof init,
    }));`;
  writeFileSync(join(project(), 'use.mjs'), script);
  const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: project(), encoding: 'utf8' }).trim().split('\n').pop());
  assert.match(out.version, /^\d{4}\.\d+\.\d+$/);
  assert.equal(out.version2, out.version);
  assert.equal(out.catVersion, out.version);
  assert.equal(out.zhVersion, out.version);
  assert.equal(out.questions[0], 'platform');
  // A marketplace with third-party sellers needs EDI (B21) and the mini-program's own ICP filing.
  assert.ok(out.required.includes('vats-b21'), 'EDI (B21) required for a marketplace: ' + out.required.join(', '));
  assert.ok(out.required.includes('icp-filing'), 'ICP filing required: ' + out.required.join(', '));
  assert.ok(out.names.every((n) => typeof n === 'string' && n.length > 0), 'every required item has a catalogue name');
  assert.equal(out.same, true, 'both entry points give the same report');
  assert.deepEqual(out.described, out.names, 'describe() names the items as the catalogue does');
  assert.equal(out.platformWords?.answer, 'WeChat');
  assert.ok(out.causeTitles.length > 0 && out.causeTitles.every((t) => typeof t === 'string' && t.length > 0));
  assert.equal(out.expanded, true, "mpcheck/node's catalogue() is the expanded catalogue");
  assert.equal(out.error, 'unknown_option');
  assert.ok(out.causes.length > 0, 'a pasted rejection is recognised');
  assert.equal(out.defaultInit, 'function');
});

test('(b) bundler: esbuild bundles a page that imports the element; Chromium renders it and it answers', async () => {
  const dir = project();
  mkdirSync(join(dir, 'src'));
  // The bundle moves the JavaScript into out/; the assets stay in the installed package, and
  // setAssetBase says where (docs/embed.md: "With a bundler").
  writeFileSync(
    join(dir, 'src/main.js'),
    `import { setAssetBase } from 'mpcheck/loader';
     import 'mpcheck/element';
     setAssetBase(new URL('../node_modules/mpcheck/', import.meta.url));
     const el = document.createElement('mpcheck-app');
     el.setAttribute('answers', ${JSON.stringify('platform=wechat&product=mini_program&entity=company&sells=third_party')});
     el.setAttribute('lang', 'en');
     el.setAttribute('storage-key', 'bundled');
     document.getElementById('here').append(el);
     document.addEventListener('mpcheck:result', (e) => { window.__results = (window.__results || 0) + 1; window.__last = e.detail.report; });`,
  );
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">
<title>bundled</title><script type="module" src="out/main.js"></script></head><body><div id="here"></div></body></html>`,
  );
  const result = await build({ absWorkingDir: dir, entryPoints: ['src/main.js'], bundle: true, format: 'esm', outdir: 'out', logLevel: 'warning', minify: true });
  assert.deepEqual(result.errors, []);
  const bundle = readFileSync(join(dir, 'out/main.js'), 'utf8');
  assert.match(bundle, /mpcheck-app/, 'the element is in the bundle');
  assert.doesNotMatch(bundle, /from\s*["']mpcheck/, 'no bare import is left for the browser');

  const server = await startServer({ root: dir, port: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const errors = [];
    const failed = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await page.goto(server.url);
    const el = page.locator('mpcheck-app');
    // Preset answers: the start page offers to continue; the results view shows catalogue names.
    await el.locator('.start-page .page-heading').waitFor({ timeout: 15000 });
    await el.locator('.nav button[data-view="results"]').click();
    await el.locator('.results').waitFor({ timeout: 15000 });
    const names = await el.locator('.group-required .row-name').allTextContents();
    assert.ok(names.length >= 2, 'required items listed: ' + names.join(' | '));
    const cat = JSON.parse(readFileSync(join(dir, 'node_modules/mpcheck/pkg/catalogue.en.json'), 'utf8'));
    const all = new Set(Object.values(cat.requirements).map((r) => r.name));
    assert.ok(names.some((n) => all.has(n.trim()) || [...all].some((x) => n.includes(x))), 'names come from the catalogue');
    // It answers: change one answer and the result event fires with a new report.
    const before = await page.evaluate(() => window.__results);
    await el.locator('.nav button[data-view="questions"]').click();
    await el.locator('.question-page').waitFor();
    await el.locator('.question-page input[type=radio], .question-page input[type=checkbox]').first().check();
    await el.locator('.question-page button[type=submit]').click();
    await page.waitForFunction((n) => window.__results > n, before);
    // Styles came from the package (the shadow root's linked stylesheet applied).
    const display = await el.locator('.app').evaluate((n) => getComputedStyle(n).display);
    assert.equal(display, 'block');
    assert.deepEqual(errors, []);
    assert.deepEqual(failed, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the package installs as a plain ES module dependency: the element module resolves its files beside itself', async () => {
  // No bundler: the page imports the installed files directly (as from a CDN's package folder).
  const dir = project();
  writeFileSync(
    join(dir, 'plain.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">
<title>plain</title><script type="module" src="node_modules/mpcheck/mpcheck-embed.js" data-platform="wechat" data-compact></script></head>
<body><p>before</p></body></html>`,
  );
  const server = await startServer({ root: dir, port: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(server.url + 'plain.html');
    // data-head script: needs data-target; so nothing is inserted, and the console says why.
    await page.waitForFunction(() => customElements.get('mpcheck-app'));
    assert.equal(await page.locator('mpcheck-app').count(), 0);
    assert.ok(errors.some((e) => e.includes('[mpcheck]') && e.includes('data-target')), errors.join('\n'));
    // With data-target it goes where it is told.
    writeFileSync(
      join(dir, 'plain.html'),
      readFileSync(join(dir, 'plain.html'), 'utf8').replace('data-compact>', 'data-compact data-target="#slot">').replace('<p>before</p>', '<p>before</p><div id="slot"></div>'),
    );
    errors.length = 0;
    await page.goto(server.url + 'plain.html');
    const el = page.locator('#slot > mpcheck-app');
    await el.locator('.question-page .page-heading').waitFor({ timeout: 15000 });
    assert.equal(await el.getAttribute('platform'), 'wechat');
    assert.deepEqual(await page.evaluate(() => JSON.parse(JSON.stringify(document.querySelector('mpcheck-app').answers))), { platform: 'wechat' });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

