// Issue 18's results page, for its three operators opened from share links at 360 px: the outcome
// first (blockers, the first steps within two screens), the whole page with details closed within
// six screens (both languages), tap targets, no English in the Chinese page, no Chinese in the
// English one, nothing wider than the phone, axe clean in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, app, axe, engine, BASE, DESKTOP } from './helpers.mjs';
import { operators, shareHash, measure, SCREEN } from './results-layout.mjs';

let browser;
let close;
let mp;
before(async () => {
  ({ browser, close } = await launch());
  mp = await engine();
});
after(() => close());

/** The page's set-up for a language: English is chosen in the saved record (Chinese is the default). */
const inLang = (lang) => (lang === 'en' ? () => localStorage.setItem('mpcheck', JSON.stringify({ v: 1, answers: {}, ticks: {}, lang: 'en', mode: 'one' })) : undefined);

/** Opens an operator's share link in one language; resolves when the results are drawn. */
async function results(op, lang) {
  const opened = await openPage(browser, SCREEN, { url: BASE + shareHash(op.answers), init: inLang(lang) });
  await app(opened.page).locator('.results .outcome').waitFor();
  return opened;
}

/** The results page's own words: headings, the outcome's sentences, hints, tags, the plan's timings. */
function pageWords(page) {
  const own = '.page-heading, .outcome-verdict, .overview-line, .outcome-total, .alternative, .group-title, .hint, .layer-title, .step-when, .step-kind, .tag, .next-question > span, .more, summary:not(.req-row > summary), .disclaimer';
  return app(page).locator('.results').evaluate((el, sel) => [...el.querySelectorAll(sel)].map((e) => e.innerText).join('\n'), own);
}

/** Elements of the results that reach past the phone's right edge (text that does not wrap). */
function tooWide(page) {
  return app(page)
    .locator('.results')
    .evaluate((el) => [...el.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1).map((e) => `${e.className}: ${e.textContent.slice(0, 40)}`));
}

for (const op of operators()) {
  test(`${op.id}: the outcome and the first steps within two phone screens, the page within six`, async () => {
    const { context, page, errors } = await results(op, 'zh-CN');
    const m = await measure(page);
    const report = mp.evaluate(op.answers, 'zh-CN');
    console.log(`# ${op.id} 360 px: first step at ${m.toFirstStep} px (${(m.toFirstStep / SCREEN.height).toFixed(2)} screens), whole ${m.whole} px (${(m.whole / SCREEN.height).toFixed(2)} screens)`);
    assert.equal(m.openDetails, 0, 'every disclosure closed');
    if (report.plan.steps.length) assert.ok(m.toFirstStep !== null && m.toFirstStep <= 2 * SCREEN.height, `first plan step at ${m.toFirstStep} px`);
    assert.ok(m.whole <= 6 * SCREEN.height, `results ${m.whole} px high`);
    assert.deepEqual(await tooWide(page), [], 'nothing wider than the phone');
    const a = app(page);
    // What cannot happen comes first, in the outcome, with the refusing rule's words.
    const refused = report.requirements.filter((i) => i.status === 'not_accepted');
    assert.equal(await a.locator('.outcome .blocker').count(), refused.length + report.requirements.filter((i) => i.status === 'required' && i.problems.some((p) => p.blocks && p.certain)).length);
    // Where to apply is not named twice in a row: the second says "the same place" (同上一步).
    for (const list of await a.locator('ol.plan-steps').all()) {
      const where = await list.locator(':scope > li').evaluateAll((lis) => lis.map((li) => li.querySelector('.step-where')?.textContent || ''));
      for (let i = 1; i < where.length; i++) if (where[i]) assert.ok(where[i] !== where[i - 1] || /同上一步/.test(where[i]), `"${where[i]}" twice in a row`);
    }
    // Day 0–0 never shows; the total is a lower bound.
    const text = await a.locator('.results').innerText();
    assert.ok(!/第 0–0/.test(text), 'no "day 0–0"');
    const chrome = await pageWords(page);
    if (report.plan.steps.length) assert.match(await a.locator('.plan-total').innerText(), /^至少 \d+ 个工作日/);
    // Every row of the list: a disclosure with the card in it; taps of at least 44 px.
    for (const box of await a.locator('.req-row > summary').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) assert.ok(box >= 44, `row ${box} px`);
    // The Chinese page has no English words (product names and codes aside).
    // The page's own words (the rule texts' wording is checked on the data side, tests/node).
    const words = chrome.replace(/[\w.-]+\.(cn|com|net|org)\b\S*/g, ' ').replace(/errcode/g, ' ');
    const latin = (words.match(/[A-Za-z]{4,}/g) || []).filter((w) => !/^(WeChat|ICP|EDI|App|Android|iOS|Markdown)$/.test(w));
    assert.deepEqual(latin, [], 'English in the Chinese results');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${op.id}: the English results are English and axe clean`, async () => {
    const { context, page, errors } = await results(op, 'en');
    const text = await pageWords(page);
    // The Chinese term glossed in brackets or a quoted system message may stay; nothing else.
    const bare = text.replace(/[（(「“"][^()（）「」“”"]*[\u4e00-\u9fff][^()（）「」“”"]*[)）」”"]/g, ' ');
    assert.ok(!/[\u4e00-\u9fff]/.test(bare), `Chinese in the English results: ${(bare.match(/.{0,20}[\u4e00-\u9fff]+.{0,20}/) || [''])[0]}`);
    const m = await measure(page);
    console.log(`# ${op.id} 360 px, English: first step at ${m.toFirstStep} px (${(m.toFirstStep / SCREEN.height).toFixed(2)} screens), whole ${m.whole} px (${(m.whole / SCREEN.height).toFixed(2)} screens)`);
    // The same targets as the Chinese page: the first step within two screens, the page within six.
    assert.equal(m.openDetails, 0, 'every disclosure closed');
    if (mp.evaluate(op.answers, 'en').plan.steps.length) assert.ok(m.toFirstStep !== null && m.toFirstStep <= 2 * SCREEN.height, `first plan step at ${m.toFirstStep} px`);
    assert.ok(m.whole <= 6 * SCREEN.height, `English results ${m.whole} px high`);
    assert.deepEqual(await tooWide(page), [], 'nothing wider than the phone');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the mall on Douyin: the refusal names the platforms that accept it, and the checklist says the listing is blocked', async () => {
  const [op] = operators(['douyin-mall-live']);
  const { context, page } = await results(op, 'zh-CN');
  const a = app(page);
  assert.match(await a.locator('.outcome .outcome-verdict').first().innerText(), /不能在抖音上架/);
  const alt = await a.locator('.outcome .blocker-platform .alternative').first().innerText();
  const accepting = ['wechat', 'alipay', 'baidu', 'qq', 'kuaishou'].filter((p) => !mp.evaluate({ ...op.answers, platform: p }, 'zh-CN').requirements.some((i) => i.status === 'not_accepted' || (i.status === 'required' && i.problems.some((x) => x.blocks && x.certain))));
  if (accepting.length) assert.match(alt, /这些平台接受/);
  await a.locator('.nav button[data-view="checklist"]').click();
  await a.locator('.checklist-blocked').waitFor();
  assert.match(await a.locator('.checklist-blocked').innerText(), /还不能上架/);
  await context.close();
});

test('an individual live-streaming on WeChat is told once, at the top, what is closed to a personal account', async () => {
  const answers = { platform: 'wechat', product: 'mini_program', entity: 'individual', own_platform: false, sells: [], content: ['live'], live_kind: ['performance'], sector: [], personal_data: [], promotion: [] };
  const { context, page } = await results({ answers }, 'zh-CN');
  const a = app(page);
  const note = a.locator('.outcome .personal');
  assert.equal(await note.count(), 1);
  assert.match(await note.innerText(), /个人主体不能做/);
  assert.match(await note.innerText(), /公司/);
  // No card repeats the blocking warning about the entity.
  const report = mp.evaluate(answers, 'zh-CN');
  const closed = report.requirements.filter((i) => i.problems.some((p) => p.blocks && p.certain && p.answers.includes('entity')));
  assert.ok(closed.length > 0);
  for (const it of closed) {
    await a.locator(`details[data-row="${it.id}"] > summary`).click(); // a row draws its card when opened
    await a.locator(`article.req[data-req="${it.id}"]`).waitFor();
    assert.equal(await a.locator(`article.req[data-req="${it.id}"] .warning.blocks`).count(), 0, it.id);
  }
  await context.close();
});

test('results before any answer: within six phone screens in both languages, every item a row, a card drawn when its row opens', async () => {
  const report = mp.evaluate({}, 'zh-CN');
  const possible = report.requirements.filter((i) => i.status === 'possible').length;
  assert.ok(possible > 100, `${possible} possible items before any answer`);
  for (const lang of ['zh-CN', 'en']) {
    const { context, page, errors } = await openPage(browser, SCREEN, { url: BASE, init: inLang(lang) });
    const a = app(page);
    await a.locator('.nav button[data-view="results"]').click();
    await a.locator('.results .outcome').waitFor();
    const m = await measure(page);
    console.log(`# no answers, 360 px, ${lang}: whole ${m.whole} px (${(m.whole / SCREEN.height).toFixed(2)} screens)`);
    assert.ok(m.whole <= 6 * SCREEN.height, `${lang}: results ${m.whole} px high`);
    // The groups shown and the one disclosure with the others hold every possible item once.
    assert.equal(await a.locator('.group-possible details.req-row').count(), possible);
    assert.equal(await a.locator('.group-possible > .settle-more').count(), 1);
    assert.equal(await a.locator('article.req').count(), 0, 'no card drawn before its row is opened');
    const row = a.locator('.group-required details.req-row').first();
    await row.locator(':scope > summary').click();
    await row.locator('article.req').waitFor();
    assert.equal(await a.locator('article.req').count(), 1);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('desktop: the three operators\' results, a row opened and what-if opened, are axe clean in both languages', async () => {
  for (const op of operators()) {
    for (const lang of ['zh-CN', 'en']) {
      const { context, page, errors } = await openPage(browser, DESKTOP, { url: BASE + shareHash(op.answers), init: inLang(lang) });
      const a = app(page);
      await a.locator('.results .outcome').waitFor();
      await a.locator('details.req-row > summary').first().click();
      await a.locator('.what-if-box > summary').click();
      await a.locator('.what-if').waitFor();
      assert.deepEqual(await axe(page), [], `${op.id} ${lang}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});
