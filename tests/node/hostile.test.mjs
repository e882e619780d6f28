// The hostile-API run (issues 14 and 20) through the built, optimised wasm and www/engine.js:
// seeded random JSON values, wrong types, huge strings, deep nesting, lone surrogates, `__proto__`
// and `constructor` keys, NaN and Infinity, BigInt and Symbol values, cyclic objects, getters that
// throw or call evaluate again (re-entry), Proxies whose traps throw, revoked Proxies, array
// Proxies with length -1, 0.5 or 1.5, typed arrays of 30 million elements, lists of 10^8 holes,
// and calls near the JS stack limit. Every call either returns or throws a tagged error object
// ({kind, message}); never a trap (WebAssembly.RuntimeError), never a bare exception; and after
// EVERY call a known-good evaluation and diagnosis still give exactly what they gave before:
// 0 traps, 0 wrong answers, 0 dead engines.
//   MPCHECK_FUZZ_SEED=n  another seed      MPCHECK_FUZZ_ITER=n  another number of calls
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engine, pkgDir } from './engine.mjs';

const KINDS = ['invalid_answers', 'unknown_question', 'invalid_value', 'unknown_option', 'limit_exceeded', 'internal'];
const SEED = Number(process.env.MPCHECK_FUZZ_SEED || 20261128);
const ITER = Number(process.env.MPCHECK_FUZZ_ITER || 20000);

// mulberry32: small, seeded, the same sequence everywhere.
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n) => Math.floor(next() * n);
  return { next, below, pick: (xs) => xs[below(xs.length)], chance: (n) => below(n) === 0 };
}

const questions = JSON.parse(readFileSync(join(pkgDir, 'questions.en.json'), 'utf8')).questions;
const ids = questions.map((q) => q.id);
const KNOWN_ANSWERS = { platform: 'wechat', product: 'mini_program', entity: 'company', sells: ['own_goods'], goods: ['general'] };
const KNOWN_TEXT = '你好，你的小程序涉及视频服务，属个人主体小程序未开放类目，建议申请企业主体小程序。';
const known = {
  report: JSON.stringify(engine.evaluate(KNOWN_ANSWERS)),
  causes: JSON.stringify(engine.diagnose(KNOWN_TEXT)),
};

function stillGood(after) {
  assert.equal(JSON.stringify(engine.evaluate(KNOWN_ANSWERS)), known.report, `evaluate changed after ${after}`);
  assert.equal(JSON.stringify(engine.diagnose(KNOWN_TEXT)), known.causes, `diagnose changed after ${after}`);
}

const stats = { returned: 0, errors: {}, checked: 0 };

/** Calls fn; a return is fine, a throw must be a tagged error; either way the module must then
 * still answer the known-good calls exactly as before. */
function call(what, fn) {
  let err;
  try {
    fn();
    stats.returned++;
    stillGood(what);
    stats.checked++;
    return;
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    err = e;
  }
  const desc = `${what}: threw ${err instanceof Error ? `${err.constructor.name}: ${err.message}` : JSON.stringify(err)}`;
  assert.ok(!(err instanceof WebAssembly.RuntimeError), `trap! ${desc}`);
  assert.ok(err !== null && typeof err === 'object', `not an object: ${desc}`);
  assert.ok(KINDS.includes(err.kind), `no known kind: ${desc}`);
  assert.equal(typeof err.message, 'string', desc);
  assert.ok(err.message.length > 0, desc);
  stats.errors[err.kind] = (stats.errors[err.kind] || 0) + 1;
  stillGood(what);
  stats.checked++;
}

const R = rng(SEED);

const loneSurrogates = ['\uD800', '\uDFFF', 'a\uD83D', '\uDE00b', '\uD83D\uDE00'];
function str(small = false) {
  switch (R.below(9)) {
    case 0: return R.pick(loneSurrogates);
    case 1: return 'x'.repeat(R.pick(small ? [255, 256, 257] : [255, 256, 257, 1 << 16, 1 << 20]));
    case 2: return '字'.repeat(R.pick([85, 86]));
    case 3: return R.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '']);
    case 4: return 'not_sure';
    case 5: return R.pick(ids);
    default: {
      const q = questions[R.below(questions.length)];
      return q.options.length ? R.pick(q.options).id : 'a';
    }
  }
}

function deep(n, leaf) {
  let v = leaf;
  for (let i = 0; i < n; i++) v = R.chance(2) ? [v] : { [R.pick(ids)]: v };
  return v;
}

function value(depth = 0) {
  switch (R.below(depth > 2 ? 9 : 14)) {
    case 0: return null;
    case 1: return undefined;
    case 2: return R.chance(2);
    case 3: return R.pick([0, -0, 1, -1, 1.5, 1e308, -1e308, 5e-324, NaN, Infinity, -Infinity, 2 ** 53 + 1]);
    case 4: case 5: case 6: return str();
    case 7: return Array.from({ length: R.pick([0, 1, 3, 1023, 1024, 1025]) }, () => str(true));
    case 8: return R.pick([10n, Symbol('s'), () => 1, new Date(0), /re/, new Map([[1, 2]]), new Uint8Array(4)]);
    case 9: return [value(depth + 1), value(depth + 1)];
    case 10: return answers(depth + 1);
    case 11: return deep(R.pick([10, 100, 1000, 5000]), str(true));
    case 12: return Array.from({ length: R.below(5) }, () => value(depth + 1));
    default: return JSON.parse(`{"__proto__": ${JSON.stringify(str())}}`);
  }
}

function answers(depth = 0) {
  // Many keys only at the top: nested objects stay small, so generating inputs stays cheap.
  const n = depth > 0 ? R.below(4) : R.pick([0, 1, 2, 5, 10, 255, 256, 257]);
  // JSON.parse makes `__proto__` an own key; a literal would set the prototype.
  const o = R.chance(3) ? JSON.parse('{"__proto__": {"platform": "wechat"}}') : {};
  for (let i = 0; i < n; i++) {
    const key = i < 12 ? (R.chance(3) ? str() : R.pick(ids)) : `k${i}`;
    o[key] = i < 12 ? value(depth + 1) : R.chance(2);
  }
  return o;
}

// Made once: 30 million elements (120 MB); refused by its kind, never walked.
const HUGE_TYPED = new Uint32Array(30_000_000);
const HOLES = new Array(1e8);

/** A getter that calls evaluate again, `depth` levels deep, checking each inner answer. */
function reentrant(depth) {
  const o = { platform: 'wechat' };
  Object.defineProperty(o, 'entity', {
    enumerable: true,
    get() {
      if (depth > 0) {
        try { engine.evaluate(reentrant(depth - 1)); } catch (e) { assert.ok(KINDS.includes(e?.kind), `re-entry threw ${e}`); }
      }
      assert.equal(JSON.stringify(engine.evaluate(KNOWN_ANSWERS)), known.report, 'a re-entrant evaluate answered wrongly');
      return 'company';
    },
  });
  return o;
}

function arrayProxy(length) {
  return new Proxy(['own_goods', 'third_party'], { get: (t, k) => (k === 'length' ? length : t[k]) });
}

function hostileAnswers() {
  switch (R.below(20)) {
    case 12: { // revoked Proxies, as the answers or as a value
      const { proxy, revoke } = Proxy.revocable(R.chance(2) ? {} : [], {});
      revoke();
      return R.chance(2) ? proxy : { platform: 'wechat', sells: proxy };
    }
    case 13: return { platform: 'wechat', sells: arrayProxy(R.pick([-1, 0.5, 1.5, NaN, 2 ** 32, 1e8, '1'])) };
    case 14: return reentrant(R.pick([1, 3, 50]));
    case 15: { // cyclic objects and lists
      const o = { platform: 'wechat' };
      const l = ['own_goods'];
      l.push(l);
      o.self = o;
      o.sells = R.chance(2) ? l : o;
      return R.chance(2) ? o : { platform: 'wechat', sells: l };
    }
    case 16: return { platform: 'wechat', sells: R.pick([HUGE_TYPED, HOLES, new BigInt64Array(4), new Float64Array(1024)]) };
    case 17: return { platform: R.pick([10n, Symbol('wechat'), Object('wechat')]), [Symbol('k')]: 'x' };
    case 18: return new Proxy(KNOWN_ANSWERS, { get: (t, k) => (typeof k === 'string' && R.chance(2) ? [k] : t[k]) });
    case 0: return value();
    case 1: return R.pick([[], [KNOWN_ANSWERS], 'platform', 42, true, NaN, 10n, Symbol('x'), () => ({}), new Date()]);
    case 2: { // getters that throw
      const o = { platform: 'wechat' };
      const thrown = R.pick([new Error('getter throws'), null, 42, Proxy.revocable({}, {})]);
      if (thrown?.revoke) thrown.revoke();
      Object.defineProperty(o, R.pick(ids), { enumerable: true, get() { throw thrown?.proxy ?? thrown; } });
      return o;
    }
    case 3: // a Proxy whose traps throw
      return new Proxy({ platform: 'wechat' }, {
        [R.pick(['ownKeys', 'get', 'getOwnPropertyDescriptor', 'has'])]() { throw new TypeError('trap throws'); },
      });
    case 4: return Object.create(null, { platform: { value: 'wechat', enumerable: true } });
    case 5: return Object.assign(Object.create({ inherited: true }), { entity: str() });
    case 6: { // the known answers with one key made hostile
      const o = { ...KNOWN_ANSWERS };
      o[R.chance(2) ? R.pick(ids) : str()] = value();
      return o;
    }
    default: return answers();
  }
}

function hostileText() {
  switch (R.below(8)) {
    case 0: return R.pick([undefined, null, 42, {}, [], 10n]);
    case 1: return 'a'.repeat(R.pick([65536, 65537, 1 << 20]));
    case 2: return R.pick(loneSurrogates).repeat(R.pick([1, 1000, 30000]));
    case 3: return '<br>\\n'.repeat(R.below(20000));
    case 4: return '常见拒绝情形3.4 运营规范》5.7.1.'.repeat(R.below(2000));
    default: {
      const base = KNOWN_TEXT.split('');
      for (let i = 0; i < 5; i++) base.splice(R.below(base.length), R.below(3), str().slice(0, 20));
      return base.join('');
    }
  }
}

/** Calls fn at the very bottom of the JS stack, and at a few depths above it. */
function nearStackLimit(fn) {
  let depth = 0;
  const down = () => {
    depth++;
    try {
      return down();
    } catch {
      return depth;
    }
  };
  const max = down();
  const results = [];
  const at = (n, stop) => {
    if (n < stop) return at(n + 1, stop);
    try { results.push(fn()); } catch (e) { results.push(e); }
    return n;
  };
  for (const back of [0, 1, 2, 5, 10, 50, 200]) {
    try { at(0, max - back); } catch { /* the stack ran out on the way down */ }
  }
  return results;
}

test(`${ITER} hostile calls (seed ${SEED}): tagged errors or results, never a trap, and the module keeps answering`, () => {
  const t0 = Date.now();
  for (let i = 0; i < ITER; i++) {
    const which = R.below(20);
    if (which < 13) {
      const a = hostileAnswers();
      call(`evaluate #${i}`, () => {
        const r = engine.evaluate(a);
        assert.equal(typeof r.version, 'string');
        assert.ok(Array.isArray(r.requirements));
      });
    } else if (which < 19) {
      const text = hostileText();
      call(`diagnose #${i}`, () => assert.ok(Array.isArray(engine.diagnose(text))));
    } else {
      call(`near the stack limit #${i}`, () => {
        for (const r of nearStackLimit(() => engine.evaluate(KNOWN_ANSWERS))) {
          if (r?.flow) assert.equal(JSON.stringify(r), known.report, 'an evaluation near the stack limit answered wrongly');
          else assert.ok(KINDS.includes(r?.kind), `near the stack limit: threw ${r}`);
        }
      });
    }
  }
  stillGood('the last input');
  console.log(`hostile: ${ITER} calls in ${Date.now() - t0} ms: ${stats.returned} returned, errors ${JSON.stringify(stats.errors)}, ${stats.checked} known-good checks after them`);
  assert.equal(stats.checked, ITER, 'every call was followed by a known-good check');
  // The generator reaches every kind of refusal (so it is not testing only the happy path).
  for (const k of ['invalid_answers', 'unknown_question', 'invalid_value', 'unknown_option', 'limit_exceeded']) {
    assert.ok((stats.errors[k] || 0) > 5, `too few ${k}: ${JSON.stringify(stats.errors)}`);
  }
  assert.ok(stats.returned > ITER / 10, `too few calls returned: ${stats.returned}`);
});

test('an over-limit list is refused before it is walked, at once', () => {
  for (const sells of [new Array(1e8), new Uint32Array(30_000_000), arrayProxy(1e9)]) {
    const t = Date.now();
    let e;
    try { engine.evaluate({ sells }); } catch (x) { e = x; }
    assert.ok(['limit_exceeded', 'invalid_value'].includes(e?.kind), JSON.stringify(e));
    assert.ok(Date.now() - t < 1000, `took ${Date.now() - t} ms`);
  }
  let reads = 0;
  const counted = new Proxy(['own_goods'], { get: (t, k) => { reads++; return k === 'length' ? 1e6 : t[k]; } });
  try { engine.evaluate({ sells: counted }); } catch { /* limit_exceeded */ }
  assert.equal(reads, 1, 'only the length was read');
});

test('getters and Proxy traps run once per key and item', () => {
  let gets = 0;
  const o = {};
  Object.defineProperty(o, 'platform', { enumerable: true, get: () => { gets++; return 'wechat'; } });
  engine.evaluate(o);
  assert.equal(gets, 1);
  const seen = new Map();
  const p = new Proxy({ platform: 'wechat', sells: ['own_goods'] }, { get: (t, k) => { seen.set(k, (seen.get(k) || 0) + 1); return t[k]; } });
  engine.evaluate(p);
  assert.equal(seen.get('platform'), 1);
  assert.equal(seen.get('sells'), 1);
});

test('odd lists never change an answer they do not hold', () => {
  const plain = JSON.stringify(engine.evaluate({ platform: 'wechat', sells: ['own_goods'] }));
  for (const length of [0.5, 1.5, -1]) {
    let r;
    try { r = engine.evaluate({ platform: 'wechat', sells: arrayProxy(length) }); } catch (e) { r = e; }
    assert.equal(r?.kind, 'invalid_value', `length ${length}: ${JSON.stringify(r)?.slice(0, 80)}`);
  }
  assert.equal(JSON.stringify(engine.evaluate({ platform: 'wechat', sells: ['own_goods'] })), plain);
});

test('deeply nested answers are refused with a tagged error, not a stack overflow', () => {
  for (const n of [100, 10_000, 200_000]) {
    let arr = 'own_goods';
    for (let i = 0; i < n; i++) arr = [arr];
    call(`nested list ${n}`, () => engine.evaluate({ sells: arr }));
    let obj = true;
    for (let i = 0; i < n; i++) obj = { platform: obj };
    call(`nested object ${n}`, () => engine.evaluate(obj));
  }
  stillGood('deep nesting');
});

test('a getter or Proxy trap that throws is refused as a tagged error', () => {
  const o = { platform: 'wechat' };
  Object.defineProperty(o, 'entity', { enumerable: true, get() { throw new Error('boom'); } });
  call('throwing getter', () => engine.evaluate(o));
  const p = new Proxy({}, { ownKeys() { throw new Error('boom'); } });
  call('throwing ownKeys', () => engine.evaluate(p));
  // A list whose element getter throws: refused as a tagged error, not a JS exception through wasm.
  const list = ['ugc'];
  Object.defineProperty(list, 0, { enumerable: true, get() { throw new Error('boom'); } });
  let thrown;
  try { engine.evaluate({ platform: 'wechat', content: list }); } catch (e) { thrown = e; }
  assert.equal(thrown?.kind, 'invalid_answers', 'a throwing list element is a tagged error: ' + String(thrown));
  stillGood('throwing getters');
});

test('answers over 64 KB of text in all are refused, as natively', () => {
  const items = Array.from({ length: 512 }, () => 'x'.repeat(256));
  let e;
  try { engine.evaluate({ content: items }); } catch (x) { e = x; }
  assert.equal(e?.kind, 'limit_exceeded');
  assert.equal(e?.what, 'total');
  assert.equal(e?.limit, 65536);
});

test('strings are limited in UTF-8 bytes, as natively', () => {
  const ok = engine.evaluate({ platform: 'wechat' });
  assert.ok(ok.flow);
  let e;
  try { engine.evaluate({ platform: '审'.repeat(100) }); } catch (x) { e = x; }
  assert.equal(e?.kind, 'limit_exceeded', '100 Chinese characters are 300 bytes: ' + JSON.stringify(e));
  assert.equal(e?.actual, 300);
  let f;
  try { engine.evaluate({ platform: '审'.repeat(85) }); } catch (x) { f = x; }
  assert.equal(f?.kind, 'unknown_option', '255 bytes pass the limit and reach the option check');
});
