// Nothing a user entered is ever lost (issue 20, points 1–5): share links never replace the
// reader's own saved answers; damaged, newer and older records are copied before anything is
// written over them; another tab's change waits for the reader's choice; full or read-only
// storage is still read, and every failed save is said.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, app, ready, answersOf, answerCurrent, BASE, PHONE } from './helpers.mjs';

let browser;
let close;
before(async () => ({ browser, close } = await launch()));
after(async () => close && close());

const storage = (page, key = 'mpcheck') => page.evaluate((k) => window.localStorage.getItem(k), key);
/** Every value in the page's localStorage, with the raw texts of the dated backups. */
const kept = (page) =>
  page.evaluate(() => {
    const out = [];
    for (const k of Object.keys(localStorage)) {
      const v = localStorage.getItem(k);
      out.push(v);
      try {
        for (const b of JSON.parse(v)) if (b && typeof b.raw === 'string') out.push(b.raw);
      } catch {
        /* not a list of backups */
      }
    }
    return out;
  });
/** Fills localStorage until not one more character fits (the filler is under `fill.*`). */
const fill = (page) =>
  page.evaluate(() => {
    let i = 0;
    for (let size = 1 << 20; size >= 1; ) {
      try {
        localStorage.setItem('fill.' + i++, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
const notices = async (page) => (await app(page).locator('.notices').textContent()) || '';

test('two share links in a row, then "restore": the reader gets their own answers back, and storage keeps them', async () => {
  const { context, page } = await openPage(browser, PHONE);
  const a = app(page);
  await a.locator('.start-button').click();
  await answerCurrent(page, { platform: 'wechat', product: 'mini_program' }); // one question (www/app/pairs.js)
  const mine = await answersOf(page);
  assert.deepEqual(mine, { platform: 'wechat', product: 'mini_program' });
  await page.goto(BASE + '#v=1&platform=douyin');
  await page.waitForFunction(() => document.querySelector('mpcheck-app').answers.platform === 'douyin');
  await page.goto(BASE + '#v=1&platform=alipay&product=mini_game');
  await page.waitForFunction(() => document.querySelector('mpcheck-app').answers.platform === 'alipay');
  assert.deepEqual(JSON.parse(await storage(page)).answers, mine, 'answers from links are not saved over the own record');
  assert.equal(await a.locator('button[data-action="restore-previous"]').count(), 1, 'one notice, one restore');
  await a.locator('button[data-action="restore-previous"]').click();
  assert.deepEqual(await answersOf(page), mine);
  // A link's answers become the reader's own once they change one: the old record is backed up.
  await page.goto(BASE + '#v=1&platform=qq');
  await page.waitForFunction(() => document.querySelector('mpcheck-app').answers.platform === 'qq');
  await a.locator('.nav button[data-view="questions"]').click().catch(() => {});
  await page.evaluate(() => document.querySelector('mpcheck-app').setAnswer('product', 'mini_game'));
  assert.deepEqual(JSON.parse(await storage(page)).answers, { platform: 'qq', product: 'mini_game' });
  assert.ok((await kept(page)).some((v) => v.includes('"wechat"')), 'the own record replaced by the adopted link is kept as a backup');
  // The link's notice still brings the reader's earlier answers back.
  await a.locator('button[data-action="restore-previous"]').click();
  assert.deepEqual(await answersOf(page), mine);
  assert.deepEqual(JSON.parse(await storage(page)).answers, mine);
  await context.close();
});

test('a damaged record is not lost by the next save, even when an older backup exists', async () => {
  const damaged = '{"v":1,"answers":{"platform":"wechat"'; // cut off mid-write
  const { context, page } = await openPage(browser, PHONE);
  await page.evaluate((v) => {
    localStorage.setItem('mpcheck.backup', '{"v":1,"answers":{"platform":"qq"},"ticks":{}}');
    localStorage.setItem('mpcheck', v);
  }, damaged);
  await page.reload();
  await ready(page);
  const a = app(page);
  const text = await notices(page);
  await a.locator('.start-button').click();
  await answerCurrent(page, { platform: 'douyin' });
  assert.equal(JSON.parse(await storage(page)).answers.platform, 'douyin');
  assert.ok((await kept(page)).includes(damaged), 'the damaged value is still kept, byte for byte');
  assert.doesNotMatch(text, /mpcheck/, 'no storage key names shown');
  assert.match(text, /\d{4}-\d{2}-\d{2}/, 'the notice names the dated backup');
  await context.close();
});

test('storage nearly full: a damaged value that cannot be copied stays, the notice says so, and saving waits for the reader', async () => {
  const damaged = '{"v":1,"answers":{"platform":"wechat"' + ' '.repeat(4000); // cut off mid-write
  const { context, page } = await openPage(browser, PHONE);
  await page.evaluate((v) => localStorage.setItem('mpcheck', v), damaged);
  await fill(page);
  await page.reload();
  await ready(page);
  const a = app(page);
  assert.match(await notices(page), /原样留在/, 'the notice says the value was left in place');
  await a.locator('.start-button').click();
  await answerCurrent(page, { platform: 'douyin' });
  assert.equal(await storage(page), damaged, 'the damaged value is not written over');
  assert.match(await notices(page), /没有保存/, 'the refused save is said');
  // The reader chooses to discard it: saving works again (once there is room).
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('fill.')) localStorage.removeItem(k);
  });
  await a.locator('button[data-action="discard-kept"]').click();
  await answerCurrent(page, {});
  assert.equal(JSON.parse(await storage(page)).answers.platform, 'douyin');
  await context.close();
});

test('two pages: a change in one raises the choice in the other, and nothing is overwritten until chosen', async () => {
  const { context, page: one } = await openPage(browser, PHONE);
  const two = await context.newPage();
  await two.goto(BASE);
  await ready(two);
  await app(one).locator('.start-button').click();
  await answerCurrent(one, { platform: 'wechat', product: 'mini_program' });
  const theirs = JSON.parse(await storage(one)).answers;
  assert.deepEqual(theirs, { platform: 'wechat', product: 'mini_program' });
  const b = app(two);
  await b.locator('button[data-action="load-theirs"]').waitFor();
  assert.equal(await b.locator('button[data-action="keep-mine"]').count(), 1);
  // A change in the second page before the choice is not written.
  await b.locator('.start-button').click();
  await answerCurrent(two, { platform: 'douyin' });
  assert.deepEqual(JSON.parse(await storage(two)).answers, theirs, 'nothing overwritten before the choice');
  await b.locator('button[data-action="keep-mine"]').click();
  assert.equal(JSON.parse(await storage(two)).answers.platform, 'douyin', '"keep mine" wins');
  // Now the first page is told, and loads the other page's answers.
  const a = app(one);
  await a.locator('button[data-action="load-theirs"]').waitFor();
  await a.locator('button[data-action="load-theirs"]').click();
  assert.equal((await answersOf(one)).platform, 'douyin');
  assert.equal(JSON.parse(await storage(one)).answers.platform, 'douyin');
  assert.equal(await b.locator('button[data-action="load-theirs"]').count(), 0, 'loading theirs raises no choice back');
  await context.close();
});

test('full storage: saved answers still load, and a failed save is said once', async () => {
  const { context, page } = await openPage(browser, PHONE);
  await page.evaluate(() => localStorage.setItem('mpcheck', JSON.stringify({ v: 2, answers: { platform: 'wechat', product: 'mini_program' }, ticks: {} })));
  await fill(page);
  await page.reload();
  await ready(page);
  assert.deepEqual(await answersOf(page), { platform: 'wechat', product: 'mini_program' });
  assert.doesNotMatch(await notices(page), /无痕/, 'a full storage is not blamed on private mode');
  await page.evaluate(() => document.querySelector('mpcheck-app').setAnswer('entity', 'company'));
  await page.evaluate(() => document.querySelector('mpcheck-app').setAnswer('entity', 'individual'));
  const text = await notices(page);
  assert.match(text, /没有保存/);
  assert.match(text, /分享链接/);
  assert.equal(text.split('没有保存').length - 1, 1, 'said once, not on every change');
  await context.close();
});

test('read-only storage: saved answers load, and a failed save is said', async () => {
  const record = JSON.stringify({ v: 2, answers: { platform: 'douyin' }, ticks: {} });
  const { context, page } = await openPage(browser, PHONE, {
    url: null,
    init: `localStorage.setItem('mpcheck', ${JSON.stringify(record)}); Storage.prototype.setItem = function () { throw new DOMException('read-only', 'QuotaExceededError'); };`,
  });
  await page.goto(BASE);
  await ready(page);
  assert.deepEqual(await answersOf(page), { platform: 'douyin' });
  await page.evaluate(() => document.querySelector('mpcheck-app').setAnswer('product', 'mini_program'));
  assert.match(await notices(page), /没有保存/);
  await context.close();
});

test('a v1 record whose answers are not an object is backed up and announced', async () => {
  const old = JSON.stringify({ v: 1, answers: 'platform=wechat', ticks: {} });
  const { context, page } = await openPage(browser, PHONE);
  await page.evaluate((v) => localStorage.setItem('mpcheck', v), old);
  await page.reload();
  await ready(page);
  assert.ok((await kept(page)).includes(old), 'the record is kept as a backup');
  assert.match(await notices(page), /\d{4}-\d{2}-\d{2}/);
  await context.close();
});

test('an answer to a question that no longer exists is backed up, and the notice says how many were set aside', async () => {
  const old = JSON.stringify({ v: 1, answers: { platform: 'wechat', renamed_question: 'x' }, ticks: {} });
  const { context, page } = await openPage(browser, PHONE);
  await page.evaluate((v) => localStorage.setItem('mpcheck', v), old);
  await page.reload();
  await ready(page);
  assert.deepEqual(await answersOf(page), { platform: 'wechat' });
  assert.ok((await kept(page)).includes(old), 'the record as it was is kept as a backup');
  const text = await notices(page);
  assert.match(text, /1 个/);
  assert.match(text, /\d{4}-\d{2}-\d{2}/);
  await context.close();
});

test('"start again" keeps the old answers as a dated backup, undo brings them back, and a notice is not added twice', async () => {
  const { context, page } = await openPage(browser, PHONE);
  const a = app(page);
  await a.locator('.start-button').click();
  await answerCurrent(page, { platform: 'wechat', product: 'mini_program' }); // one question (www/app/pairs.js)
  await a.locator('.nav button[data-view="summary"]').click();
  await a.locator('button[data-action="start-over"]').click();
  assert.deepEqual(await answersOf(page), {});
  assert.deepEqual(JSON.parse(await storage(page)).answers, {});
  assert.ok((await kept(page)).some((v) => v.includes('"mini_program"')), 'the cleared answers are kept as a backup');
  await a.locator('button[data-action="restore-previous"]').click();
  assert.deepEqual(await answersOf(page), { platform: 'wechat', product: 'mini_program' });
  assert.deepEqual(JSON.parse(await storage(page)).answers, { platform: 'wechat', product: 'mini_program' });
  // The same link twice (with an unknown key): its notices once each.
  for (const platform of ['douyin', 'qq', 'douyin']) {
    await page.goto(`${BASE}#v=1&platform=${platform}&future_question=1`);
    await page.waitForFunction((p) => document.querySelector('mpcheck-app').answers.platform === p, platform);
  }
  const texts = await a.locator('.notice > p:first-child').allTextContents();
  assert.equal(new Set(texts).size, texts.length, 'no notice is shown twice');
  assert.equal(texts.filter((t) => t.includes('future_question')).length, 1);
  await context.close();
});
