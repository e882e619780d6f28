// JS-side fuzz through the built, optimised wasm (pkg/mpcheck_bg.wasm, loaded by engine.mjs):
// seeded random JSON values, wrong types, huge strings, deep nesting, lone surrogates, `__proto__`
// and `constructor` keys, arrays, numbers, NaN and Infinity, BigInt and Symbol values, objects whose
// getters throw, and Proxies whose traps throw. For each, `evaluate`, `diagnose` and `questions`
// either return or throw a tagged error object ({kind, message}); never a trap
// (WebAssembly.RuntimeError), never a bare exception; and after every error a known-good call
// still returns exactly what it returned before the first hostile input.
//   MPCHECK_FUZZ_SEED=n  another seed      MPCHECK_FUZZ_ITER=n  another number of iterations
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mp } from './engine.mjs';

const KINDS = ['invalid_answers', 'unknown_question', 'invalid_value', 'unknown_option', 'limit_exceeded', 'invalid_lang', 'internal'];
const SEED = Number(process.env.MPCHECK_FUZZ_SEED || 20261128);
const ITER = Number(process.env.MPCHECK_FUZZ_ITER || 3000);

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

const questions = mp.questions('en');
const ids = questions.map((q) => q.id);
const KNOWN_ANSWERS = { platform: 'wechat', product: 'mini_program', entity: 'company', sells: ['own_goods'], goods: ['general'] };
const KNOWN_TEXT = '你好，你的小程序涉及视频服务，属个人主体小程序未开放类目，建议申请企业主体小程序。';
const known = {
  report: JSON.stringify(mp.evaluate(KNOWN_ANSWERS, 'zh-CN')),
  causes: JSON.stringify(mp.diagnose(KNOWN_TEXT, 'en')),
  questions: JSON.stringify(mp.questions('zh-CN')),
};

function stillGood(after) {
  assert.equal(JSON.stringify(mp.evaluate(KNOWN_ANSWERS, 'zh-CN')), known.report, `evaluate changed after ${after}`);
  assert.equal(JSON.stringify(mp.diagnose(KNOWN_TEXT, 'en')), known.causes, `diagnose changed after ${after}`);
}

const stats = { returned: 0, errors: {} };

/** Calls fn; a return is fine, a throw must be a tagged error, and the module must still answer. */
function call(what, fn) {
  let err;
  try {
    fn();
    stats.returned++;
    return;
  } catch (e) {
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

function hostileAnswers() {
  switch (R.below(12)) {
    case 0: return value();
    case 1: return R.pick([[], [KNOWN_ANSWERS], 'platform', 42, true, NaN, 10n, Symbol('x'), () => ({}), new Date()]);
    case 2: { // getters that throw
      const o = { platform: 'wechat' };
      Object.defineProperty(o, R.pick(ids), { enumerable: true, get() { throw new Error('getter throws'); } });
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

function hostileLang() {
  return R.chance(4) ? R.pick(['xx', '', 'zh-Hant', 'EN', 'en-GB', 'zh', '\uD800', 'x'.repeat(1 << 16), undefined, null, 1, {}, []]) : R.pick(['zh-CN', 'en']);
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

test(`${ITER} hostile calls (seed ${SEED}): tagged errors or results, never a trap, and the module keeps answering`, () => {
  const t0 = Date.now();
  for (let i = 0; i < ITER; i++) {
    const which = R.below(10);
    if (which < 6) {
      const a = hostileAnswers();
      const lang = hostileLang();
      call(`evaluate #${i}`, () => {
        const r = mp.evaluate(a, lang);
        assert.equal(typeof r.version, 'string');
        assert.ok(Array.isArray(r.requirements));
      });
    } else if (which < 9) {
      const text = hostileText();
      const lang = hostileLang();
      call(`diagnose #${i}`, () => assert.ok(Array.isArray(mp.diagnose(text, lang))));
    } else {
      const lang = hostileLang();
      call(`questions #${i}`, () => {
        const qs = mp.questions(lang);
        assert.ok(Array.isArray(qs) && qs.length === questions.length);
      });
    }
  }
  stillGood('the last input');
  assert.equal(JSON.stringify(mp.questions('zh-CN')), known.questions);
  console.log(`hostile: ${ITER} calls in ${Date.now() - t0} ms: ${stats.returned} returned, errors ${JSON.stringify(stats.errors)}`);
  // The generator reaches every kind of refusal (so it is not testing only the happy path).
  for (const k of ['invalid_answers', 'unknown_question', 'invalid_value', 'unknown_option', 'limit_exceeded', 'invalid_lang']) {
    assert.ok((stats.errors[k] || 0) > 5, `too few ${k}: ${JSON.stringify(stats.errors)}`);
  }
  assert.ok(stats.returned > ITER / 10, `too few calls returned: ${stats.returned}`);
});

test('deeply nested answers are refused with a tagged error, not a stack overflow', () => {
  for (const n of [100, 10_000, 200_000]) {
    let arr = 'own_goods';
    for (let i = 0; i < n; i++) arr = [arr];
    call(`nested list ${n}`, () => mp.evaluate({ sells: arr }, 'en'));
    let obj = true;
    for (let i = 0; i < n; i++) obj = { platform: obj };
    call(`nested object ${n}`, () => mp.evaluate(obj, 'en'));
  }
  stillGood('deep nesting');
});

test('a getter or Proxy trap that throws is refused as a tagged error', () => {
  const o = { platform: 'wechat' };
  Object.defineProperty(o, 'entity', { enumerable: true, get() { throw new Error('boom'); } });
  call('throwing getter', () => mp.evaluate(o, 'en'));
  const p = new Proxy({}, { ownKeys() { throw new Error('boom'); } });
  call('throwing ownKeys', () => mp.evaluate(p, 'en'));
  // A list whose element getter throws: refused as a tagged error, not a JS exception through wasm.
  const list = ['ugc'];
  Object.defineProperty(list, 0, { enumerable: true, get() { throw new Error('boom'); } });
  let thrown;
  try { mp.evaluate({ platform: 'wechat', content: list }, 'en'); } catch (e) { thrown = e; }
  assert.equal(thrown?.kind, 'invalid_answers', 'a throwing list element is a tagged error: ' + String(thrown));
  stillGood('throwing getters');
});

test('answers over 64 KB of text in all are refused, as natively', () => {
  const items = Array.from({ length: 512 }, () => 'x'.repeat(256));
  let e;
  try { mp.evaluate({ content: items }, 'en'); } catch (x) { e = x; }
  assert.equal(e?.kind, 'limit_exceeded');
  assert.equal(e?.what, 'total');
  assert.equal(e?.limit, 65536);
});

test('strings are limited in UTF-8 bytes, as natively', () => {
  const ok = mp.evaluate({ platform: 'wechat' }, 'en');
  assert.ok(ok.flow);
  let e;
  try { mp.evaluate({ platform: '审'.repeat(100) }, 'en'); } catch (x) { e = x; }
  assert.equal(e?.kind, 'limit_exceeded', '100 Chinese characters are 300 bytes: ' + JSON.stringify(e));
  assert.equal(e?.actual, 300);
  let f;
  try { mp.evaluate({ platform: '审'.repeat(85) }, 'en'); } catch (x) { f = x; }
  assert.equal(f?.kind, 'unknown_option', '255 bytes pass the limit and reach the option check');
});
