// The element itself: two independent instances, presets, events, removal, print styles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, app, DESKTOP, ARTIFACTS } from './helpers.mjs';

let browser;
let close;
before(async () => ({ browser, close } = await launch()));
after(async () => close && close());

test('two instances on one page keep separate answers and storage; presets and events work', async () => {
  const { context, page, errors } = await openPage(browser, DESKTOP);
  // A second checker, added the way a host page would (no sync-url, own storage key, presets).
  await page.evaluate(() => {
    window.__events = [];
    document.addEventListener('mpcheck:change', (e) => window.__events.push(e.composedPath()[0].getAttribute('storage-key') || 'main'));
    const el = document.createElement('mpcheck-app');
    el.setAttribute('storage-key', 'second');
    el.setAttribute('platform', 'douyin');
    el.setAttribute('answers', 'entity=individual&nonsense=1');
    el.setAttribute('lang', 'en');
    el.setAttribute('compact', '');
    el.id = 'second';
    document.body.append(el);
  });
  const second = page.locator('#second');
  await second.locator('.question-page').waitFor();
  const answersOf = (sel) => page.evaluate((s) => JSON.parse(JSON.stringify(document.querySelector(s).answers)), sel);
  assert.deepEqual(await answersOf('#second'), { platform: 'douyin', entity: 'individual' });
  assert.deepEqual(await answersOf('mpcheck-app:not(#second)'), {});
  // compact: straight to the first unanswered question, in English.
  assert.match(await second.locator('.page-heading').first().textContent(), /[A-Za-z]/);
  // Answer in the second one only.
  await second.locator('input[value="mini_program"]').check();
  await second.locator('.question-page button[type=submit]').click();
  assert.equal((await answersOf('#second')).product, 'mini_program');
  assert.deepEqual(await answersOf('mpcheck-app:not(#second)'), {});
  const stored = await page.evaluate(() => ({ main: localStorage.getItem('mpcheck'), second: JSON.parse(localStorage.getItem('second')) }));
  assert.equal(stored.second.answers.product, 'mini_program');
  assert.ok(!stored.main || !JSON.parse(stored.main).answers.product);
  // Only the main (sync-url) instance writes the URL fragment.
  assert.equal(new URL(page.url()).hash, '');
  assert.ok((await page.evaluate(() => window.__events)).includes('second'), 'composed change event from the second instance');
  // Removing it leaves the other working and stops its reactions to the host page.
  await page.evaluate(() => {
    const el = document.getElementById('second');
    window.__removed = el;
    el.remove();
    // Detached, it must not react to the host page any more, even if asked to follow the URL.
    el.setAttribute('sync-url', '');
  });
  await page.evaluate(() => {
    location.hash = '#v=1&platform=qq';
  });
  await page.waitForFunction(() => document.querySelector('mpcheck-app').answers.platform === 'qq');
  assert.equal(await page.evaluate(() => window.__removed.answers.platform), 'douyin');
  await app(page).locator('.nav button[data-view="results"]').click();
  assert.deepEqual(errors, []);
  await context.close();
});

test('print: navigation and controls are hidden, collapsed sources open, a PDF is made', async () => {
  const { context, page } = await openPage(browser, DESKTOP, { url: null });
  await page.goto(process.env.MPCHECK_URL.replace(/\/?$/, '/') + '#v=1&platform=wechat&product=mini_program&entity=company&sells=third_party');
  await app(page).locator('.results').waitFor();
  await page.emulateMedia({ media: 'print' });
  const shown = (sel) => app(page).locator(sel).first().evaluate((el) => getComputedStyle(el).display !== 'none');
  assert.equal(await shown('.nav'), false);
  assert.equal(await shown('.share'), false);
  assert.equal(await shown('.group-required'), true);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await app(page).locator('.group-required details.sources:not([open])').count(), 0);
  assert.ok((await app(page).locator('.group-required details.sources').count()) > 0, "printing draws the rows' cards");
  const pdf = await page.pdf({ path: join(ARTIFACTS, 'results.pdf'), format: 'A4' });
  assert.ok(pdf.length > 10000);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.ok((await app(page).locator('.group-required details.sources:not([open])').count()) > 0);
  await context.close();
});
