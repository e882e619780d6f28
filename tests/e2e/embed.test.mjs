// The checker embedded in someone else's page: the example documentation site
// (dist/examples/docs-site/, hostile global CSS, a strict CSP) and plain.html beside it (the same
// embed on a page without CSS). Also: sub-path and CDN serving, the wasm fallbacks, the first
// question before the catalogue, removal without leftovers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, answerCurrent, shot, BASE, PHONE, DESKTOP, ROOT } from './helpers.mjs';
import { startServer } from '../server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const DOCS = BASE + 'examples/docs-site/';
const STRICT = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let browser;
let close;
before(async () => ({ browser, close } = await launch()));
after(async () => close && close());

/** A page that records foreign requests, failed responses, page errors and CSP violations. */
async function open(viewport = DESKTOP, { url, base = BASE, init, route } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  const origin = new URL(base).origin;
  const rec = { foreign: [], failed: [], errors: [], console: [] };
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) rec.foreign.push(u);
  });
  page.on('response', (r) => r.status() >= 400 && rec.failed.push(`${r.status()} ${r.url()}`));
  page.on('pageerror', (e) => rec.errors.push(e.message));
  page.on('console', (m) => rec.console.push(`${m.type()}: ${m.text()}`));
  // Injected through the DevTools protocol: not subject to the page's CSP, and it sees every violation.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.__events = [];
    for (const type of ['mpcheck:change', 'mpcheck:result']) document.addEventListener(type, (e) => window.__events.push(`${type} ${e.target.id}`));
  });
  if (init) await page.addInitScript(init);
  if (route) await route(page);
  if (url) await page.goto(url);
  return { context, page, ...rec };
}

/**
 * Runs a route handler that forwards a request, ignoring the failure when the page has closed
 * while it was in flight (the checker prefetches files once idle, so a test can end mid-request).
 */
async function settle(handler) {
  try {
    await handler();
  } catch (e) {
    if (!/disposed|closed|Target page/.test(String(e))) throw e;
  }
}

const inst = (page, id = 'checker-main') => page.locator(`#${id}`);
const answersOf = (page, id) => page.evaluate((i) => JSON.parse(JSON.stringify(document.getElementById(i).answers)), id);
const cspViolations = (page) => page.evaluate(() => window.__csp);

async function waitQuestion(page, id = 'checker-main') {
  await inst(page, id).locator('.question-page .page-heading').waitFor({ timeout: 15000 });
}

/** Answer the question on screen in one instance (first option / "no" / none / skip categories). */
async function answerIn(page, id, choice = {}) {
  const el = inst(page, id);
  const fs = el.locator('.question-page fieldset.field');
  const qid = await fs.getAttribute('data-question');
  const q = await page.evaluate(([i, qid]) => document.getElementById(i).qsById.get(qid), [id, qid]);
  // A pair asked as one (www/app/pairs.js: platform and product): its option is the two answers.
  const pair = q.sets && q.sets.every((k) => k in choice) ? q.sets.map((k) => choice[k]).join('+') : undefined;
  const want = pair ?? (qid in choice ? choice[qid] : q.id === 'wechat_categories' ? 'skip' : q.kind === 'yes_no' ? 'no' : q.kind === 'several_of' ? '__none__' : q.kind === 'number' ? 100 : q.options[0].id);
  if (want === 'skip') await el.locator('button[data-action="skip"]').click();
  else if (q.kind === 'number') await fs.locator('input.number-input').fill(String(want));
  else await fs.locator(`input[value="${want}"]`).first().check();
  if (want !== 'skip') await el.locator('.question-page button[type=submit]').click();
  return qid;
}

async function answerAllIn(page, id, choice) {
  const seen = [];
  for (let i = 0; i < 60; i++) {
    // A view may be loading what it needs first (the catalogue, the category picker): wait for it.
    await inst(page, id).locator('.question-page, .check-answers, .load-error').first().waitFor({ timeout: 15000 });
    if (!(await inst(page, id).locator('.question-page').count())) break;
    seen.push(await answerIn(page, id, choice));
  }
  return seen;
}

const MARKETPLACE = { product: 'mini_program', entity: 'company', sells: 'third_party' };

test('on the hostile docs page, under its strict CSP: the embed renders, works end to end, and its events reach the page', async () => {
  const { context, page, foreign, failed, errors } = await open(DESKTOP, { url: DOCS });
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.ok(csp.includes(STRICT), csp);
  assert.equal(await page.locator('script:not([src]), style').count(), 0, 'the host page itself has no inline script or style');
  await waitQuestion(page);
  // compact + platform preset: straight to the second question, platform already answered.
  assert.deepEqual(await answersOf(page, 'checker-main'), { platform: 'wechat' });
  const seen = await answerAllIn(page, 'checker-main', MARKETPLACE);
  assert.ok(seen.includes('product') && seen.includes('sells'), seen.join(','));
  await inst(page).locator('.check-answers').waitFor();
  await inst(page).locator('.nav button[data-view="results"]').click();
  await inst(page).locator('.results').waitFor();
  const required = await inst(page).locator('.group-required .req-row').count();
  assert.ok(required >= 3, `required items: ${required}`);
  // The same answers, evaluated by the engine the page loaded, agree with what is shown.
  const ids = await page.evaluate(() => {
    const el = document.getElementById('checker-main');
    return el.report.requirements.filter((r) => r.status === 'required').map((r) => r.id);
  });
  assert.ok(ids.includes('vats-b21') && ids.includes('icp-filing'), ids.join(','));
  // Both instances fired their composed events; the page's own script (docs.js) logged them.
  const log = await page.locator('#event-log').textContent();
  assert.match(log, /#checker-main mpcheck:change/);
  assert.match(log, /#checker-main mpcheck:result — \d+ required/);
  const events = await page.evaluate(() => window.__events);
  for (const e of ['mpcheck:change checker-main', 'mpcheck:result checker-main', 'mpcheck:change checker-themed', 'mpcheck:result checker-themed']) {
    assert.ok(events.includes(e), `${e} in ${events.join(', ')}`);
  }
  // One change and one result per answer given (and one of each when an instance starts).
  const mainChanges = events.filter((e) => e === 'mpcheck:change checker-main').length;
  assert.equal(mainChanges, seen.length + 1);
  await shot(page, 'embed-01-docs-site');
  // Nothing blocked by the CSP, nothing from elsewhere, nothing missing, no inline style (Chromium
  // itself leaves an empty style="" on some form fields it has touched: that holds no style).
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('mpcheck-app')].flatMap((el) => [...el.shadowRoot.querySelectorAll('[style]:not([style=""])')].map((x) => x.outerHTML.slice(0, 200)))), []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(failed, []);
  assert.deepEqual(errors, []);
  await context.close();
});

// Computed properties compared for "no leak". Layout-resolved sizes (width, height, inset) are left
// out: they follow the surrounding column, which differs by design.
const PROPS = [
  'color', 'background-color', 'background-image', 'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant-caps',
  'font-feature-settings', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-indent',
  'text-shadow', 'text-decoration-line', 'white-space', 'display', 'position', 'box-sizing', 'visibility', 'opacity', 'cursor',
  'list-style-type', 'list-style-position', 'margin-top', 'margin-bottom', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-top-style', 'border-top-color', 'border-left-width', 'border-left-style', 'border-left-color',
  'border-bottom-width', 'border-bottom-style', 'border-radius', 'outline-style', 'box-shadow', 'transform', 'color-scheme',
  'accent-color', 'caret-color', 'hyphens', 'tab-size', 'quotes', '-webkit-text-fill-color', 'z-index',
];

/** Computed styles of every element in a root (document body, or an instance's shadow root). */
function snapshot(page, where) {
  return page.evaluate(
    ([where, props]) => {
      const root = where === 'document' ? document.body : document.getElementById(where).shadowRoot;
      const out = {};
      const walk = (el, path) => {
        if (el.id === 'event-log') return; // filled by the page's own script in reaction to the events
        if (el.tagName === 'MPCHECK-APP') {
          out[path] = 'mpcheck-app'; // the host box is the page's to style; its inside is checked separately
          return;
        }
        const s = getComputedStyle(el);
        out[path] = Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
        [...el.children].forEach((c, i) => walk(c, `${path}>${c.tagName.toLowerCase()}${c.className && typeof c.className === 'string' ? '.' + c.className.trim().split(/\s+/).join('.') : ''}[${i}]`));
      };
      // (In a shadow root, the <link> of its stylesheet is display: none and shows nothing: skipped.)
      [...root.children].forEach((c, i) => c.tagName !== 'LINK' && walk(c, `${c.tagName.toLowerCase()}[${i}]`));
      return out;
    },
    [where, PROPS],
  );
}

function diff(a, b) {
  const out = [];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(k in a) || !(k in b)) {
      out.push(`${k}: only in ${k in a ? 'first' : 'second'}`);
      continue;
    }
    if (typeof a[k] !== 'object') continue;
    for (const p of PROPS) if (a[k][p] !== b[k][p]) out.push(`${k} ${p}: ${a[k][p]} → ${b[k][p]}`);
  }
  return out;
}

test('no style leaks: the page is unchanged by the embed, and the embed is the same on the hostile page as on a plain one', async () => {
  // 1. The docs page without the embed (its module blocked), then with it: host elements unchanged.
  const without = await open(DESKTOP, { route: (p) => p.route('**/mpcheck-embed.js', (r) => r.abort()) });
  await without.page.goto(DOCS);
  await without.page.waitForLoadState('load');
  assert.equal(await without.page.evaluate(() => !!customElements.get('mpcheck-app')), false);
  const hostBefore = await snapshot(without.page, 'document');
  const headBefore = await without.page.evaluate(() => ({ head: document.head.innerHTML, sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length }));
  await without.context.close();

  const withEmbed = await open(DESKTOP, { url: DOCS });
  await waitQuestion(withEmbed.page);
  await inst(withEmbed.page, 'checker-themed').locator('.start-page .page-heading').waitFor();
  const hostAfter = await snapshot(withEmbed.page, 'document');
  const headAfter = await withEmbed.page.evaluate(() => ({ head: document.head.innerHTML, sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length }));
  assert.ok(Object.keys(hostBefore).length > 40, 'the page has content to compare');
  assert.deepEqual(diff(hostBefore, hostAfter), [], 'host elements changed when the embed arrived');
  assert.deepEqual(headAfter, headBefore, 'the embed added nothing to <head> or the document stylesheets');

  // 2. Inside the checker: the hostile page (html font-size 62.5%, * !important, dark) vs plain.html.
  const hostile = await snapshot(withEmbed.page, 'checker-main');
  const hostileHeading = await inst(withEmbed.page).locator('.page-heading').first().evaluate((h) => getComputedStyle(h).fontSize);
  const plain = await open(DESKTOP, { url: DOCS + 'plain.html' });
  await waitQuestion(plain.page);
  const calm = await snapshot(plain.page, 'checker-main');
  assert.ok(Object.keys(calm).length > 20, 'the checker has content to compare');
  assert.deepEqual(diff(calm, hostile), [], 'elements inside the checker differ between the plain and the hostile page');
  // A concrete check too: the page's root font size (10 px) does not shrink the checker.
  const plainHeading = await inst(plain.page).locator('.page-heading').first().evaluate((h) => getComputedStyle(h).fontSize);
  assert.equal(hostileHeading, plainHeading);
  assert.equal(plainHeading, '24px');
  await plain.context.close();

  // 3. The theming API does reach in: custom properties and ::part on the themed instance only.
  const p = withEmbed.page;
  const look = (id) =>
    p.evaluate((i) => {
      const r = document.getElementById(i).shadowRoot;
      return { border: getComputedStyle(r.querySelector('.app')).borderTopWidth, primary: getComputedStyle(r.querySelector('.button.primary')).backgroundColor, font: getComputedStyle(r.querySelector('.app')).fontFamily };
    }, id);
  const themed = await look('checker-themed');
  assert.equal(themed.border, '3px');
  assert.equal(themed.primary, 'rgb(91, 42, 134)');
  assert.match(themed.font, /Georgia/);
  const main = await inst(p).evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.app')).borderTopWidth);
  assert.equal(main, '0px');
  await withEmbed.context.close();
});

test('keyboard: from the docs page into the checker and through a question, with visible focus', async () => {
  const { context, page, errors } = await open(PHONE, { url: DOCS });
  await waitQuestion(page);
  await page.locator('#content h1').click(); // a starting point in the page, before the checker
  const where = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      if (a && a.id === 'checker-main') return { inside: true, tag: a.shadowRoot.activeElement?.tagName, type: a.shadowRoot.activeElement?.type };
      return { inside: false, tag: a?.tagName };
    });
  let w;
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    w = await where();
    if (w.inside && w.type === 'radio') break;
  }
  assert.ok(w.inside && w.type === 'radio', 'Tab reaches the first option: ' + JSON.stringify(w));
  // The host's `:focus { outline: none !important }` does not reach the checker's focus style.
  const focus = await page.evaluate(() => {
    const s = getComputedStyle(document.getElementById('checker-main').shadowRoot.activeElement);
    return { outline: s.outlineStyle, shadow: s.boxShadow };
  });
  assert.ok(focus.outline === 'solid' || focus.shadow !== 'none', JSON.stringify(focus));
  const q = await inst(page).locator('.question-page fieldset.field').getAttribute('data-question');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction((qid) => document.getElementById('checker-main').answers[qid] !== undefined, q);
  // Focus moved to the next question's heading inside the checker.
  await page.waitForFunction((qid) => document.getElementById('checker-main').shadowRoot.querySelector('fieldset.field')?.dataset.question !== qid, q);
  assert.equal((await where()).inside, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two instances on the docs page: separate answers, storage, language and events', async () => {
  const { context, page, errors } = await open(DESKTOP, { url: DOCS });
  await waitQuestion(page);
  const themed = inst(page, 'checker-themed');
  await themed.locator('.start-page .start-button').click();
  await waitQuestion(page, 'checker-themed');
  await page.evaluate(() => {
    window.__targets = [];
    document.addEventListener('mpcheck:change', (e) => window.__targets.push(e.target.id));
  });
  await answerIn(page, 'checker-themed', { platform: 'douyin', product: 'mini_program' }); // one question (www/app/pairs.js)
  await answerIn(page, 'checker-main', { product: 'mini_game' }); // its platform is preset: the product alone
  assert.deepEqual(await answersOf(page, 'checker-themed'), { platform: 'douyin', product: 'mini_program' });
  assert.deepEqual(await answersOf(page, 'checker-main'), { platform: 'wechat', product: 'mini_game' });
  assert.deepEqual(await page.evaluate(() => window.__targets), ['checker-themed', 'checker-main']);
  const stored = await page.evaluate(() => ({ a: JSON.parse(localStorage.getItem('docs-example')), b: JSON.parse(localStorage.getItem('docs-example-en')), plain: localStorage.getItem('mpcheck') }));
  assert.equal(stored.a.answers.product, 'mini_game');
  assert.equal(stored.b.answers.platform, 'douyin');
  assert.equal(stored.plain, null, 'the default key is not touched');
  // Languages are per instance: English in the themed one, Chinese in the main one.
  assert.equal(await themed.locator('.app').getAttribute('lang'), 'en');
  assert.equal(await inst(page).locator('.app').getAttribute('lang'), 'zh-CN');
  // Neither writes the host page's URL (no sync-url on this page).
  assert.equal(new URL(page.url()).hash, '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('removing an instance leaves nothing behind: listeners, timers, observers, storage', async () => {
  const init = () => {
    // Count what the page's code holds: live timeouts and observed elements.
    const live = new Set();
    const st = window.setTimeout;
    const ct = window.clearTimeout;
    window.setTimeout = function (fn, ms, ...rest) {
      const id = st.call(window, (...a) => {
        live.delete(id);
        if (typeof fn === 'function') fn(...a);
      }, ms, ...rest);
      live.add(id);
      return id;
    };
    window.clearTimeout = function (id) {
      live.delete(id);
      return ct.call(window, id);
    };
    window.__liveTimers = () => live.size;
    let observed = 0;
    const RO = window.ResizeObserver;
    window.ResizeObserver = class extends RO {
      constructor(cb) {
        super(cb);
        this.__n = 0;
      }
      observe(...a) {
        this.__n++;
        observed++;
        return super.observe(...a);
      }
      unobserve(...a) {
        if (this.__n) (this.__n--, observed--);
        return super.unobserve(...a);
      }
      disconnect() {
        observed -= this.__n;
        this.__n = 0;
        return super.disconnect();
      }
    };
    window.__observed = () => observed;
  };
  const { context, page, errors } = await open(DESKTOP, { url: DOCS, init });
  await waitQuestion(page);
  await inst(page, 'checker-themed').locator('.page-heading').first().waitFor();
  await page.waitForTimeout(300); // let the instances' own short timers (announcements) run out
  const cdp = await context.newCDPSession(page);
  const listeners = async () => {
    const out = {};
    for (const expr of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
      const { listeners: l } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      out[expr] = l.map((x) => x.type).sort();
    }
    return out;
  };
  const state = async () => ({
    listeners: await listeners(),
    timers: await page.evaluate(() => window.__liveTimers()),
    observed: await page.evaluate(() => window.__observed()),
    storage: await page.evaluate(() => Object.keys(localStorage).sort()),
  });
  const baseline = await state();
  assert.equal(baseline.observed, 2, 'the two instances on the page observe their own size');
  // A third instance, only looked at, then removed.
  await page.evaluate(() => {
    const el = document.createElement('mpcheck-app');
    el.id = 'third';
    el.setAttribute('storage-key', 'third');
    el.setAttribute('compact', '');
    el.setAttribute('sync-url', '');
    document.getElementById('content').append(el);
  });
  await waitQuestion(page, 'third');
  const during = await state();
  assert.equal(during.observed, 3);
  assert.ok(during.listeners.window.length > baseline.listeners.window.length, 'the instance listens on window while connected (hashchange, print)');
  await page.evaluate(() => document.getElementById('third').remove());
  await page.waitForTimeout(300);
  const afterRemoval = await state();
  assert.deepEqual(afterRemoval.listeners, baseline.listeners, 'window and document listeners back to what they were');
  assert.equal(afterRemoval.observed, baseline.observed, 'its ResizeObserver is disconnected');
  assert.ok(afterRemoval.timers <= baseline.timers, `no pending timers left (${afterRemoval.timers} > ${baseline.timers})`);
  assert.deepEqual(afterRemoval.storage, baseline.storage, 'an instance that was only looked at stores nothing');
  // Nor does it react to the host page any more.
  await page.evaluate(() => {
    location.hash = '#v=1&platform=qq';
  });
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.getElementById('third')?.answers.platform ?? null), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('served from a sub-path: every file is fetched under the sub-path, relative to the script', async () => {
  const server = await startServer({ root: join(ROOT, 'dist'), port: 0, prefix: '/docs/v2/tools/' });
  try {
    const url = server.url + 'examples/docs-site/';
    const { context, page, foreign, failed, errors } = await open(PHONE, { url: null, base: server.url });
    const paths = [];
    page.on('request', (r) => paths.push(new URL(r.url()).pathname));
    await page.goto(url);
    await waitQuestion(page);
    await answerIn(page, 'checker-main', MARKETPLACE);
    await page.waitForFunction(() => document.getElementById('checker-main').catalogue);
    for (const f of ['mpcheck-embed.js', 'mpcheck-app.css', 'pkg/mpcheck_bg.wasm', 'pkg/catalogue.zh-CN.json']) {
      assert.ok(paths.includes('/docs/v2/tools/' + f), `${f} fetched under the sub-path: ${paths.join(' ')}`);
    }
    assert.deepEqual(paths.filter((p) => !p.startsWith('/docs/v2/tools/')), []);
    assert.deepEqual(foreign, []);
    assert.deepEqual(failed, []);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('from a CDN: a page on another origin loads the script tag embed; its files come from the CDN, none from the page', async () => {
  // The host page lives on docs.example.test (fulfilled by the test); the served dist/ plays the
  // CDN, with the CORS header a CDN sends for module scripts.
  const host = 'http://docs.example.test/guide/deep/page.html';
  const cdnBase = BASE; // the served dist/ root
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>CDN host</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self' ${new URL(BASE).origin}; script-src 'self' ${new URL(BASE).origin} 'wasm-unsafe-eval'; style-src 'self' ${new URL(BASE).origin}">
</head>
<body><h1>Guide</h1><p>Below: the checker, from the CDN.</p>
<script type="module" src="${cdnBase}mpcheck-embed.js" data-lang="en" data-compact data-platform="qq"></script>
<p>After the checker.</p></body></html>`;
  const { context, page, errors } = await open(PHONE, {
    base: 'http://docs.example.test/',
    route: async (p) => {
      // (Playwright tries the routes registered last first.)
      await p.route('http://docs.example.test/**', (r) => r.fulfill({ status: 404, body: 'not here' }));
      await p.route(host, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await p.route(BASE + '**', (r) =>
        settle(async () => {
          const res = await r.fetch();
          await r.fulfill({ response: res, headers: { ...res.headers(), 'access-control-allow-origin': '*' } });
        }),
      );
    },
  });
  const hostRequests = [];
  page.on('request', (r) => r.url().startsWith('http://docs.example.test/') && hostRequests.push(r.url()));
  await page.goto(host);
  // Inserted right after its script tag, before the paragraph that follows it.
  const el = page.locator('body > script + mpcheck-app');
  assert.equal(await page.locator('body > mpcheck-app + p').textContent(), 'After the checker.');
  await el.locator('.question-page .page-heading').waitFor({ timeout: 15000 });
  assert.equal(await el.getAttribute('lang'), 'en');
  assert.deepEqual(await page.evaluate(() => JSON.parse(JSON.stringify(document.querySelector('mpcheck-app').answers))), { platform: 'qq' });
  assert.deepEqual(hostRequests, [host], 'nothing but the page itself is asked of the host origin');
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('wasm served as application/octet-stream, and a WebView without streaming compilation: the checker still loads', async () => {
  // 1. Wrong MIME type (a common static-host misconfiguration).
  {
    let served = 0;
    const { context, page, errors } = await open(PHONE, {
      route: (p) =>
        p.route('**/pkg/mpcheck_bg.wasm', (r) =>
          settle(async () => {
            const res = await r.fetch();
            served++;
            await r.fulfill({ response: res, headers: { ...res.headers(), 'content-type': 'application/octet-stream' } });
          }),
        ),
    });
    const c = [];
    page.on('console', (m) => c.push(m.text()));
    await page.goto(DOCS);
    await waitQuestion(page);
    // The first question can render from questions.<lang>.json before the wasm arrives: wait for it.
    for (let i = 0; i < 100 && !(served >= 1 && c.some((t) => /instantiateStreaming/.test(t))); i++) {
      await page.waitForTimeout(100);
    }
    assert.ok(served >= 1);
    assert.ok(c.some((t) => /instantiateStreaming/.test(t)), 'streaming compilation was tried and failed: ' + c.join('\n'));
    assert.deepEqual(errors, []);
    await context.close();
  }
  // 2. Streaming compilation that throws even with the right type (old Android WebViews): the
  //    loader fetches the bytes itself and compiles them.
  {
    let fetched = 0;
    const { context, page, errors } = await open(PHONE, {
      init: () => {
        WebAssembly.instantiateStreaming = () => Promise.reject(new TypeError('streaming compilation is not supported here'));
      },
      route: (p) =>
        p.route('**/pkg/mpcheck_bg.wasm', async (r) => {
          fetched++;
          await r.continue();
        }),
    });
    await page.goto(DOCS);
    await waitQuestion(page);
    await answerIn(page, 'checker-main', MARKETPLACE);
    assert.equal(fetched, 2, 'one failed streaming attempt, then fetch → arrayBuffer → instantiate');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the first question waits for neither the catalogue nor the engine, which needs the catalogue for its texts; results follow', async () => {
  let release;
  const gate = new Promise((ok) => (release = ok));
  const { context, page, errors } = await open(PHONE, {
    route: (p) =>
      p.route('**/pkg/catalogue.*.json', (r) =>
        settle(async () => {
          await gate;
          await r.continue();
        }),
      ),
  });
  await page.goto(DOCS + 'plain.html');
  await waitQuestion(page);
  assert.equal(await page.evaluate(() => document.getElementById('checker-main').catalogue), null, 'the catalogue is still on its way');
  // The page's module has no texts of its own: it answers once the catalogue is here too.
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => document.getElementById('checker-main').engine), null, 'the engine waits for its texts');
  release();
  await answerIn(page, 'checker-main', MARKETPLACE);
  await inst(page).locator('.nav button[data-view="results"]').click();
  await inst(page).locator('.results .group-required').waitFor({ timeout: 15000 });
  assert.ok((await inst(page).locator('.group-required .req-row').count()) > 0);
  assert.match(await inst(page).locator('.app-version').textContent(), /\d{4}-\d{2}/, 'the review date is filled in');
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe-core finds no violation inside either shadow root on the hostile page (question, results)', async () => {
  const { context, page } = await open(DESKTOP, { url: DOCS });
  await waitQuestion(page);
  await inst(page, 'checker-themed').locator('.page-heading').first().waitFor();
  await page.evaluate(AXE_SOURCE + '\n;void 0');
  const check = async (screen) => {
    const v = await page.evaluate(async () => {
      const out = [];
      for (const id of ['checker-main', 'checker-themed']) {
        const r = await window.axe.run({ include: [[[`#${id}`, '.app']]] }, { resultTypes: ['violations'] });
        for (const x of r.violations) for (const n of x.nodes) out.push(`${id}: ${x.id} ${n.target.join(' ')} — ${x.help}`);
      }
      return out;
    });
    assert.deepEqual(v, [], `axe on ${screen}:\n${v.join('\n')}`);
  };
  await check('first questions');
  await answerAllIn(page, 'checker-main', MARKETPLACE);
  await inst(page).locator('.nav button[data-view="results"]').click();
  await inst(page).locator('.results').waitFor();
  await inst(page, 'checker-themed').locator('.start-page .start-button').click();
  await waitQuestion(page, 'checker-themed');
  await check('results and a themed question');
  await context.close();
});
