// Links, notices and partial failures (issue 20, point 10): every link the checker makes is read
// (234 WeChat categories make one of over 8,192 characters), a longer one is refused with a word; a
// hash change before the questions load throws nothing; notices are de-duplicated and capped at five; a
// version mismatch says so (not "network error"); a failed file's notice goes once a language switch
// has brought its files; a category search says when the other language's names did not load.
// Faults come from the e2e server (tests/server.mjs, faultPath).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, app, ready, answersOf, answerCurrent, catalogue, BASE, PHONE } from './helpers.mjs';
import { faultPath } from '../server.mjs';

let browser;
let close;
before(async () => ({ browser, close } = await launch()));
after(async () => close && close());

let seq = 0;
const faultId = () => `links-${process.pid}-${++seq}`;
const noticeTexts = (page) => app(page).locator('.notices .notice').allTextContents();

test('a link with 234 WeChat categories (over 8,192 characters) opens with all of them; a longer one than any the checker makes is refused with a notice', async () => {
  const { context, page } = await openPage(browser, PHONE);
  // The page keeps its link in the address (sync-url): the link the checker makes for these answers.
  // (The categories' ids from the catalogue the page loads: the page has them once names.<lang>.json is here.)
  const ids = Object.values(catalogue('zh-CN').requirements).filter((r) => r.group === 'wechat_category').slice(0, 234).map((r) => r.id);
  const link = await page.evaluate((ids) => {
    const el = document.querySelector('mpcheck-app');
    el.setAnswer('platform', 'wechat');
    el.setAnswer('wechat_categories', ids);
    return location.href;
  }, ids);
  assert.ok(link.split('#')[1].length > 8192, `the link is ${link.length} characters`);
  await context.close();

  const fresh = await openPage(browser, PHONE, { url: null });
  await fresh.page.goto(link);
  await ready(fresh.page);
  const answers = await answersOf(fresh.page);
  assert.equal(answers.wechat_categories?.length, 234, 'every category of the link is read');
  assert.equal(answers.platform, 'wechat');

  // Longer than any link the checker makes: not read, and said so (not silently erased).
  await fresh.page.evaluate(() => (location.hash = '#v=1&platform=douyin&x=' + 'a'.repeat(60000)));
  await fresh.page.waitForFunction(() => /字符/.test(document.querySelector('mpcheck-app').shadowRoot.querySelector('.notices').textContent));
  const texts = (await noticeTexts(fresh.page)).join(' ');
  assert.match(texts, /链接有 \d+ 个字符.*没有读取/);
  assert.equal((await answersOf(fresh.page)).platform, 'wechat', 'the refused link changed nothing');
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
});

test('hash changes before the questions and the engine are here throw nothing, and the last link wins', async () => {
  const { context, page, errors } = await openPage(browser, PHONE, { url: null });
  const slow = (file) => BASE + faultPath({ file, kind: 'slow', ms: 250, id: faultId() });
  // The questions file arrives slowly (12 pieces, 250 ms apart): hash changes come first.
  await page.goto(slow('pkg/questions.zh-CN.json'), { waitUntil: 'commit' });
  for (let i = 0; i < 20; i++) await page.evaluate((k) => (location.hash = `#v=1&platform=${k % 2 ? 'qq' : 'douyin'}`), i);
  await page.evaluate(() => (location.hash = '#v=1&platform=alipay'));
  await ready(page);
  await page.waitForFunction(() => document.querySelector('mpcheck-app').answers.platform === 'alipay');
  assert.deepEqual(errors, [], 'no uncaught error');
  await context.close();
});

test('a link to WeChat categories opened while the first screen waits for the engine is read once the engine is here', async () => {
  const category = Object.entries(catalogue('zh-CN').requirements).find(([, r]) => r.group === 'wechat_category')[0];
  const { context, page, errors } = await openPage(browser, PHONE, { url: null });
  // The wasm arrives slowly: the first screen comes from the questions file, whose category
  // question has no options yet.
  await page.goto(BASE + faultPath({ file: 'pkg/mpcheck_bg.wasm', kind: 'slow', ms: 400, id: faultId() }), { waitUntil: 'commit' });
  await app(page).locator('.start-button').waitFor({ timeout: 15000 });
  assert.equal(await page.evaluate(() => !!document.querySelector('mpcheck-app').engine), false, 'the engine is not here yet');
  await page.evaluate((c) => (location.hash = `#v=1&platform=wechat&wechat_categories=${c}`), category);
  await page.waitForFunction(() => !!document.querySelector('mpcheck-app').engine, null, { timeout: 20000 });
  assert.deepEqual(errors, [], 'no uncaught error');
  assert.deepEqual((await answersOf(page)).wechat_categories, [category]);
  await context.close();
});

test('60 hash changes (each with its own unknown key) leave at most five notices, none twice', async () => {
  const { context, page, errors } = await openPage(browser, PHONE);
  await page.evaluate(() => document.querySelector('mpcheck-app').setAnswer('platform', 'wechat'));
  const t0 = Date.now();
  const times = await page.evaluate(async () => {
    const out = [];
    for (let k = 0; k < 60; k++) {
      const t = performance.now();
      const changed = new Promise((ok) => window.addEventListener('hashchange', ok, { once: true }));
      location.hash = `#v=1&platform=${k % 2 ? 'qq' : 'douyin'}&unknown${k % 7}=1`;
      await changed;
      await new Promise((ok) => setTimeout(ok, 0));
      out.push(performance.now() - t);
    }
    return out;
  });
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`hash changes: first 20 ${avg(times.slice(0, 20)).toFixed(1)} ms, last 20 ${avg(times.slice(-20)).toFixed(1)} ms each`);
  await page.waitForFunction(() => document.querySelector('mpcheck-app').answers.platform === 'qq');
  const texts = await noticeTexts(page);
  assert.ok(texts.length <= 5, `${texts.length} notices`);
  assert.equal(new Set(texts).size, texts.length, 'no notice twice');
  console.log(`60 hash changes in ${Date.now() - t0} ms, ${texts.length} notices`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a catalogue of another version says that the versions differ, naming the file, not "network error"', async () => {
  const id = faultId();
  const { context, page } = await openPage(browser, PHONE, { url: null });
  await page.goto(BASE + faultPath({ file: 'pkg/catalogue.zh-CN.json', kind: 'version', id }) + '#v=1&platform=wechat');
  const box = app(page).locator('.load-error');
  await box.first().waitFor({ timeout: 15000 });
  const text = await box.first().textContent();
  assert.match(text, /pkg\/catalogue\.zh-CN\.json/);
  assert.match(text, /不是同一版本/);
  assert.doesNotMatch(text, /网络错误/);
  await fetch(`${BASE}__fault-off/${id}`);
  await box.locator('button').click();
  await page.waitForFunction(() => !!document.querySelector('mpcheck-app').catalogue, null, { timeout: 15000 });
  await context.close();
});

test('a failed switch to English leaves a notice that goes once the switch works: no Chinese notice in English', async () => {
  const id = faultId();
  const { context, page } = await openPage(browser, PHONE, { url: null });
  await page.goto(BASE + faultPath({ file: 'pkg/catalogue.en.json', kind: '404', id }));
  await ready(page);
  const a = app(page);
  await a.locator('button[data-action="lang"]').click();
  await page.waitForFunction(() => /catalogue\.en\.json/.test(document.querySelector('mpcheck-app').shadowRoot.querySelector('.notices').textContent));
  assert.equal(await page.evaluate(() => document.querySelector('mpcheck-app').lang), 'zh-CN');
  await fetch(`${BASE}__fault-off/${id}`);
  await a.locator('button[data-action="lang"]').click();
  await page.waitForFunction(() => document.querySelector('mpcheck-app').lang === 'en');
  const texts = (await noticeTexts(page)).join(' ');
  assert.doesNotMatch(texts, /[\u4e00-\u9fff]/, `no Chinese notice in English: ${texts}`);
  await context.close();
});

test('when the English category names do not load, the picker says so and Chinese names still match', async () => {
  const { context, page } = await openPage(browser, PHONE, { url: null });
  await page.goto(BASE + faultPath({ file: 'pkg/names.en.json', kind: '500', id: faultId() }));
  await ready(page);
  const a = app(page);
  await a.locator('.start-button').click();
  for (let i = 0; i < 30; i++) {
    const qid = await a.locator('.question-page fieldset.field').getAttribute('data-question');
    if (qid === 'wechat_categories') break;
    await answerCurrent(page, { platform: 'wechat', product: 'mini_program', entity: 'company' });
  }
  await a.locator('.picker input[type=search]').waitFor({ timeout: 15000 });
  // The English names are fetched when a query in Latin letters needs them (issue 19).
  await a.locator('.picker input[type=search]').fill('shop');
  await a.locator('.picker').getByText('英文类目名称没有加载成功').waitFor({ timeout: 15000 });
  await a.locator('.picker input[type=search]').fill('社区');
  assert.ok((await a.locator('.picker-results li').count()) > 0, 'Chinese names still match');
  await context.close();
});
