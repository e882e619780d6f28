// Screenshots of every view of the checker, at 360 px (phone) and 1280 px (desktop), in Chinese and
// English, for comparing the page before and after a change (same script both times):
//   node tests/e2e/tools/screens.mjs <label> [--dist dist] [--operators]
// --operators: only issue 18's three operators' results (share links), per language and size:
// results top (the first screen), the whole results, the plan and one card (opened).
// serves dist/ on a free loopback port and writes tests/artifacts/screens/<label>/<lang>-<size>-<view>.png.
// Compare two labels with `node tests/e2e/tools/screens.mjs --compare before after` (pixel sizes and
// the share of differing bytes per shot; open the PNGs to judge them).
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launch, ROOT, ARTIFACTS, PHONE, DESKTOP, answerCurrent } from '../helpers.mjs';
import { startServer } from '../../server.mjs';
import { operators, shareHash } from '../results-layout.mjs';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: 'string', default: join(ROOT, 'dist') }, compare: { type: 'boolean', default: false }, operators: { type: 'boolean', default: false }, port: { type: 'string', default: '48151' } },
});

if (opts.compare) {
  const [a, b] = positionals;
  const da = join(ARTIFACTS, 'screens', a);
  const db = join(ARTIFACTS, 'screens', b);
  const names = [...new Set([...readdirSync(da), ...readdirSync(db)])].sort();
  for (const n of names) {
    if (!existsSync(join(da, n)) || !existsSync(join(db, n))) {
      console.log(`${n}: only in ${existsSync(join(da, n)) ? a : b}`);
      continue;
    }
    const x = readFileSync(join(da, n));
    const y = readFileSync(join(db, n));
    // PNG IHDR: width and height at bytes 16..24.
    const dim = (p) => `${p.readUInt32BE(16)}x${p.readUInt32BE(20)}`;
    console.log(`${n}: ${x.equals(y) ? 'identical' : `differs (${dim(x)} → ${dim(y)})`}`);
  }
  process.exit(0);
}

const label = positionals[0] || 'shots';
const out = join(ARTIFACTS, 'screens', label);
mkdirSync(out, { recursive: true });
// A fixed port: the share link on the results shows the page's URL, which must be the same both times.
const server = await startServer({ root: opts.dist, port: Number(opts.port), tries: 0 });
const BASE = server.url.replace(/\/?$/, '/');
const { browser, close } = await launch();
const RESULTS = '#v=1&platform=wechat&product=mini_program&entity=company&sells=third_party';
const REJECTION = '你的小程序"同步币市行情"代码发布审核未通过,原因如下: 1:小程序涉及提供虚拟货币交易服务，属于平台未开放的服务范围。';

/** No card or source list is waiting for its texts (categories.<lang>.json), nothing is loading. */
async function settled(page) {
  await page
    .waitForFunction(
      () => {
        const r = document.querySelector('mpcheck-app')?.shadowRoot;
        return !!r && !r.querySelector('[data-pending-details], .source-pending, .loading, .waiting');
      },
      null,
      { timeout: 10000 },
    )
    .catch(() => {});
  await page.waitForTimeout(300);
}

async function open(lang, viewport, { hash = '', stored } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  const state = stored !== undefined ? stored : lang === 'en' ? JSON.stringify({ v: 1, answers: {}, ticks: {}, lang: 'en', mode: 'one' }) : null;
  if (state !== null) await page.addInitScript((s) => localStorage.getItem('mpcheck.seeded') || (localStorage.setItem('mpcheck', s), localStorage.setItem('mpcheck.seeded', '1')), state);
  await page.goto(BASE + hash);
  await page.locator('mpcheck-app .view .page-heading').first().waitFor({ timeout: 15000 });
  await settled(page);
  return { context, page };
}

const el = (page) => page.locator('mpcheck-app');
const nav = (page, view) => el(page).locator(`.nav button[data-view="${view}"]`).click();

for (const lang of opts.operators ? ['zh-CN', 'en'] : []) {
  for (const [size, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', DESKTOP]]) {
    for (const op of operators()) {
      const name = (view) => join(out, `${op.id}-${lang}-${size}-${view}.png`);
      const { context, page } = await open(lang, viewport, { hash: shareHash(op.answers) });
      await el(page).locator('.results .outcome').waitFor();
      await settled(page);
      await page.screenshot({ path: name('top') });
      await page.screenshot({ path: name('results'), fullPage: true });
      await el(page).locator('.plan').screenshot({ path: name('plan') });
      const row = el(page).locator('.group-required details.req-row').first();
      await row.locator(':scope > summary').click();
      await row.screenshot({ path: name('card') });
      await context.close();
    }
    console.log(`screens: operators ${lang} ${size} done`);
  }
}
for (const lang of opts.operators ? [] : ['zh-CN', 'en']) {
  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    const name = (view) => join(out, `${lang}-${size}-${view}.png`);
    const full = async (page, view) => {
      await settled(page);
      await page.screenshot({ path: name(view), fullPage: true });
    };
    // Start page, first question.
    {
      const { context, page } = await open(lang, viewport);
      await full(page, 'start');
      await el(page).locator('.start-button').click();
      await el(page).locator('.question-page').waitFor();
      await full(page, 'question');
      await context.close();
    }
    // Results and their parts, check answers, the category picker, checklist, rejection help.
    {
      const { context, page } = await open(lang, viewport, { hash: RESULTS });
      await el(page).locator('.results').waitFor();
      await settled(page);
      await full(page, 'results');
      await el(page).locator('.group-required details.req-row > summary').first().click();
      await el(page).locator('.group-required article.req').first().screenshot({ path: name('requirement-card') });
      await el(page).locator('.plan').screenshot({ path: name('plan') });
      await el(page).locator('.what-if-box > summary').click();
      await el(page).locator('.what-if').screenshot({ path: name('what-if') });
      await el(page).locator('.share').screenshot({ path: name('share') });
      await nav(page, 'checklist');
      await el(page).locator('.checklist').waitFor();
      await full(page, 'checklist');
      await nav(page, 'diagnose');
      await el(page).locator('.rejection textarea').fill(REJECTION);
      await el(page).locator('.rejection button[type=submit]').click();
      await el(page).locator('.diag-results h3').waitFor();
      await full(page, 'rejection-help');
      await nav(page, 'summary');
      await el(page).locator('.check-answers').waitFor();
      await full(page, 'check-answers');
      // Continue the questions to the category picker (only the questions that matter are asked).
      await el(page).locator('.check-answers button[data-action="resume"]').click();
      for (let i = 0; i < 20 && !(await el(page).locator('.picker').count()); i++) {
        await el(page).locator('.question-page').waitFor();
        if (!(await el(page).locator('.picker').count())) await answerCurrent(page);
      }
      await el(page).locator('.picker').waitFor();
      await full(page, 'question-later');
      await el(page).locator('.picker input[type=search]').fill(lang === 'en' ? 'game' : 'yx');
      await page.waitForTimeout(500);
      await full(page, 'category-picker');
      if (size === 'desktop') {
        await el(page).locator('.mode-toggle').click();
        await el(page).locator('.all-questions').waitFor();
        await full(page, 'all-questions');
      }
      await context.close();
    }
    // Storage notices: a damaged stored value.
    {
      const { context, page } = await open(lang, viewport, { stored: '{"v":1,"answers":' });
      await el(page).locator('.notice').first().waitFor();
      await full(page, 'notice-damaged');
      await context.close();
    }
    // A file that does not load (the catalogue): the results view says so.
    {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.route(`**/pkg/catalogue.${lang}.json`, (r) => r.fulfill({ status: 404, body: 'not found' }));
      if (lang === 'en') await page.addInitScript(() => localStorage.setItem('mpcheck', JSON.stringify({ v: 1, answers: {}, ticks: {}, lang: 'en', mode: 'one' })));
      await page.goto(BASE + RESULTS);
      await el(page).locator('.load-error').first().waitFor({ timeout: 15000 }).catch(() => {});
      await page.waitForTimeout(500);
      await page.screenshot({ path: name('load-error'), fullPage: true });
      await context.close();
    }
    console.log(`screens: ${lang} ${size} done`);
  }
}
await close();
await server.close();
console.log(`screens: ${readdirSync(out).length} shots in ${out}`);
