// Loading order (issue 5, "Speed and weight"): the first question is drawn from
// pkg/questions.<lang>.json before the wasm has arrived, Continue waits for the engine with a status,
// a stale questions file gives way to the engine's questions, and the WeChat categories' long texts
// (pkg/categories.<lang>.json, not in the core catalogue) still reach a category's result card.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, app, catalogue, engine, BASE, ROOT, PHONE } from './helpers.mjs';

let browser;
let close;
let mp;
before(async () => {
  ({ browser, close } = await launch());
  mp = await engine();
});
after(async () => close && close());

/** A page whose wasm download is held until release() is called. */
async function heldWasm({ questions } = {}) {
  let release;
  const gate = new Promise((ok) => (release = ok));
  const { context, page, foreign, errors } = await openPage(browser, PHONE, { url: null });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.route('**/pkg/mpcheck_bg.wasm', async (r) => {
    await gate;
    await r.continue();
  });
  // A stale questions file is served once, as an old copy in a cache would be; the loader fetches
  // it again past the cache when the engine's version differs.
  let served = 0;
  if (questions) await page.route('**/pkg/questions.zh-CN.json', (r) => (served++ ? r.continue() : r.fulfill({ contentType: 'application/json', body: JSON.stringify(questions) })));
  await page.goto(BASE);
  return { context, page, foreign, errors, requested, release };
}

const engineOf = (page) => page.evaluate(() => document.querySelector('mpcheck-app').engine);

test('the first question appears before the wasm; Continue waits for the engine with a status, then goes on', async () => {
  const { context, page, foreign, errors, requested, release } = await heldWasm();
  const a = app(page);
  await a.locator('.start-button').click();
  const fs = a.locator('.question-page fieldset.field');
  await fs.waitFor();
  assert.equal(await engineOf(page), null, 'the wasm is still held back');
  assert.ok(requested.some((p) => p.endsWith('/pkg/questions.zh-CN.json')), 'drawn from the questions file');
  // The first question always asked, with its pair as one (www/app/pairs.js: platform and product).
  const asked0 = mp.evaluate({}, 'zh-CN').flow.asked[0];
  const first = asked0 === 'platform' ? 'platform+product' : asked0;
  assert.equal(await fs.getAttribute('data-question'), first, "the engine's first question");
  const q = await page.evaluate((id) => document.querySelector('mpcheck-app').qsById.get(id), first);
  assert.equal((await a.locator('.question-page .page-heading').first().textContent()).trim(), q.text);
  // Answer it before the engine is here: the answer is kept, the form waits with a status.
  const choice = q.kind === 'yes_no' ? 'no' : q.options[0].id;
  await fs.locator(`input[value="${choice}"]`).first().check();
  await a.locator('.question-page button[type=submit]').click();
  await a.locator('.preparing[role=status]').waitFor();
  assert.equal(await a.locator('.question-page button[type=submit]').isDisabled(), true, 'cannot be sent twice');
  assert.equal(await fs.getAttribute('data-question'), first, 'still on the first question');
  release();
  const given = q.sets ? Object.fromEntries(q.sets.map((k, i) => [k, choice.split('+')[i]])) : { [first]: q.kind === 'yes_no' ? false : choice };
  const next = mp.evaluate(given, 'zh-CN').flow.next;
  await a.locator(`.question-page fieldset.field[data-question="${next}"]`).waitFor({ timeout: 15000 });
  assert.notEqual(await engineOf(page), null);
  assert.deepEqual(await page.evaluate(() => document.querySelector('mpcheck-app').answers), given);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the English messages are fetched only for a checker in English, and it draws in English from the first screen', async () => {
  const en = (await import('../../www/i18n/en.js')).default;
  const { context, page, errors, requested, release } = await heldWasm();
  await app(page).locator('.start-page .page-heading').waitFor();
  assert.ok(!requested.some((p) => p.endsWith('/i18n/en.js')), 'a Chinese page does not fetch i18n/en.js');
  // A second checker in English, its engine still held back: the start page comes from
  // questions.en.json and i18n/en.js, in English, before the wasm.
  await page.evaluate(() => {
    const el = document.createElement('mpcheck-app');
    el.setAttribute('lang', 'en');
    el.setAttribute('storage-key', 'english');
    el.id = 'english';
    document.body.append(el);
  });
  const second = page.locator('#english');
  const heading = second.locator('.start-page .page-heading');
  await heading.waitFor();
  assert.equal((await heading.textContent()).trim(), en['start.title']);
  assert.equal((await second.locator('.start-button').textContent()).trim(), en['start.start']);
  assert.equal(requested.filter((p) => p.endsWith('/i18n/en.js')).length, 1, 'i18n/en.js, once');
  release();
  await page.waitForFunction(() => !!document.getElementById('english').engine, null, { timeout: 15000 });
  assert.equal((await second.locator('.nav button[data-view="results"]').textContent()).trim(), en['nav.results']);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a stale questions file (another version) gives way to the engine's questions once it is here", async () => {
  const real = JSON.parse(readFileSync(join(ROOT, 'dist/pkg/questions.zh-CN.json'), 'utf8'));
  // Stale words in the questions and their options (the first question, the platform with the
  // product as one, is worded from its two questions' options: www/app/pairs.js).
  const stale = { version: 'stale-0', questions: real.questions.map((q) => ({ ...q, text: 'STALE ' + q.text, options: q.options.map((o) => ({ ...o, label: 'STALE ' + o.label })) })) };
  const { context, page, errors, release } = await heldWasm({ questions: stale });
  const a = app(page);
  await a.locator('.start-button').click();
  const h = a.locator('.question-page .choice-label').first();
  await h.waitFor();
  assert.match(await h.textContent(), /^STALE /, 'the first screen came from the (stale) file');
  release();
  await page.waitForFunction(() => {
    const el = document.querySelector('mpcheck-app');
    const t = el.shadowRoot.querySelector('.question-page .choice-label, .start-page .page-heading');
    return !!el.engine && !!t && !t.textContent.startsWith('STALE');
  }, null, { timeout: 15000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a WeChat category's result card shows its documents, loaded from categories.<lang>.json", async () => {
  const core = catalogue('zh-CN');
  const details = JSON.parse(readFileSync(join(ROOT, 'dist/pkg/categories.zh-CN.json'), 'utf8'));
  assert.equal(core.details, 'categories');
  assert.equal(details.version, core.version);
  // A category that is required when picked, with a plain document in its list.
  let pick = null;
  for (const [id, d] of Object.entries(details.categories)) {
    const doc = d.documents && d.documents.all.find((x) => typeof x === 'string');
    if (!doc) continue;
    const answers = { platform: 'wechat', entity: 'company', wechat_categories: [id] };
    const item = mp.evaluate(answers, 'zh-CN').requirements.find((r) => r.id === id);
    if (item && item.status === 'required') {
      pick = { id, doc, answers };
      break;
    }
  }
  assert.ok(pick, 'some WeChat category with documents is required when picked');
  assert.equal(core.requirements[pick.id].documents, undefined, 'not in the core catalogue');
  const { context, page, foreign, errors } = await openPage(browser, PHONE, { url: null });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const p = new URLSearchParams({ v: '1', platform: 'wechat', entity: 'company', wechat_categories: pick.id });
  await page.goto(BASE + '#' + p.toString());
  const card = app(page).locator(`article.req[data-req="${pick.id}"]`);
  // The card is behind its row in the results' compact list.
  await app(page).locator(`details[data-row="${pick.id}"] > summary`).click({ timeout: 15000 });
  await card.locator('.documents').waitFor({ timeout: 15000 });
  assert.ok((await card.locator('.documents').textContent()).includes(pick.doc), 'the document is listed');
  assert.ok(requested.some((x) => x.endsWith('/pkg/categories.zh-CN.json')));
  assert.ok(!requested.some((x) => x.endsWith('.en.json')), 'nothing English is fetched for a Chinese page');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first result waits for neither the sources nor the categories\' long texts: lists and cards say so, then fill in place (an open list stays open); print waits for them', async () => {
  const core = catalogue('zh-CN');
  assert.deepEqual(core.sources, {}, 'the sources are not in the core catalogue');
  let release;
  const gate = new Promise((ok) => (release = ok));
  const { context, page, foreign, errors } = await openPage(browser, PHONE, { url: null });
  await page.route('**/pkg/categories.zh-CN.json', async (r) => {
    await gate;
    await r.continue().catch(() => {});
  });
  await page.addInitScript(() => {
    window.__printed = 0;
    window.print = () => window.__printed++;
  });
  const p = new URLSearchParams({ v: '1', platform: 'wechat', entity: 'company' });
  await page.goto(BASE + '#' + p.toString());
  const card = app(page).locator('article.req[data-req="icp-filing"]');
  await app(page).locator('details[data-row="icp-filing"] > summary').click({ timeout: 15000 });
  await card.waitFor({ timeout: 15000 });
  const sources = card.locator('details.sources');
  await sources.locator('summary').click();
  assert.equal(await sources.locator('.source-pending').count(), 1, 'the list says the sources are loading');
  assert.equal(await sources.locator('a.source-link').count(), 0);
  // The reason of a rule that does not refuse anything comes with the details too.
  assert.match(await card.locator('.why-list > li > p.req-pending').first().textContent(), /理由正在加载/);
  // So do a summary's other sentences: the row's line and the card have its first until then.
  const rowLine = app(page).locator('details[data-row="icp-filing"] > summary .row-line');
  assert.match(await rowLine.textContent(), /。……$/);
  assert.equal(await card.locator('.req-summary').textContent(), await rowLine.textContent());
  await app(page).locator('button[data-action="print"]').first().click();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__printed), 0, 'print waits for the sources');
  // WeChat categories' cards, opened now, say their description and documents are coming.
  await app(page).locator('details[data-row^="wx-"]').evaluateAll((rows) => rows.forEach((r) => (r.open = true)));
  const pendingCards = app(page).locator('article.req[data-pending-details]');
  await pendingCards.first().waitFor();
  assert.ok((await pendingCards.count()) > 0, 'some category cards wait for their long texts');
  // (Every card is drawn again with the details: the myths come with them.)
  assert.match(await pendingCards.locator('.req-pending').first().textContent(), /加载/);
  release();
  await card.locator('details.sources a.source-link').first().waitFor({ timeout: 15000 });
  assert.ok(await card.locator('details.sources').evaluate((d) => d.open), 'the open list stays open');
  assert.equal(await app(page).locator('.source-pending').count(), 0, 'no list is left loading');
  assert.equal(await pendingCards.count(), 0, 'every category card is drawn again with its texts');
  const reasons = new Set(Object.values(JSON.parse(readFileSync(join(ROOT, 'dist/pkg/categories.zh-CN.json'), 'utf8')).rules).map((r) => r.text));
  assert.ok(reasons.has(await card.locator('.why-list > li > p').first().textContent()), 'the reason is drawn in place');
  const whole = JSON.parse(readFileSync(join(ROOT, 'dist/pkg/categories.zh-CN.json'), 'utf8')).requirements['icp-filing'].summary;
  assert.equal(await card.locator('.req-summary').textContent(), whole, 'the whole summary is drawn in place');
  assert.equal(await rowLine.textContent(), whole);
  await page.waitForFunction(() => window.__printed === 1);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});
