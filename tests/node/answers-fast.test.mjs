// The adapter reads well-formed answers through src/js/answers.js encode_answers (indices, no JSON)
// and everything else as JSON text with the engine's full checks. The fast path must accept only
// what the engine accepts, with the same result: here every scenario and thousands of generated
// answer objects go through both paths (an own toJSON method sends an object down the JSON path)
// and must give byte-identical reports or the same error; every scenario must really take the fast path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mp, pkgDir, tomlFiles } from './engine.mjs';

// The snippet as wasm-bindgen shipped it (pkg/snippets/<crate-hash>/src/js/answers.js), and the parts
// of the engine's table it reads, built here from questions().
const snippets = join(pkgDir, 'snippets');
const [hash] = readdirSync(snippets);
const { encode_answers } = await import(pathToFileURL(join(snippets, hash, 'src', 'js', 'answers.js')).href);

const scenarios = tomlFiles('tests/scenarios').flatMap(({ data }) => data.scenario ?? []);
const questions = mp.questions('en');

/** The same answers, read through the JSON path: JSON.stringify uses toJSON, the fast path refuses it. */
const slow = (answers) => ({ ...answers, toJSON: () => ({ ...answers }) });

function outcome(answers, lang) {
  try {
    return JSON.stringify(mp.evaluate(answers, lang));
  } catch (e) {
    return `error ${e.kind} ${e.question ?? ''} ${e.option ?? ''} ${e.what ?? ''}`;
  }
}

test('every scenario gives the same report through the fast path and the JSON path', () => {
  assert.ok(scenarios.length > 50);
  const table = {
    questions: questions.map((q) => q.id),
    kinds: questions.map((q) => q.kind),
    not_sure: questions.map((q) => q.not_sure),
    min: questions.map((q) => q.min ?? null),
    max: questions.map((q) => q.max ?? null),
    option_ids: questions.map((q) => q.options.map((o) => o.id)),
  };
  for (const s of scenarios) {
    // The fast path really takes them (else both calls below would go the JSON way).
    assert.ok(encode_answers(s.answers ?? {}, table) instanceof Uint32Array, `${s.id}: the fast path refused its answers`);
    assert.equal(encode_answers(slow(s.answers ?? {}), table), null, `${s.id}: toJSON sends answers the JSON way`);
    for (const lang of ['zh-CN', 'en']) {
      const fast = outcome(s.answers ?? {}, lang);
      assert.ok(!fast.startsWith('error'), `${s.id}: ${fast}`);
      assert.equal(fast, outcome(slow(s.answers ?? {}), lang), `${s.id} (${lang})`);
    }
  }
});

test('generated answers, valid and not, give the same report or the same error on both paths', () => {
  let seed = 11;
  const rnd = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n; // the high bits: an LCG's low bits repeat quickly
  };
  const pick = (list) => list[rnd(list.length)];
  const value = (q) => {
    const opts = q.options.map((o) => o.id);
    switch (rnd(14)) {
      case 0: return null;
      case 1: return undefined;
      case 2: return 'not_sure';
      case 3: return pick([true, false, 0, -0, 1.5, 1e9, -1, NaN, Infinity, 2 ** 40, 'yes', '']);
      case 4: return pick(['x', 'none', ...opts.slice(0, 3)]);
      case 5: return [pick(opts.length ? opts : ['a']), 'no_such_option'];
      case 6: return Array.from({ length: rnd(4) }, () => pick(opts.length ? opts : ['a']));
      case 7: return [pick(opts.length ? opts : ['a']), pick(opts.length ? opts : ['a'])];
      case 8: return { nested: 1 };
      case 9: return [1, 2];
      case 10: return q.min ?? 0;
      default:
        if (q.kind === 'yes_no') return rnd(2) === 0;
        if (q.kind === 'number') return pick([0, 50, 100, 5000, (q.max ?? 1e6) + 1, -5]);
        if (q.kind === 'one_of') return pick(opts);
        return Array.from({ length: 1 + rnd(3) }, () => pick(opts));
    }
  };
  let same = 0;
  let errors = 0;
  for (let i = 0; i < 3000; i++) {
    const a = {};
    for (let k = rnd(8); k > 0; k--) {
      const q = pick(questions);
      a[rnd(30) === 0 ? 'no_such_question' : q.id] = value(q);
    }
    const lang = rnd(2) ? 'en' : 'zh-CN';
    const fast = outcome(a, lang);
    assert.equal(fast, outcome(slow(a), lang), `answers ${JSON.stringify(a)}`);
    same++;
    if (fast.startsWith('error')) errors++;
  }
  assert.ok(errors > 300 && errors < same - 300, `a mix of accepted and refused answers: ${errors} errors of ${same}`);
});
