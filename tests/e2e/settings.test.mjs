// Embedding basics: every setting works as an attribute and as a property (as Vue, React 19 and Lit
// set them), also when the property was set before the element was defined; a client-side router
// (VitePress) re-creates the element with its properties on every page; a file that does not load
// is named on the page and in a console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, BASE, PHONE } from './helpers.mjs';

let browser;
let close;
before(async () => ({ browser, close } = await launch()));
after(async () => close && close());

/** A page of the served site that does not load the checker until told to (window.__define()). */
const BLANK = BASE + 'embed-settings-test.html';
const HTML = `<!doctype html><html><head><meta charset="utf-8"><title>host</title></head><body><main id="app"></main>
<script type="module">window.__define = () => import('./mpcheck-app.js');</script></body></html>`;

async function open({ html = HTML } = {}) {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  const rec = { errors: [], console: [] };
  page.on('pageerror', (e) => rec.errors.push(e.message));
  page.on('console', (m) => rec.console.push(`${m.type()}: ${m.text()}`));
  await page.route(BLANK, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(BLANK);
  return { context, page, ...rec };
}

const answersOf = (page, sel) => page.evaluate((s) => JSON.parse(JSON.stringify(document.querySelector(s).answers)), sel);
const engineReady = (page, sel) => page.waitForFunction((s) => !!document.querySelector(s)?.engine, sel, { timeout: 15000 });

test('properties set before the element is defined are taken over when it upgrades; attributes and properties agree', async () => {
  const { context, page, errors } = await open();
  await page.evaluate(() => {
    const el = document.createElement('mpcheck-app');
    el.id = 'early';
    // Not defined yet: these become the instance's own properties (what Vue does before the
    // element's module has loaded, or a script that runs first).
    el.answers = { platform: 'douyin', entity: 'individual', nonsense: 1 };
    el.storageKey = 'early-key';
    el.compact = true;
    el.lang = 'en';
    document.getElementById('app').append(el);
  });
  await page.evaluate(() => window.__define());
  await engineReady(page, '#early');
  assert.deepEqual(await answersOf(page, '#early'), { platform: 'douyin', entity: 'individual' });
  const seen = await page.evaluate(() => {
    const el = document.getElementById('early');
    return {
      own: Object.keys(el).filter((k) => ['answers', 'storageKey', 'compact', 'lang'].includes(k)),
      key: el.getAttribute('storage-key'),
      compact: el.hasAttribute('compact'),
      lang: el.lang,
      stored: Object.keys(JSON.parse(localStorage.getItem('early-key') || '{}').answers || {}).sort(),
    };
  });
  assert.deepEqual(seen, { own: [], key: 'early-key', compact: true, lang: 'en', stored: ['entity', 'platform'] });
  // compact: straight to the first unanswered question, in English.
  const heading = await page.locator('#early .question-page .page-heading').textContent();
  assert.match(heading, /[A-Za-z]/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('properties set after definition: a string or object preset, platform, lang, compact, syncUrl, hideTitle, each reflected', async () => {
  const { context, page, errors } = await open();
  await page.evaluate(() => window.__define());
  await page.waitForFunction(() => !!customElements.get('mpcheck-app'));
  await page.evaluate(() => {
    const el = document.createElement('mpcheck-app');
    el.id = 'late';
    // What Vue does once the element is defined ('answers' in el): a property, never the attribute.
    el.answers = 'entity=company&sells=third_party';
    el.platform = 'wechat';
    el.storageKey = 'late-key';
    el.hideTitle = '';
    document.getElementById('app').append(el);
  });
  await engineReady(page, '#late');
  assert.deepEqual(await answersOf(page, '#late'), { platform: 'wechat', entity: 'company', sells: ['third_party'] });
  const attrs = await page.evaluate(() => {
    const el = document.getElementById('late');
    return { answers: el.getAttribute('answers'), platform: el.getAttribute('platform'), hideTitle: el.hasAttribute('hide-title'), storageKey: el.storageKey };
  });
  assert.deepEqual(attrs, { answers: 'entity=company&sells=third_party', platform: 'wechat', hideTitle: true, storageKey: 'late-key' });
  // lang as a property switches the running checker, and the attribute follows.
  await page.evaluate(() => (document.getElementById('late').lang = 'en'));
  await page.waitForFunction(() => document.getElementById('late').shadowRoot.querySelector('.app').getAttribute('lang') === 'en');
  assert.equal(await page.evaluate(() => document.getElementById('late').getAttribute('lang')), 'en');
  // compact as a property; and off again with false.
  await page.evaluate(() => (document.getElementById('late').compact = true));
  assert.equal(await page.evaluate(() => document.getElementById('late').shadowRoot.querySelector('.app').classList.contains('compact')), true);
  await page.evaluate(() => (document.getElementById('late').compact = false));
  assert.equal(await page.evaluate(() => document.getElementById('late').hasAttribute('compact')), false);
  // An object preset on a checker without answers (after "start again") is used at once.
  await page.locator('#late .nav button[data-view="summary"]').click();
  await page.locator('#late button[data-action="start-over"]').click();
  await page.evaluate(() => (document.getElementById('late').answers = { platform: 'qq' }));
  assert.deepEqual(await answersOf(page, '#late'), { platform: 'qq' });
  // syncUrl as a property: the checker writes the host's fragment.
  await page.evaluate(() => (document.getElementById('late').syncUrl = true));
  await page.evaluate(() => document.getElementById('late').setAnswer('entity', 'company'));
  assert.match(new URL(page.url()).hash, /platform=qq/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a client-side router re-creates the element with its properties on each page: the preset holds every time', async () => {
  const { context, page, errors } = await open();
  await page.evaluate(() => window.__define());
  await page.waitForFunction(() => !!customElements.get('mpcheck-app'));
  // What a VitePress (Vue) page does on client-side navigation: unmount the old page, create the
  // element with document.createElement, set its props as properties, insert it.
  const mount = (page, props) =>
    page.evaluate((p) => {
      const box = document.getElementById('app');
      box.replaceChildren();
      const el = document.createElement('mpcheck-app');
      el.id = 'routed';
      for (const [k, v] of Object.entries(p)) el[k] = v;
      box.append(el);
    }, props);
  for (const [i, platform] of ['wechat', 'douyin', 'alipay'].entries()) {
    await mount(page, { answers: `platform=${platform}&entity=company`, storageKey: `page-${i}`, lang: i === 1 ? 'en' : 'zh-CN' });
    await engineReady(page, '#routed');
    assert.deepEqual(await answersOf(page, '#routed'), { platform, entity: 'company' }, `page ${i}`);
    assert.equal(await page.evaluate(() => document.getElementById('routed').lang), i === 1 ? 'en' : 'zh-CN');
  }
  // Back to the first page: its stored answers (the reader's own) win over the preset, as documented.
  await page.evaluate(() => localStorage.setItem('page-0', JSON.stringify({ v: 1, answers: { platform: 'qq' }, ticks: {} })));
  await mount(page, { answers: 'platform=wechat&entity=company', storageKey: 'page-0' });
  await engineReady(page, '#routed');
  assert.deepEqual(await answersOf(page, '#routed'), { platform: 'qq' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file that does not load is named on the page and in a console error, and Try again loads it', async () => {
  for (const [file, view] of [
    ['pkg/catalogue.zh-CN.json', 'results'],
    ['pkg/questions.zh-CN.json', 'start'],
  ]) {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: 'zh-CN' });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    let broken = true;
    await page.route(BASE + file, (r) => (broken ? r.fulfill({ status: 404, body: 'not found' }) : r.continue()));
    await page.goto(BASE + (view === 'results' ? '#v=1&platform=wechat&entity=company' : ''));
    const error = page.locator('mpcheck-app .load-error');
    await error.waitFor({ timeout: 15000 });
    const text = await error.textContent();
    assert.ok(text.includes(file), `${file}: the page names the file: ${text}`);
    assert.match(text, /HTTP 404/);
    assert.ok(consoleErrors.some((m) => m.includes('[mpcheck]') && m.includes(file)), `${file}: console: ${consoleErrors.join(' | ')}`);
    broken = false;
    await error.locator('button').click();
    await page.locator(`mpcheck-app .view .page-heading`).first().waitFor();
    await page.waitForFunction(() => !document.querySelector('mpcheck-app').shadowRoot.querySelector('.load-error'), null, { timeout: 15000 });
    if (view === 'results') await page.locator('mpcheck-app .results').waitFor();
    await context.close();
  }
});

test("a view's component that does not load (the rejection help, a module of its own) is named on the page and in the console", async () => {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const file = 'components/rejection-help/rejection-help.js';
  await page.route(BASE + file, (r) => r.fulfill({ status: 404, body: 'not found' }));
  await page.goto(BASE + '#v=1&platform=wechat&entity=company');
  await page.locator('mpcheck-app .results').waitFor({ timeout: 15000 });
  await page.locator('mpcheck-app .nav button[data-view="diagnose"]').click();
  const error = page.locator('mpcheck-app .load-error');
  await error.waitFor({ timeout: 15000 });
  assert.ok((await error.textContent()).includes(file), await error.textContent());
  assert.ok(consoleErrors.some((m) => m.includes('[mpcheck]') && m.includes(file)), consoleErrors.join(' | '));
  // Other views still work.
  await page.locator('mpcheck-app .nav button[data-view="results"]').click();
  await page.locator('mpcheck-app .results').waitFor();
  await context.close();
});

