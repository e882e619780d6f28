// Network faults end in a message that names the file and a Try again that works (issue 20, point 9):
// every file the page needs — the program (mpcheck-app.js, wasm-loader.js), engine.js, the wasm, the
// questions, the catalogue and the WeChat categories' records — answered with 404 or 500, stalled (after some bytes, or before any),
// cut half-way or (JSON) of the right version but the wrong form. Faults come from the e2e server (tests/server.mjs, faultPath);
// the stall limit is 2 s here (the element's load-timeout attribute) instead of 20 s. A slow download
// that keeps receiving bytes is not a fault.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, app, BASE, PHONE } from './helpers.mjs';
import { faultPath } from '../server.mjs';

let browser;
let close;
before(async () => ({ browser, close } = await launch()));
after(async () => close && close());

const LIMIT = 2; // seconds without a byte before a download is given up (load-timeout)
let seq = 0;

/** Sets load-timeout on the page's <mpcheck-app> as soon as it is parsed (before any module runs). */
function shortLimit(seconds) {
  new MutationObserver((_, o) => {
    const el = document.querySelector('mpcheck-app');
    if (!el) return;
    el.setAttribute('load-timeout', String(seconds));
    o.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Opens the page with one fault on `file`, with the short stall limit. `retry()` ends the fault (the
 * network is back) and presses the Try again button given.
 */
async function openWithFault({ file, kind, hash = '', lang }) {
  const opened = await openPage(browser, PHONE, { url: null });
  await opened.page.addInitScript(shortLimit, LIMIT);
  if (lang) await opened.page.addInitScript((l) => localStorage.setItem('mpcheck', JSON.stringify({ v: 2, lang: l, answers: {} })), lang);
  const id = `${process.pid}-${++seq}`;
  await opened.page.goto(BASE + faultPath({ file, kind, id }) + hash, { waitUntil: 'commit' });
  const retry = async (button) => {
    await fetch(`${BASE}__fault-off/${id}`);
    await button.click();
  };
  return { ...opened, retry };
}

/** The checker's load error (in its shadow root), once shown: its text. */
async function loadError(page, timeout = 15000) {
  const box = app(page).locator('.load-error');
  await box.first().waitFor({ state: 'visible', timeout });
  return (await box.first().textContent()) || '';
}

/** Waits until the checker has its engine (and, if asked, its catalogue) and shows no load error. */
async function works(page, { catalogue = false } = {}) {
  await page.waitForFunction(
    (cat) => {
      const el = document.querySelector('mpcheck-app');
      return !!el && !!el.engine && (!cat || !!el.catalogue) && !el.shadowRoot.querySelector('.load-error');
    },
    catalogue,
    { timeout: 15000 },
  );
  assert.ok(await app(page).locator('.view .page-heading').first().isVisible());
}

const JSON_KINDS = ['404', '500', 'stall', 'hang', 'cut', 'shape'];
const WORDS = {
  404: /HTTP 404/,
  500: /HTTP 500/,
  stall: new RegExp(`${LIMIT} 秒没有收到数据`),
  hang: new RegExp(`${LIMIT} 秒没有收到数据`),
  cut: /网络错误|没有加载成功/,
  shape: /格式不对/,
};

for (const kind of JSON_KINDS) {
  test(`questions file ${kind}: the load error names pkg/questions.zh-CN.json, and Try again loads the checker`, async () => {
    const { context, page, retry } = await openWithFault({ file: 'pkg/questions.zh-CN.json', kind });
    const t0 = Date.now();
    const text = await loadError(page);
    assert.match(text, /pkg\/questions\.zh-CN\.json/);
    assert.match(text, WORDS[kind]);
    if (kind === 'stall' || kind === 'hang') assert.ok(Date.now() - t0 < (LIMIT + 6) * 1000, 'the stall is told after the limit, not much later');
    await retry(app(page).locator('.load-error button'));
    await works(page);
    await context.close();
  });
}

for (const kind of JSON_KINDS) {
  test(`catalogue ${kind} (results from a link): the load error names pkg/catalogue.zh-CN.json, and Try again shows the results`, async () => {
    const { context, page, retry } = await openWithFault({ file: 'pkg/catalogue.zh-CN.json', kind, hash: '#v=1&platform=wechat' });
    const text = await loadError(page);
    assert.match(text, /pkg\/catalogue\.zh-CN\.json/);
    assert.match(text, WORDS[kind]);
    await retry(app(page).locator('.load-error button'));
    await works(page, { catalogue: true });
    await app(page).locator('.results-view, .results').first().waitFor({ timeout: 15000 });
    await context.close();
  });
}

for (const kind of JSON_KINDS) {
  test(`category records ${kind} (a link that picks a WeChat category): the load error names pkg/names.zh-CN.json, and Try again shows the results with the category's name`, async () => {
    const hash = '#v=1&platform=wechat&product=mini_program&wechat_categories=wx-ni-shop-food-and-drink';
    const { context, page, retry } = await openWithFault({ file: 'pkg/names.zh-CN.json', kind, hash });
    const text = await loadError(page);
    assert.match(text, /pkg\/names\.zh-CN\.json/);
    assert.match(text, WORDS[kind]);
    assert.ok(!(await app(page).locator('.results').count()), 'no results without the categories\' names');
    await retry(app(page).locator('.load-error button'));
    await works(page, { catalogue: true });
    const results = app(page).locator('.results').first();
    await results.waitFor({ timeout: 15000 });
    const shown = (await results.textContent()) || '';
    assert.match(shown, /商家自营 › 食品饮料|食品饮料/, 'the picked category by its name');
    assert.doesNotMatch(shown, /wx-ni-/, 'no category id where a name should be');
    await context.close();
  });
}

for (const kind of ['404', '500', 'stall', 'cut']) {
  test(`the wasm ${kind}: the load error names pkg/mpcheck_bg.wasm, and Try again loads the engine`, async () => {
    const { context, page, retry } = await openWithFault({ file: 'pkg/mpcheck_bg.wasm', kind, hash: '#v=1&platform=wechat' });
    const text = await loadError(page);
    assert.match(text, /pkg\/mpcheck_bg\.wasm/);
    assert.match(text, WORDS[kind]);
    await retry(app(page).locator('.load-error button'));
    await works(page);
    await context.close();
  });
}

test('engine.js 404: the load error names it, and Try again loads the engine', async () => {
  const { context, page, retry } = await openWithFault({ file: 'engine.js', kind: '404', hash: '#v=1&platform=wechat' });
  assert.match(await loadError(page), /engine\.js/);
  await retry(app(page).locator('.load-error button'));
  await works(page);
  await context.close();
});

test('a stalled wasm after the first answer: the waiting form turns into a load error naming the wasm, and Try again goes on to the next question', async () => {
  const { context, page, retry } = await openWithFault({ file: 'pkg/mpcheck_bg.wasm', kind: 'stall' });
  const a = app(page);
  await a.locator('.start-button').click();
  const fs = a.locator('.question-page fieldset.field');
  const first = await fs.getAttribute('data-question');
  await fs.locator('input').first().check();
  await a.locator('.question-page button[type=submit]').click();
  await a.locator('.preparing').waitFor({ timeout: 5000 }).catch(() => {}); // may already be past it
  const text = await loadError(page, (LIMIT + 8) * 1000);
  assert.match(text, /pkg\/mpcheck_bg\.wasm/);
  assert.match(text, WORDS.stall);
  await retry(a.locator('.load-error button'));
  await works(page);
  await page.waitForFunction((q) => {
    const f = document.querySelector('mpcheck-app').shadowRoot.querySelector('.question-page fieldset.field');
    return f && f.dataset.question !== q;
  }, first, { timeout: 15000 });
  assert.ok(Object.keys(await page.evaluate(() => document.querySelector('mpcheck-app').answers)).length >= 1, 'the answer given while waiting is kept');
  await context.close();
});

test('a slow wasm that keeps arriving (12 pieces over 4.8 s, limit 2 s) is not a fault', async () => {
  const { context, page, retry } = await openWithFault({ file: 'pkg/mpcheck_bg.wasm', kind: 'slow', hash: '#v=1&platform=wechat' });
  await works(page);
  assert.equal(await app(page).locator('.load-error').count(), 0);
  await context.close();
});

for (const [file, kind] of [
  ['mpcheck-app.js', '404'],
  ['mpcheck-app.js', 'stall'],
  ['wasm-loader.js', '500'],
  ['wasm-loader.js', 'cut'],
]) {
  test(`the program file ${file} ${kind}: the static page names it and its Try again loads the checker`, async () => {
    const { context, page, retry } = await openWithFault({ file, kind });
    const box = page.locator('#load-failed');
    await box.waitFor({ state: 'visible', timeout: (LIMIT + 10) * 1000 });
    const text = (await box.textContent()) || '';
    assert.ok(text.includes(file), `names ${file}: ${text}`);
    if (kind === '404' || kind === '500') assert.ok(text.includes('HTTP ' + kind), text);
    if (kind === 'stall' || kind === 'hang') assert.ok(text.includes(`${LIMIT} 秒`) && text.includes(`${LIMIT} seconds`), text);
    await retry(page.locator('#load-retry'));
    await works(page);
    assert.ok(await box.isHidden());
    await context.close();
  });
}

test('English: a stalled questions file is told in English', async () => {
  const { context, page, retry } = await openWithFault({ file: 'pkg/questions.en.json', kind: 'stall', lang: 'en' });
  const text = await loadError(page);
  assert.match(text, /pkg\/questions\.en\.json/);
  assert.match(text, new RegExp(`nothing came for ${LIMIT} seconds`));
  await retry(app(page).locator('.load-error button'));
  await works(page);
  await context.close();
});
