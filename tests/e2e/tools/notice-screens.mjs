// Screenshots of the saved-answers notices (issue 20: links, damaged / newer / migrated records,
// another tab, failed saves) in both languages, on a phone and a desktop:
//   node tests/e2e/tools/notice-screens.mjs [out-dir]   (needs a built dist/)
// writes <out>/<lang>-<size>-<case>.png (default tests/artifacts/screens/notices).
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { launch, answerCurrent, ROOT, PHONE, DESKTOP } from '../helpers.mjs';
import { startServer } from '../../server.mjs';

const out = process.argv[2] || join(ROOT, 'tests/artifacts/screens/notices');
mkdirSync(out, { recursive: true });
const { url: BASE, close: stop } = await startServer({ root: join(ROOT, 'dist'), port: 0 });
const { browser, close } = await launch();

/** Starts the checker in `lang` (the attribute set before the element upgrades). */
const english = () =>
  new MutationObserver((_, o) => {
    const el = document.querySelector('mpcheck-app');
    if (el) el.setAttribute('lang', 'en'), o.disconnect();
  }).observe(document, { childList: true, subtree: true });
const fill = () => {
  let i = 0;
  for (let size = 1 << 20; size >= 1; ) {
    try {
      localStorage.setItem('fill.' + i++, 'x'.repeat(size));
    } catch {
      size = Math.floor(size / 2);
    }
  }
};
const ready = (page) => page.locator('mpcheck-app .notices .notice').first().waitFor({ timeout: 15000 });

/** Each case: sets storage up on a first page, then opens the page that shows the notice. */
const CASES = {
  link: async (page) => {
    await page.evaluate(() => localStorage.setItem('mpcheck', JSON.stringify({ v: 2, answers: { platform: 'wechat', product: 'mini_program' }, ticks: {} })));
    await page.reload();
    await page.locator('mpcheck-app .view .page-heading').first().waitFor({ timeout: 15000 });
    await page.goto(BASE + '#v=1&platform=douyin&product=mini_game');
  },
  damaged: async (page) => {
    await page.evaluate(() => localStorage.setItem('mpcheck', '{"v":1,"answers":{"platform":"wechat"'));
    await page.reload();
  },
  kept: async (page) => {
    await page.evaluate(() => localStorage.setItem('mpcheck', '{"v":9,"answers":{"platform":"wechat"' + ' '.repeat(3000)));
    await page.evaluate(fill);
    await page.reload();
    await ready(page);
    await page.locator('mpcheck-app .start-button').click();
    await answerCurrent(page, { platform: 'douyin' });
  },
  migrated: async (page) => {
    await page.evaluate(() => localStorage.setItem('mpcheck', JSON.stringify({ v: 1, answers: { platform: 'wechat', entity: 'company', old_question: 'x' }, ticks: {} })));
    await page.reload();
  },
  full: async (page) => {
    await page.evaluate(() => localStorage.setItem('mpcheck', JSON.stringify({ v: 2, answers: { platform: 'wechat' }, ticks: {} })));
    await page.evaluate(fill);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('mpcheck-app').engine);
    await page.evaluate(() => document.querySelector('mpcheck-app').setAnswer('product', 'mini_program'));
  },
  'other-tab': async (page, context, lang) => {
    const other = await context.newPage();
    if (lang === 'en') await other.addInitScript(english);
    await other.goto(BASE);
    await other.locator('mpcheck-app .start-button').click();
    await answerCurrent(other, { platform: 'douyin' });
  },
};

for (const lang of ['zh-CN', 'en']) {
  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    for (const [name, setUp] of Object.entries(CASES)) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
      const page = await context.newPage();
      if (lang === 'en') await page.addInitScript(english);
      await page.goto(BASE);
      await page.locator('mpcheck-app .view .page-heading').first().waitFor({ timeout: 15000 });
      await setUp(page, context, lang);
      await ready(page);
      await page.evaluate(() => window.scrollTo(0, 0)); // the notices are above the view
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, `${lang}-${size}-${name}.png`) });
      await context.close();
    }
  }
}
await close();
await stop();
console.log(`notice screens: ${out}`);
