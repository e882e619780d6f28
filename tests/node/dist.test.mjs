// dist/ as a static site: complete, relative URLs only (so it works from any host sub-folder), every
// module import and asset URL resolves to a file, and tests/server.mjs serves it with the right MIME
// types, under a sub-path, on loopback only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { root } from './engine.mjs';
import { startServer } from '../server.mjs';

const dist = process.env.MPCHECK_DIST || join(root, 'dist');
const www = join(root, 'www');

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
const rel = (p) => relative(dist, p).split(sep).join('/');
const files = existsSync(dist) ? [...walk(dist)] : [];

test('dist/ holds www/ and the wasm-pack output', () => {
  assert.ok(files.length > 0, `${dist} is empty or missing: run scripts/build.sh`);
  const have = new Set(files.map(rel));
  for (const f of ['pkg/mpcheck.js', 'pkg/mpcheck_bg.wasm', 'pkg/catalogue.zh-CN.json', 'pkg/catalogue.en.json']) {
    assert.ok(have.has(f), `dist/${f} is missing`);
  }
  if (existsSync(www)) {
    for (const f of walk(www)) {
      const r = relative(www, f).split(sep).join('/');
      assert.ok(have.has(r), `www/${r} was not copied to dist/`);
    }
  }
  const wasm = readFileSync(join(dist, 'pkg', 'mpcheck_bg.wasm'));
  assert.ok(wasm.equals(readFileSync(join(root, 'pkg', 'mpcheck_bg.wasm'))), 'dist/pkg/ holds the optimised pkg/mpcheck_bg.wasm');
  // The one module's API (engine.js, with the glue bundled in) and the words of its ids.
  for (const f of ['engine.js', 'describe.js', 'pkg/causes.zh-CN.json', 'pkg/causes.en.json']) {
    assert.ok(have.has(f), `dist/${f} is missing`);
  }
  const opt = JSON.parse(readFileSync(join(root, 'pkg', 'mpcheck_bg.opt.json'), 'utf8'));
  assert.equal(createHash('sha256').update(wasm).digest('hex'), opt.sha256, 'dist/pkg/mpcheck_bg.wasm is the wasm-opt output');
});

// Module specifiers and asset URLs in JS: static imports/exports, dynamic import(), new URL(…, import.meta.url).
const JS_REFS = [
  /\bimport\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g,
  /\bexport\s*[\w*${}\s,]*?\s*from\s*["']([^"']+)["']/g,
  /\bimport\s*\(\s*["'`]([^"'`$]+)["'`]\s*\)/g,
  /new URL\(\s*["'`]([^"'`$]+)["'`]\s*,\s*import\.meta\.url\s*\)/g,
];
// Resources an HTML page loads by itself (links to sources elsewhere are <a href>, not loads).
const HTML_REFS = [/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi, /<link\b[^>]*\bhref\s*=\s*["']([^"']+)["']/gi, /<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi];

function refs(path) {
  const text = readFileSync(path, 'utf8');
  const patterns = path.endsWith('.html') ? HTML_REFS : /\.m?js$/.test(path) ? JS_REFS : [];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]));
}

test('every URL the site loads is relative and names a file in dist/', () => {
  let checked = 0;
  // dist/npm/ is the npm package (with a node entry point), tested by tests/package/.
  for (const path of files.filter((p) => !rel(p).startsWith('npm/'))) {
    for (const url of refs(path)) {
      const where = `dist/${rel(path)}: ${url}`;
      assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('data:'), `${where} loads from another origin`);
      assert.ok(!url.startsWith('/'), `${where} is root-absolute: it breaks when dist/ is served from a sub-folder`);
      if (url.startsWith('data:')) continue;
      // Template parts like `catalogue.${lang}.json` are excluded by the patterns above.
      const target = resolve(dirname(path), url.split(/[?#]/)[0]);
      assert.ok(target.startsWith(dist + sep), `${where} points outside dist/`);
      assert.ok(existsSync(target), `${where} does not exist in dist/`);
      checked += 1;
    }
  }
  assert.ok(checked > 0, 'no module import or asset URL found: the patterns above no longer match the code');
});

test('tests/server.mjs serves dist/ under a sub-path with the right MIME types', async () => {
  const server = await startServer({ root: dist, port: 0, prefix: '/some/folder/' });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/some\/folder\/$/);
    const types = {
      'pkg/mpcheck_bg.wasm': 'application/wasm',
      'pkg/mpcheck.js': 'text/javascript; charset=utf-8',
      'pkg/catalogue.zh-CN.json': 'application/json; charset=utf-8',
    };
    if (existsSync(join(dist, 'index.html'))) types[''] = 'text/html; charset=utf-8';
    for (const [path, type] of Object.entries(types)) {
      // identity: compare the bytes as stored (the server gzips when asked, tested below).
      const res = await fetch(server.url + path, { headers: { 'accept-encoding': 'identity' } });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), type, path);
      const body = Buffer.from(await res.arrayBuffer());
      assert.ok(body.equals(readFileSync(join(dist, path || 'index.html'))), `${path}: the bytes of the file`);
      for (const h of ['cross-origin-opener-policy', 'cross-origin-embedder-policy', 'content-security-policy']) {
        assert.equal(res.headers.get(h), null, `${path}: the server must not add ${h} (dist/ must work without it)`);
      }
    }
    const origin = new URL(server.url).origin;
    assert.equal((await fetch(`${origin}/pkg/mpcheck.js`)).status, 404, 'outside the prefix nothing is served');
    assert.equal((await fetch(`${server.url}no-such-file.js`)).status, 404);
    assert.equal((await fetch(`${server.url}%2e%2e/%2e%2e/package.json`)).status === 200, false, 'no path traversal');
    assert.equal((await fetch(server.url, { method: 'POST' })).status, 405);
    const head = await fetch(server.url + 'pkg/mpcheck_bg.wasm', { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    assert.equal(Number(head.headers.get('content-length')), statSync(join(dist, 'pkg/mpcheck_bg.wasm')).size);
    // With gzip accepted, the wasm arrives compressed and decodes to the same bytes.
    const gz = await fetch(server.url + 'pkg/mpcheck_bg.wasm');
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.ok(Buffer.from(await gz.arrayBuffer()).equals(readFileSync(join(dist, 'pkg/mpcheck_bg.wasm'))));
  } finally {
    await server.close();
  }
  await assert.rejects(startServer({ root: dist, host: '0.0.0.0' }), /loopback only/);
});

test('a taken port moves on to the next free one', async () => {
  const a = await startServer({ root: dist, port: 0 });
  try {
    const b = await startServer({ root: dist, port: a.port });
    try {
      assert.ok(b.port > a.port && b.port <= a.port + 100, `expected a port after ${a.port}, got ${b.port}`);
    } finally {
      await b.close();
    }
  } finally {
    await a.close();
  }
});
