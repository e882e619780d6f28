// docs/embed.md's table of files to copy is the one scripts/embed-files.mjs makes from dist/: every
// file an embedded checker loads, and nothing it does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { embedFiles, table, documented, sameTable } from '../../scripts/embed-files.mjs';
import { root } from '../../scripts/config.mjs';

const dist = join(root, 'dist');

test("docs/embed.md lists exactly the files dist/'s checker loads (node scripts/embed-files.mjs --write after a change)", { skip: !existsSync(dist) && 'dist/ is not built' }, () => {
  const { rows, undescribed } = embedFiles(dist);
  assert.deepEqual(undescribed, [], 'files the checker loads that scripts/embed-files.mjs does not describe');
  const files = rows.flatMap((r) => r.files.map((f) => f.rel));
  // What the page really loads: the element, its loader and styles, the page's engine, each language's files.
  for (const f of ['mpcheck-app.js', 'wasm-loader.js', 'mpcheck-app.css', 'mpcheck-embed.js', 'engine.js', 'pkg/mpcheck_bg.wasm', 'pkg/questions.zh-CN.json', 'pkg/catalogue.en.json', 'pkg/causes.zh-CN.json', 'i18n/en.js']) {
    assert.ok(files.includes(f), `${f} is in the table`);
  }
  // Not what it never loads: the wasm glue on its own (dist/engine.js bundles it), the site's own page.
  for (const f of ['pkg/mpcheck.js', 'index.html', 'host.js']) assert.ok(!files.includes(f), `${f} is not in the table`);
  const doc = readFileSync(join(root, 'docs/embed.md'), 'utf8');
  const now = documented(doc);
  assert.ok(now, 'docs/embed.md has the table markers');
  assert.ok(sameTable(now, table(rows)), `docs/embed.md's table differs from dist/; run node scripts/embed-files.mjs --write:\n${table(rows)}`);
  // The check can fail: a table without a row, or with a size far off, differs.
  assert.ok(!sameTable(now.replace(/\n\| `pkg\/causes[^\n]*/, ''), table(rows)));
  assert.ok(!sameTable(now.replace(/\| ([\d.]+) KB \|/, '| 999.0 KB |'), table(rows)));
});
