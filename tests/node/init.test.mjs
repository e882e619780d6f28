// The other ways the page and embedders load the module: async init() from bytes and from a
// compiled WebAssembly.Module, each in this fresh process (engine.mjs is not imported here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const pkgDir = process.env.MPCHECK_PKG || join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..', 'pkg');
const bytes = readFileSync(join(pkgDir, 'mpcheck_bg.wasm'));

test('init() from a compiled module, then the module answers', async () => {
  const glue = await import(pathToFileURL(join(pkgDir, 'mpcheck.js')).href + '?compiled');
  await glue.default({ module_or_path: await WebAssembly.compile(bytes) });
  // {platform: 'wechat'} as www/engine.js encode() hands it over: one answer, a key of 8 units, a string of 6.
  const tape = glue.evaluate('platform\0wechat\0', new Float64Array([1, 8, 4, 6]));
  assert.ok(tape instanceof Uint32Array && tape.length > 0);
  assert.equal(glue.names().version, glue.version());
  // Anything but a text and a Float64Array is refused as a tagged error, and the module answers on.
  for (const [text, shape] of [[{ platform: 'wechat' }, undefined], ['platform', [1, 8, 1]], [null, new Float64Array([0])]]) {
    assert.throws(() => glue.evaluate(text, shape), (e) => e.kind === 'invalid_answers');
  }
  assert.deepEqual(glue.evaluate('platform\0wechat\0', new Float64Array([1, 8, 4, 6])), tape);
});

test('init() from the bytes of the file, as the page falls back to when streaming fails', async () => {
  const glue = await import(pathToFileURL(join(pkgDir, 'mpcheck.js')).href + '?bytes');
  await glue.default({ module_or_path: bytes });
  const names = glue.names();
  const tape = glue.evaluate('', new Float64Array([0])); // no answers, as encode({}) hands them over
  // flow.asked: its length, then question indices; the first is the platform.
  assert.equal(names.questions[tape[1]], 'platform');
});
