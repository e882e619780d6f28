// Persistence, damaged storage, share links and hostile input (pasted text, URL fragment, storage).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, app, ready, answersOf, answerCurrent, shot, axe, PHONE, BASE } from './helpers.mjs';

let browser;
let close;
before(async () => ({ browser, close } = await launch()));
after(async () => close && close());

const storage = (page, key = 'mpcheck') => page.evaluate((k) => window.localStorage.getItem(k), key);
/** The raw texts kept in the dated backups (www/store/saved-answers.js). */
const backups = async (page) => JSON.parse((await storage(page, 'mpcheck.backups')) || '[]').map((b) => b.raw);

test('answers and checklist ticks persist over reload; the key is versioned', async () => {
  const { context, page } = await openPage(browser, PHONE);
  const a = app(page);
  await a.locator('.start-button').click();
  await answerCurrent(page, { platform: 'wechat', product: 'mini_program' }); // one question (www/app/pairs.js)
  await answerCurrent(page, { entity: 'individual' });
  const saved = JSON.parse(await storage(page));
  assert.equal(saved.v, 2);
  assert.deepEqual(saved.answers, { platform: 'wechat', product: 'mini_program', entity: 'individual' });
  await a.locator('.nav button[data-view="checklist"]').click();
  const boxes = a.locator('.task-list input[type=checkbox]');
  await boxes.first().waitFor({ timeout: 15000 }); // the checklist's component is imported when first shown
  const n = await boxes.count();
  assert.ok(n > 0, 'a WeChat mini-program has checks before submitting');
  await boxes.nth(n - 1).check();
  const id = await boxes.nth(n - 1).getAttribute('data-check');
  await page.reload();
  await ready(page);
  assert.deepEqual(await answersOf(page), { platform: 'wechat', product: 'mini_program', entity: 'individual' });
  await a.locator('.nav button[data-view="checklist"]').click();
  assert.equal(await a.locator(`input[data-check="${id}"]`).isChecked(), true);
  assert.equal(await a.locator('.task-list input:checked').count(), 1);
  await context.close();
});

test('a damaged stored value gives a clear message, keeps the value as a dated backup, and the checker works', async () => {
  const damaged = '{"v":1,"answers":{"platform":"wechat"'; // cut off mid-write
  const { context, page } = await openPage(browser, PHONE);
  await page.evaluate((v) => window.localStorage.setItem('mpcheck', v), damaged);
  await page.reload();
  await ready(page);
  const a = app(page);
  const notice = a.locator('.notice-warning');
  assert.equal(await notice.count(), 1);
  assert.match(await notice.textContent(), /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'the notice names the dated copy');
  assert.deepEqual(await backups(page), [damaged], 'the damaged value is kept, byte for byte');
  assert.deepEqual(await axe(page), []);
  await shot(page, 'phone-10-damaged-storage');
  // Still usable, and a second damaged value does not overwrite the first backup.
  await a.locator('.start-button').click();
  // The first question: what is listed, and where (one question, www/app/pairs.js).
  await answerCurrent(page, { platform: 'douyin', product: 'mini_program' });
  assert.equal(JSON.parse(await storage(page)).answers.platform, 'douyin');
  await page.evaluate(() => window.localStorage.setItem('mpcheck', 'not json at all'));
  await page.reload();
  await ready(page);
  assert.deepEqual(await backups(page), [damaged, 'not json at all']);
  await context.close();
});

test('an old stored layout is recovered with a message; unknown answers are dropped, nothing thrown', async () => {
  const old = JSON.stringify({ answers: { platform: 'wechat', entity: 'company', no_such_question: 'x', sells: ['own_goods', 'bogus'] } });
  const { context, page } = await openPage(browser, PHONE);
  await page.evaluate((v) => window.localStorage.setItem('mpcheck', v), old);
  await page.reload();
  await ready(page);
  const text = await app(page).locator('.notices').textContent();
  assert.match(text, /2/); // two answers recovered
  assert.deepEqual(await answersOf(page), { platform: 'wechat', entity: 'company' });
  assert.deepEqual(await backups(page), [old]);
  await context.close();
});

test('the share link round-trips, ignores unknown keys with a notice, and keeps the answers it replaced', async () => {
  const { context, page } = await openPage(browser, PHONE);
  const a = app(page);
  await a.locator('.start-button').click();
  const choice = { platform: 'wechat', product: 'mini_program', entity: 'company', foreign_share: 'not_sure', capital: 'not_sure', reach: 'several_provinces', own_platform: true, sells: ['virtual', 'paid_info'] };
  // Until the questions that matter for these answers include the not-sure ones.
  for (let i = 0; i < 12 && !('foreign_share' in (await answersOf(page)) && 'sells' in (await answersOf(page))); i++) await answerCurrent(page, choice);
  const sorted = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]));
  const mine = sorted(await answersOf(page));
  assert.equal(mine.foreign_share, 'not_sure');
  assert.deepEqual(mine.sells, ['paid_info', 'virtual']);
  // sync-url: the page's own fragment follows the answers.
  const frag = new URL(page.url()).hash;
  assert.match(frag, /^#v=1&platform=wechat/);
  await a.locator('.nav button[data-view="results"]').click();
  const link = await a.locator('input.share-link').inputValue();
  assert.equal(new URL(link).hash, frag);

  // Open the link in a fresh browser context: the same answers, shown on the results page.
  const other = await openPage(browser, PHONE, { url: link });
  assert.deepEqual(sorted(await answersOf(other.page)), mine);
  await app(other.page).locator('.results').waitFor(); // (once the files its names are in are here)
  assert.equal(await app(other.page).locator('.results').count(), 1);
  await other.context.close();

  // Unknown keys and bad values are ignored with a notice; the rest is read.
  const tampered = link.replace('entity=company', 'entity=martian') + '&future_question=1';
  assert.notEqual(tampered, link + '&future_question=1');
  const third = await openPage(browser, PHONE, { url: tampered });
  const t3 = await answersOf(third.page);
  assert.equal(t3.entity, undefined);
  assert.equal(t3.platform, 'wechat');
  assert.match(await app(third.page).locator('.notices').textContent(), /future_question/);
  assert.match(await app(third.page).locator('.notices').textContent(), /entity/);
  await third.context.close();

  // Opening a link over one's own saved answers keeps them restorable.
  await page.goto(BASE + '#v=1&platform=douyin');
  await page.waitForFunction(() => document.querySelector('mpcheck-app').answers.platform === 'douyin');
  assert.deepEqual(await answersOf(page), { platform: 'douyin' });
  // The link's answers are not saved over the reader's own: a reload does not lose them.
  assert.deepEqual(sorted(JSON.parse(await storage(page)).answers), mine);
  await a.locator('button[data-action="restore-previous"]').click();
  assert.deepEqual(sorted(await answersOf(page)), mine);
  await context.close();
});

test('copy result as Markdown gives the answers and the required items', async () => {
  const { context, page } = await openPage(browser, PHONE, { url: BASE + '#v=1&platform=wechat&product=mini_program&entity=company&sells=third_party' });
  const a = app(page);
  await a.locator('button[data-action="copy-md"]').click();
  // The Markdown writer is imported when first used: wait for the copy.
  await page.waitForFunction(() => document.querySelector('mpcheck-app').shadowRoot.querySelector('.copy-buffer')?.value);
  const md = await a.locator('.copy-buffer').inputValue();
  assert.match(md, /^# /);
  const names = await a.locator('section.group-required [data-row] .row-name').allTextContents();
  assert.ok(names.length > 0);
  for (const n of names) assert.ok(md.includes(n.replace(/([\\`*_[\]<>#|])/g, '\\$1')), `markdown lists ${n}`);
  assert.ok(md.includes('#v=1&platform=wechat'), 'markdown ends with the share link');
  await context.close();
});

// ---------- hostile input ----------

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><img src=x onerror=window.__xss=1>',
  "'><svg/onload=window.__xss=1>",
  '<iframe src="javascript:window.top.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1" id=xssa>x</a>',
  '<body onload=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '<input autofocus onfocus=window.__xss=1>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<object data="javascript:window.__xss=1">',
  '<embed src="javascript:window.__xss=1">',
  '<video><source onerror="window.__xss=1">',
  '<style>@import "http://evil.invalid/x.css";</style>',
  '<link rel=stylesheet href=http://evil.invalid/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1}',
  '<template><img src=x onerror=window.__xss=1></template>',
  '<marquee onstart=window.__xss=1>',
  '\u202e<img src=x onerror=window.__xss=1>',
  '%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E',
  '__proto__',
  'constructor',
];
const MARKUP = 'img,svg,script,iframe,object,embed,video,source,style:not(.x),math,marquee,template,meta,body,a[href^="javascript"],input[autofocus],details[ontoggle],link[href*="evil"]';

async function assertInert(page, where) {
  await page.waitForTimeout(50);
  const flag = await page.evaluate(() => window.__xss);
  assert.equal(flag, undefined, `payload executed (${where})`);
  const injected = await page.evaluate((sel) => document.querySelector('mpcheck-app').shadowRoot.querySelectorAll(sel).length, MARKUP);
  // The shadow root holds exactly one <link> (its stylesheet) and no element from a payload.
  assert.equal(injected, 0, `payload became markup (${where})`);
}

test(`${PAYLOADS.length} XSS payloads in the pasted rejection message stay text`, async () => {
  const { context, page, dialogs, foreign } = await openPage(browser, PHONE);
  const a = app(page);
  await a.locator('.nav button[data-view="diagnose"]').click();
  for (const p of PAYLOADS) {
    const text = `1:小程序内容不符合规则:<br>(1):${p} 请完善内容审核机制 ${p}`;
    await a.locator('.rejection textarea').fill(text);
    await a.locator('.rejection button[type=submit]').click();
    await a.locator('.diag-results h3').waitFor();
    await assertInert(page, 'pasted: ' + p);
    assert.equal(await a.locator('.rejection textarea').inputValue(), text);
  }
  assert.deepEqual(dialogs, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test(`${PAYLOADS.length} XSS payloads in the URL fragment are ignored as text`, async () => {
  const { context, page, dialogs, foreign, errors } = await openPage(browser, PHONE, { url: null });
  for (const p of PAYLOADS) {
    const enc = encodeURIComponent(p);
    await page.goto(`${BASE}#v=1&platform=${enc}&${enc}=1&sells=own_goods,${enc}&v=${enc}`);
    await ready(page);
    await assertInert(page, 'fragment: ' + p);
    const notices = await app(page).locator('.notices').textContent();
    assert.ok(notices.length > 0, 'a notice names the ignored keys');
    assert.equal((await answersOf(page)).platform, undefined);
    await page.goto('about:blank');
  }
  assert.deepEqual(dialogs, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test(`${PAYLOADS.length} XSS payloads in stored state are ignored as text`, async () => {
  const { context, page, dialogs, foreign, errors } = await openPage(browser, PHONE);
  for (const p of PAYLOADS) {
    const value = JSON.stringify({ v: 1, lang: p, mode: p, answers: { platform: p, [p]: p, sells: [p], capital: p }, ticks: { [p]: true, privacy: p } });
    await page.evaluate((v) => window.localStorage.setItem('mpcheck', v), value);
    await page.reload();
    await ready(page);
    await assertInert(page, 'storage: ' + p);
    assert.deepEqual(await answersOf(page), {});
    // The whole raw value as a damaged entry too.
    await page.evaluate((v) => window.localStorage.setItem('mpcheck', v), p);
    await page.reload();
    await ready(page);
    await assertInert(page, 'raw storage: ' + p);
    await page.evaluate(() => window.localStorage.clear());
  }
  assert.deepEqual(dialogs, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});
