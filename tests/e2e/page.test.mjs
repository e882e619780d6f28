// The page end to end: the full flow on a phone and on desktop (screenshots in tests/artifacts/),
// axe-core on every screen, no request to any other origin, and the results matching the engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, catalogue, app, axe, shot, engine, answersOf, heading, answerAll, answerCurrent, PHONE, DESKTOP, BASE } from './helpers.mjs';

let browser;
let close;
let mp;
before(async () => {
  ({ browser, close } = await launch());
  mp = await engine();
});
after(async () => close && close());

async function noViolations(page, screen) {
  const v = await axe(page);
  assert.deepEqual(v, [], `axe violations on ${screen}:\n${v.join('\n')}`);
}

/** Ids of the requirements listed in one results group (a row each; its card is drawn when opened). */
async function groupIds(page, status) {
  return app(page).locator(`section.group-${status} [data-row]`).evaluateAll((els) => els.map((e) => e.dataset.row));
}

const LIVE_SHOP = {
  platform: 'wechat',
  product: 'mini_program',
  entity: 'company',
  foreign_share: 'none',
  capital: 100,
  reach: 'one_province',
  own_platform: false,
  sells: ['own_goods', 'third_party'],
  goods: ['general'],
  content: ['live', 'ugc'],
  live_kind: ['commerce'],
};

test('full flow on a 360 px phone: questions, check answers, results, plan, checklist, rejection help', async () => {
  const { context, page, foreign, errors, dialogs } = await openPage(browser, PHONE);
  const a = app(page);
  await shot(page, 'phone-01-start');
  await noViolations(page, 'start page');
  await a.locator('.start-button').click();
  // The first question is the engine's best-ranked one.
  // The engine's first question, asked with the product as one when it is the platform (www/app/pairs.js).
  const next = mp.evaluate({}, 'zh-CN').flow.next;
  const firstQ = next === 'platform' || next === 'product' ? 'platform+product' : next;
  assert.equal(await heading(page), await page.evaluate((id) => document.querySelector('mpcheck-app').qsById.get(id).text, firstQ));
  await noViolations(page, 'first question');
  await shot(page, 'phone-02-question');

  // Continue without an answer: error summary takes focus, the field shows the error.
  await a.locator('.question-page button[type=submit]').click();
  const summary = a.locator('.error-summary');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('mpcheck-app').shadowRoot.activeElement?.className), 'error-summary');
  assert.equal(await a.locator('fieldset.has-error').count(), 1);
  await noViolations(page, 'question with error');
  await shot(page, 'phone-03-error');
  // The error link moves focus to the first option.
  await summary.locator('button').click();
  assert.equal(await page.evaluate(() => document.querySelector('mpcheck-app').shadowRoot.activeElement?.type), 'radio');

  const LIVE_CHAT = { ...LIVE_SHOP, content: ['live', 'ugc', 'chat'] };
  const seen = await answerAll(page, { ...LIVE_CHAT, sector: [] });
  // Only relevant questions were asked: no mini-game questions, no pilot-zone question without foreign shares.
  assert.ok(!seen.includes('game_pay') && !seen.includes('game_type') && !seen.includes('pilot_zone'), seen.join());
  assert.ok(seen.includes('live_kind') && seen.includes('goods'), seen.join());
  await a.locator('.check-answers').waitFor();
  await noViolations(page, 'check answers');
  await shot(page, 'phone-04-check-answers');
  const answers = await answersOf(page);
  const norm = (v) => (Array.isArray(v) ? [...v].sort() : v);
  for (const [k, v] of Object.entries(LIVE_CHAT)) assert.deepEqual(norm(answers[k]), norm(v), k);

  // Change link returns to the summary.
  await a.locator('.summary-row', { hasText: await page.evaluate(() => document.querySelector('mpcheck-app').qsById.get('capital').text) }).locator('button').click();
  await a.locator('input.number-input').fill('1000');
  await a.locator('.question-page button[type=submit]').click();
  await a.locator('.check-answers').waitFor();
  assert.equal((await answersOf(page)).capital, 1000);

  // Results: the groups hold exactly what the engine says for these answers.
  await a.locator('.check-answers button[data-view="results"]').click();
  await a.locator('.results').waitFor();
  const report = mp.evaluate(await answersOf(page), 'zh-CN');
  for (const status of ['required', 'not_accepted']) {
    const expected = report.requirements.filter((i) => i.status === status).map((i) => i.id);
    assert.deepEqual((await groupIds(page, status)).sort(), expected.sort(), status);
  }
  assert.ok((await groupIds(page, 'required')).length > 0, 'something is required for a live-streaming shop');
  // Why: the user's answers in the questions' words.
  const first = report.requirements.find((i) => i.status === 'required' && i.because.some((b) => b.answers.length));
  await a.locator(`section.group-required details[data-row="${first.id}"] > summary`).click();
  const card = a.locator(`article.req[data-req="${first.id}"]`);
  const qid = first.because.find((b) => b.answers.length).answers[0];
  assert.ok((await card.locator('.why').textContent()).includes(report.answers[qid].answer));
  // Plan: steps in the engine's order and the total.
  // The first steps (the earliest the operator can take) at the top, the others in the plan, in the engine's order.
  const steps = await a.locator('.plan-step .step-name').allTextContents();
  const cat = catalogue('zh-CN');
  const names = report.plan.steps.map((s) => cat.requirements[s.id].name);
  assert.deepEqual([...steps].sort(), [...names].sort());
  const rest = await a.locator('.plan .plan-step .step-name').allTextContents();
  assert.deepEqual(rest, names.filter((n) => rest.includes(n)));
  if (report.plan.steps.length) assert.ok((await a.locator('.plan-total').textContent()).includes(String(report.plan.total[1])));
  // What-if: removing live streaming changes something, shown for that option.
  const noLive = mp.evaluate({ ...(await answersOf(page)), content: ['ugc'] }, 'zh-CN');
  const liveDriven = report.requirements.filter((i) => i.status === 'required' && noLive.requirements.find((j) => j.id === i.id)?.status !== 'required');
  if (liveDriven.length) {
    await a.locator('.what-if-box > summary').click();
    await a.locator('.what-if').waitFor();
    const item = a.locator('.what-if-item[data-question="content"][data-option="live"]');
    assert.equal(await item.count(), 1);
    assert.ok((await item.textContent()).includes(cat.requirements[liveDriven[0].id].name));
  }
  await noViolations(page, 'results');
  await shot(page, 'phone-05-results');

  // Checklist: tick an item.
  await a.locator('.nav button[data-view="checklist"]').click();
  await a.locator('.checklist').waitFor();
  const boxes = a.locator('.task-list input[type=checkbox]');
  assert.equal(await boxes.count(), report.checklist.length);
  if (report.checklist.length) {
    // Its texts come from categories.<lang>.json (loaded after the first result): titles, not ids.
    const first = report.checklist[0].id;
    const title = await a.locator(`label[for] >> nth=0`).textContent();
    assert.ok(title && !title.includes(first), `the first task shows its title, not its id ${first}: ${title}`);
    await boxes.first().check();
    assert.match(await a.locator('.checklist-progress').textContent(), new RegExp('1\\D+' + report.checklist.length));
  }
  await noViolations(page, 'checklist');
  await shot(page, 'phone-06-checklist');

  // Rejection help: a real message gives causes; they match the engine's diagnose().
  await a.locator('.nav button[data-view="diagnose"]').click();
  const msg = '失败原因1审核失败原因 存在登录功能不符合运营规范问题,违反 《微信小程序平台运营规范常见拒绝情形3.4》 详情描述 你好,小程序账号登录功能暂未符合规范要求,请在首页补充说明使用账号登录的原因,让用户了解具体服务功能后,再引导用户进行账号注册或账号登录。请整改后再重新提交';
  await a.locator('.rejection textarea').fill(msg);
  await a.locator('.rejection button[type=submit]').click();
  const causes = mp.diagnose(msg, 'zh-CN');
  assert.ok(causes.length > 0);
  assert.deepEqual(await a.locator('.diag-results article.cause').evaluateAll((els) => els.map((e) => e.dataset.cause)), causes.map((c) => c.id));
  await noViolations(page, 'rejection help');
  await shot(page, 'phone-07-rejection');

  // Language switch: English throughout, same answers.
  await a.locator('.lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal((await a.locator('.nav button[data-view="results"]').textContent()).trim(), 'Results');
  await a.locator('.nav button[data-view="results"]').click();
  assert.equal(await heading(page), 'Your results');
  assert.ok(!/[\u4e00-\u9fff]/.test(await a.locator('.outcome .overview-line').textContent()), 'overview has no Chinese in English mode');
  await noViolations(page, 'results in English');
  await shot(page, 'phone-08-results-en');

  assert.deepEqual(foreign, [], 'requests to other origins');
  assert.deepEqual(errors, [], 'page errors');
  assert.deepEqual(dialogs, []);
  await context.close();
});

test('desktop: all questions on one page with live results, category picker by pinyin initials and English', async () => {
  const { context, page, foreign, errors } = await openPage(browser, DESKTOP);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const a = app(page);
  await noViolations(page, 'desktop start');
  await a.locator('.start-button').click();
  await a.locator('button[data-action="toggle-mode"]').click();
  await a.locator('.all-questions').waitFor();
  assert.ok(await a.locator('.live-results').isVisible(), 'live results beside the questions');
  // Questions that do not apply are hidden; answering makes them appear.
  const fs = (id) => a.locator(`.all-questions fieldset[data-question="${id}"]`);
  assert.equal(await fs('foreign_share').isVisible(), false);
  await fs('platform').locator('input[value="wechat"]').check();
  await fs('product').locator('input[value="mini_program"]').check();
  await fs('entity').locator('input[value="company"]').check();
  assert.equal(await fs('foreign_share').isVisible(), true);
  await fs('content').locator('input[value="live"]').check();
  await fs('live_kind').locator('input[value="performance"]').check();
  // Live results update as answers change.
  const live = await a.locator('.live-results .live-item').count();
  const expected = mp.evaluate(await answersOf(page), 'zh-CN').requirements.filter((i) => ['required', 'possible', 'not_accepted'].includes(i.status) && (i.status !== 'not_needed')).length;
  assert.equal(live, expected);

  // Category picker: filtered by entity, matches pinyin initials and English names.
  const picker = fs('wechat_categories');
  const cat = catalogue('zh-CN');
  const catEn = catalogue('en');
  const cats = Object.values(cat.requirements).filter((r) => r.group === 'wechat_category');
  const forCompany = cats.filter((r) => r.entities.includes('company'));
  assert.match(await picker.locator('.picker-count').textContent(), new RegExp(String(forCompany.length)));
  const target = forCompany.find((r) => /社区/.test(r.name)) || forCompany[0];
  const { initialsOf, loadInitials } = await import('../../www/components/category-picker/search.js');
  await loadInitials();
  const letters = initialsOf(target.name.replace(/[^\u4e00-\u9fff]/g, '')).map((s) => s[0]).join('').slice(-4);
  // The pinyin table and the English names are fetched with the first query in Latin letters.
  const shown = async (name) => {
    for (let i = 0; i < 50; i++) {
      const got = await picker.locator('.picker-results .choice-label > span:first-child').allTextContents();
      if (got.includes(name)) return got;
      await page.waitForTimeout(100);
    }
    return picker.locator('.picker-results .choice-label > span:first-child').allTextContents();
  };
  await picker.locator('input[type=search]').fill(letters);
  const names = await shown(target.name);
  assert.ok(names.includes(target.name), `initials "${letters}" find ${target.name}: got ${names.slice(0, 5)}`);
  const en = catEn.requirements[target.id].name.split(/[›>]/).pop().trim();
  await picker.locator('input[type=search]').fill(en);
  assert.ok((await shown(target.name)).includes(target.name), `English "${en}"`);
  // An everyday English word finds the category it means through the search index ("tea": a tea shop).
  const tea = forCompany.find((r) => /食品饮料/.test(r.name) && /商家自营/.test(r.name));
  assert.ok(tea, 'a company may sell food and drink in its own shop');
  await picker.locator('input[type=search]').fill('tea');
  assert.ok((await shown(tea.name)).includes(tea.name), `"tea" finds ${tea.name}`);
  await picker.locator('input[type=search]').fill(en);
  await shown(target.name);
  // For English names the picker loads the categories' names alone, not the English catalogue.
  assert.ok(requested.some((p) => p.endsWith('/pkg/names.en.json')), 'names.en.json loaded');
  assert.ok(!requested.some((p) => p.endsWith('/pkg/catalogue.en.json')), 'catalogue.en.json not loaded');
  await picker.locator(`.picker-results input[value="${target.id}"]`).check();
  assert.deepEqual((await answersOf(page)).wechat_categories, [target.id]);
  assert.equal(await picker.locator('.chip').count(), 1);
  await noViolations(page, 'all questions on one page');
  await shot(page, 'desktop-01-all-questions');

  await a.locator('.nav button[data-view="results"]').click();
  await a.locator('.results').waitFor();
  assert.equal(await a.locator(`[data-row="${target.id}"]`).count(), 1, 'the picked category is in the results');
  await noViolations(page, 'desktop results');
  await shot(page, 'desktop-02-results');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: start, answer with arrows and space, continue with Enter', async () => {
  const { context, page } = await openPage(browser, PHONE);
  const a = app(page);
  await a.locator('.start-button').focus();
  await page.keyboard.press('Enter');
  await a.locator('.question-page').waitFor();
  // Focus is on the question heading; Tab reaches the back link, then the first radio.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    const type = await page.evaluate(() => document.querySelector('mpcheck-app').shadowRoot.activeElement?.type);
    if (type === 'radio') break;
  }
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  // The first question is the platform with the product (www/app/pairs.js): one choice, two answers.
  await page.waitForFunction(() => Object.keys(document.querySelector('mpcheck-app').answers).length === 2);
  assert.deepEqual(Object.values(await answersOf(page)).map((v) => typeof v), ['string', 'string']);
  // Visible focus: the focused control has an outline or box-shadow.
  await page.keyboard.press('Tab');
  const style = await page.evaluate(() => {
    const el = document.querySelector('mpcheck-app').shadowRoot.activeElement;
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow };
  });
  assert.ok(style.outline.startsWith('solid') || style.shadow !== 'none', JSON.stringify(style));
  await context.close();
});

test('the page without WebAssembly says so plainly', async () => {
  const { context, page } = await openPage(browser, PHONE, { url: null, init: () => { delete window.WebAssembly; } });
  await page.goto(BASE);
  await page.locator('#no-wasm').waitFor({ state: 'visible' });
  assert.match(await page.locator('#no-wasm').textContent(), /WebAssembly/);
  await noViolations(page, 'no WebAssembly');
  await shot(page, 'phone-09-no-wasm');
  await context.close();
});

test('nothing is loaded from another origin and the CSP is the strict one', async () => {
  const { context, page, foreign } = await openPage(browser, PHONE);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  // No inline scripts or styles, no style attributes anywhere.
  assert.equal(await page.locator('script:not([src])').count(), 0);
  assert.equal(await page.locator('style').count(), 0);
  assert.equal(await page.evaluate(() => [...document.querySelector('mpcheck-app').shadowRoot.querySelectorAll('[style]')].length + document.querySelectorAll('[style]').length), 0);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('a needs-confirming item says whom to ask on the first result, before the details file arrives', async () => {
  // An ad-funded game off WeChat: whether it needs a 版号 is for the publishing authority to confirm.
  const link = '#v=1&platform=douyin&product=mini_game&entity=company&foreign_share=none&capital=500&reach=several_provinces&own_platform=no&game_pay=ads&game_type=casual';
  const { context, page } = await openPage(browser, PHONE, { url: BASE + link });
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/pkg/categories.*.json', async (r) => {
    await held;
    await r.continue();
  });
  // The card is behind its row in the compact list: open it as a reader would.
  await app(page).locator('section.group-needs_confirming details[data-row="game-approval"] > summary').click({ timeout: 20000 });
  const card = app(page).locator('section.group-needs_confirming article.req[data-req="game-approval"]');
  await card.waitFor({ state: 'attached' });
  const ask = card.locator('.why-ask');
  assert.equal(await ask.count(), 1, 'whom to ask is on the card');
  assert.match(await ask.innerText(), /\S{4}/);
  release();
  await context.close();
});
