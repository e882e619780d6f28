// Shared helpers for the browser end-to-end tests of the page (<mpcheck-app> in dist/).
// MPCHECK_URL: base URL of a static server on dist/ (scripts/test.sh sets it).
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { expandCatalogue, mergeNames } from '../../www/wasm-loader.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BASE = (process.env.MPCHECK_URL || 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
export const ARTIFACTS = process.env.MPCHECK_ARTIFACTS || join(ROOT, 'tests/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 900 };

/** Launch Chromium as the machine allows (no downloads, no background traffic). */
export async function launch() {
  // Playwright's launch() always starts from a new, empty temporary user-data dir.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const close = () => browser.close();
  return { browser, close };
}

/**
 * A fresh context and page that records every request outside the served origin, page errors and dialogs.
 * @returns {Promise<{context: any, page: any, foreign: string[], errors: string[], dialogs: string[]}>}
 */
export async function openPage(browser, viewport = PHONE, { url = BASE, init } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  const origin = new URL(BASE).origin;
  const foreign = [];
  const errors = [];
  const dialogs = [];
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) foreign.push(u);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  if (init) await page.addInitScript(init);
  if (url) {
    await page.goto(url);
    await ready(page);
  }
  return { context, page, foreign, errors, dialogs };
}

/**
 * Wait until the checker has rendered its first screen and its engine is ready (the first screen
 * may come from pkg/questions.<lang>.json before the wasm; tests/e2e/speed.test.mjs covers that).
 */
export async function ready(page) {
  await page.locator('mpcheck-app .view .page-heading').first().waitFor({ state: 'visible', timeout: 15000 });
  await page.waitForFunction(
    () => [...document.querySelectorAll('mpcheck-app')].every((el) => el.engine || el.shadowRoot?.querySelector('.load-error')),
    null,
    { timeout: 15000 },
  );
}

/** The app locator (Playwright's CSS pierces open shadow roots). */
export const app = (page) => page.locator('mpcheck-app').first();

/** Run axe-core on the document and inside the checker's shadow root; returns the violations. */
export async function axe(page) {
  const has = await page.evaluate(() => typeof window.axe === 'object');
  // page.addScriptTag({content}) is an inline script, which the page's own CSP rightly blocks;
  // evaluating the source through the DevTools protocol is not subject to it and keeps the CSP on.
  if (!has) await page.evaluate(AXE_SOURCE + '\n;void 0');
  return page.evaluate(async () => {
    const opts = { resultTypes: ['violations'] };
    const host = document.querySelector('mpcheck-app');
    const whole = await window.axe.run(document, opts);
    // Also run inside the shadow root explicitly (axe walks it from the document too; this
    // catches anything its context rules would skip).
    const inner = host && host.shadowRoot ? await window.axe.run({ include: [[['mpcheck-app', '.app']]] }, opts) : { violations: [] };
    const seen = new Set();
    const out = [];
    for (const v of [...whole.violations, ...inner.violations]) {
      for (const n of v.nodes) {
        const key = v.id + ' ' + JSON.stringify(n.target);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(`${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] || v.help}`);
      }
    }
    return out;
  });
}

/** Screenshot into tests/artifacts/. */
export async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The engine itself, loaded in node with its words (tests/node/engine.mjs: the wasm module
 * dist/pkg/ holds, through www/engine.js and www/describe.js), to compare with the UI. */
export async function engine() {
  process.env.MPCHECK_PKG ||= join(process.env.MPCHECK_DIST || join(ROOT, 'dist'), 'pkg');
  return (await import('../node/engine.mjs')).mp;
}

/** The catalogue (names and long texts) the page loads, with the WeChat categories' records, read from the same dist/ and expanded as the page does. */
export function catalogue(lang) {
  const dist = process.env.MPCHECK_DIST || join(ROOT, 'dist');
  const read = (name) => JSON.parse(readFileSync(join(dist, `pkg/${name}.${lang}.json`), 'utf8'));
  return mergeNames(expandCatalogue(read('catalogue')), read('names'));
}

/** Current answers, as the element reports them in its mpcheck:change event / property. */
export async function answersOf(page) {
  return page.evaluate(() => JSON.parse(JSON.stringify(document.querySelector('mpcheck-app').answers)));
}

/** The heading of the current view. */
export async function heading(page) {
  return (await app(page).locator('.view .page-heading').first().textContent()).trim();
}

/**
 * Answer the question on screen. `choice` maps question id → what to pick:
 *   string[] of option ids (several_of), option id (one_of), true/false (yes_no), number, 'not_sure'.
 * Unlisted questions get a default: first option, "no", "none of these", 100, or skip for categories.
 */
export async function answerCurrent(page, choice = {}) {
  const a = app(page);
  const fs = a.locator('.question-page fieldset.field');
  const qid = await fs.getAttribute('data-question');
  const q = await page.evaluate((id) => document.querySelector('mpcheck-app').qsById.get(id), qid);
  // A pair asked as one (www/app/pairs.js: platform and product): its first option that has the
  // answers `choice` names (the other one's first option where it names one only).
  const pair = q.sets?.some((k) => k in choice) ? q.options.find((o) => q.sets.every((k, i) => !(k in choice) || o.id.split('+')[i] === choice[k]))?.id : undefined;
  const want = pair ?? (qid in choice ? choice[qid] : defaultAnswer(q));
  const pick = async (oid) => {
    await fs.locator(`input[value="${oid}"]`).first().check();
  };
  if (want === 'skip') {
    await a.locator('button[data-action="skip"]').click();
    return qid;
  }
  if (q.kind === 'number') {
    if (want === 'not_sure') await fs.locator('input[type=checkbox]').check();
    else await fs.locator('input.number-input').fill(String(want));
  } else if (want === 'not_sure') await pick('not_sure');
  else if (q.kind === 'yes_no') await pick(want ? 'yes' : 'no');
  else if (q.kind === 'several_of' && Array.isArray(want)) {
    if (!want.length) await pick('__none__');
    for (const oid of want) {
      if (fs.locator('.picker').count && (await fs.locator('.picker').count())) {
        await fs.locator('input[type=search]').fill(oid.query);
        await fs.locator('.picker-results input').first().check();
      } else await pick(oid);
    }
  } else await pick(want);
  await a.locator('.question-page button[type=submit]').click();
  return qid;
}

function defaultAnswer(q) {
  if (q.id === 'wechat_categories') return 'skip';
  if (q.kind === 'yes_no') return false;
  if (q.kind === 'several_of') return [];
  if (q.kind === 'number') return 100;
  return q.options[0].id;
}

/** Answer questions until the check-answers page. Returns the question ids seen, in order. */
export async function answerAll(page, choice = {}) {
  const seen = [];
  for (let i = 0; i < 60; i++) {
    // A view may be loading what it needs first (the catalogue, the category picker): wait for it.
    await app(page).locator('.question-page, .check-answers, .load-error').first().waitFor({ timeout: 15000 });
    const onQuestion = await app(page).locator('.question-page').count();
    if (!onQuestion) break;
    seen.push(await answerCurrent(page, choice));
  }
  return seen;
}
