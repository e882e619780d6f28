// The answers, handed to the wasm adapter (src/wasm.rs) in one piece.
//
// encode_answers: well-formed answers (known questions and options, values of the right kind,
// within every limit) as numbers — question and option indices — so the engine needs neither JSON
// nor string copies. Anything else (an unknown id, a wrong value, a getter that throws, toJSON …)
// gives null, and the adapter falls back to answers_text, which the engine reads with all its
// checks and typed errors. So this fast path only ever accepts what the engine would accept, with
// the same result (tests/node/answers-fast.test.mjs compares the two on every scenario and hostile
// input).
//
// answers_text: the answers as JSON text. JSON.stringify writes NaN and ±Infinity as null, which
// would read as "unanswered"; they are written as {} instead, which the engine refuses as an
// invalid value, as natively. Getters, Proxy traps and toJSON run here; what they throw reaches
// the adapter as an error.

const MAX_KEYS = 256;
const MAX_ITEMS = 1024;
const MAX_TOTAL = 64 * 1024;

// Tags of the encoding (src/wasm.rs `decode_fast` reads them).
const YES = 1;
const NO = 2;
const NOT_SURE = 3;
const OPTION = 4;
const SET = 5;
const NUMBER = 6;

/** Per table (one per rule base and language): question and option ids → indices. */
const indexes = new WeakMap();

function indexOf(t) {
  let ix = indexes.get(t);
  if (!ix) {
    ix = {
      questions: new Map(t.questions.map((id, i) => [id, i])),
      options: t.option_ids.map((ids) => new Map(ids.map((id, i) => [id, i]))),
    };
    indexes.set(t, ix);
  }
  return ix;
}

const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);

/** Reused for every call (the adapter copies what it returns at once). */
let buf = new Uint32Array(1024);
let n = 0;
function put(x) {
  if (n === buf.length) {
    const bigger = new Uint32Array(buf.length * 2);
    bigger.set(buf);
    buf = bigger;
  }
  buf[n++] = x;
}

/**
 * @param {object} answers a plain object (the adapter has checked it is an object, not a list)
 * @param {any} t the engine's string table (src/tape.rs tables_json)
 * @returns {Uint32Array|null} [question, tag, …]…, or null: use answers_text. A view of a buffer
 *   reused by the next call: copy it before calling again.
 */
export function encode_answers(answers, t) {
  try {
    if (typeof answers.toJSON === 'function') return null;
    const keys = Object.keys(answers);
    if (keys.length > MAX_KEYS) return null;
    const ix = indexOf(t);
    n = 0;
    let total = 0;
    for (const key of keys) {
      const q = ix.questions.get(key);
      if (q === undefined) return null;
      total += key.length;
      const v = answers[key];
      if (v === null || v === undefined) continue;
      if (v === 'not_sure') {
        if (!t.not_sure[q]) return null;
        put(q);
        put(NOT_SURE);
        total += v.length;
        continue;
      }
      switch (t.kinds[q]) {
        case 'yes_no':
          if (typeof v !== 'boolean') return null;
          put(q);
          put(v ? YES : NO);
          break;
        case 'one_of': {
          const o = typeof v === 'string' ? ix.options[q].get(v) : undefined;
          if (o === undefined) return null;
          put(q);
          put(OPTION);
          put(o);
          total += v.length;
          break;
        }
        case 'several_of': {
          if (!Array.isArray(v) || v.length > MAX_ITEMS) return null;
          put(q);
          put(SET);
          put(v.length);
          for (let i = 0; i < v.length; i++) {
            const item = v[i];
            const o = typeof item === 'string' ? ix.options[q].get(item) : undefined;
            if (o === undefined) return null;
            put(o);
            total += item.length;
          }
          break;
        }
        case 'number': {
          const min = t.min[q];
          const max = t.max[q];
          if (typeof v !== 'number' || !Number.isFinite(v)) return null;
          if ((min !== null && v < min) || (max !== null && v > max)) return null;
          f64[0] = v;
          put(q);
          put(NUMBER);
          put(f64Words[0]);
          put(f64Words[1]);
          break;
        }
        default:
          return null;
      }
    }
    // Ids are ASCII, so UTF-16 units are UTF-8 bytes here.
    if (total > MAX_TOTAL) return null;
    return buf.subarray(0, n);
  } catch {
    return null;
  }
}

const notFinite = (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? {} : v);

/**
 * @param {object} answers
 * @returns {string}
 */
export function answers_text(answers) {
  for (const k of Object.keys(answers)) {
    const v = answers[k];
    if (typeof v === 'number' && !Number.isFinite(v)) return JSON.stringify(answers, notFinite);
  }
  return JSON.stringify(answers);
}
