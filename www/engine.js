// The engine's JavaScript API: evaluate(answers) and diagnose(text), in ids (docs/api.md).
//
// The one way in: the caller's answers are read here, once (each own enumerable key and list item
// read exactly once, so a getter or Proxy trap runs once; limits checked before a list is walked),
// into one text and one list of numbers, the copy that enters the module (./pkg/mpcheck.js). No
// caller code runs while the module is on the stack: a getter that throws, calls evaluate again or
// exhausts the stack does so here, and the module never sees it. Every error is a tagged object
// {kind, message, …}; the module is stateless, so a refused call changes nothing for the next.
import init, { initSync, evaluate as evaluateTape, diagnose as diagnoseIds, names as namesOf, version } from './pkg/mpcheck.js';

export { init as default, initSync, version };

/** Limits (docs/api.md); the module checks them again, in UTF-8 bytes. */
export const LIMITS = Object.freeze({ keys: 256, items: 1024, string: 256, total: 65536, text: 65536 });

/** An error as the module throws them (engine.d.ts MpcheckError). */
const tagged = (kind, message, more = {}) => ({ kind, message, ...more });
const limit = (what, max, actual) => tagged('limit_exceeded', `too large: ${what} is ${actual}, the limit is ${max}`, { what, limit: max, actual });

/** A string of at most LIMITS.string UTF-16 units (the module counts UTF-8 bytes). */
const short = (s) => (s.length > LIMITS.string ? (() => { throw limit('string', LIMITS.string, s.length); })() : s);

/** One answer value, read once: a primitive, or a list of strings read item by item. */
function readValue(question, v) {
  switch (typeof v) {
    case 'boolean':
    case 'number':
      return v;
    case 'string':
      return short(v);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined; // as JSON leaves them out: unanswered
    case 'object': {
      if (v === null) return null;
      if (!Array.isArray(v)) throw tagged('invalid_value', `the answer to \`${question}\` is not valid: an answer cannot be an object`, { question });
      const n = v.length;
      if (!Number.isInteger(n) || n < 0) throw tagged('invalid_value', `the answer to \`${question}\` is not valid: a list has no valid length`, { question });
      if (n > LIMITS.items) throw limit('items', LIMITS.items, n); // before a single item is read
      const out = new Array(n);
      for (let i = 0; i < n; i++) {
        const x = v[i];
        if (typeof x !== 'string') throw tagged('invalid_value', `the answer to \`${question}\` is not valid: a list holds option ids (strings)`, { question });
        out[i] = short(x);
      }
      return out;
    }
    default: // bigint
      throw tagged('invalid_value', `the answer to \`${question}\` is not valid: expected true, false, a number, a string or a list of strings`, { question });
  }
}

/**
 * The caller's answers, read once, as the module reads them (src/wasm/mod.rs `Encoded`; one crossing,
 * not one per key and string): every key and string in one text, each followed by "\0" (so that no
 * two join into one character), and numbers saying how to cut it: the count of answers, then per
 * answer its key's length and a kind: 0 null, 1 true, 2 false, 3 and the number, 4 and the string's
 * length, 5 and the list's length and each item's length (lengths in UTF-16 units).
 * @param {unknown} answers
 * @returns {[string, Float64Array]}
 */
export function readAnswers(answers) {
  let text = '', total = 0, shape = [0];
  const piece = (s) => ((text += s + '\0'), (total += s.length), shape.push(s.length));
  if (answers === undefined || answers === null) return [text, Float64Array.from(shape)];
  try {
    if (typeof answers !== 'object' || Array.isArray(answers)) {
      throw tagged('invalid_answers', 'the answers are not valid: answers must be an object of question ids');
    }
    const keys = Object.keys(answers);
    if (keys.length > LIMITS.keys) throw limit('keys', LIMITS.keys, keys.length);
    for (const key of keys) {
      const v = readValue(short(key), answers[key]);
      if (v === undefined) continue;
      shape[0]++;
      piece(key);
      if (v === null) shape.push(0);
      else if (typeof v === 'boolean') shape.push(v ? 1 : 2);
      else if (typeof v === 'number') shape.push(3, v);
      else if (typeof v === 'string') shape.push(4), piece(v);
      else shape.push(5, v.length), v.forEach(piece);
      if (total > LIMITS.total) throw limit('total', LIMITS.total, total);
    }
  } catch (e) {
    if (isTagged(e)) throw e;
    // A revoked Proxy, a trap or getter that threw, the stack exhausted while reading, …
    throw tagged('invalid_answers', `the answers object could not be read (${describeThrow(e)})`);
  }
  return [text, Float64Array.from(shape)];
}

/** Whether e is one of our tagged errors; false for anything odd (a thrown revoked Proxy, say). */
const isTagged = (e) => safely(() => Object.getPrototypeOf(e) === Object.prototype && typeof e.kind === 'string', false);
const describeThrow = (e) => safely(() => (e instanceof Error ? `${e.name}: ${e.message}` : 'a value was thrown'), 'a value was thrown');
function safely(f, otherwise) {
  try {
    return f();
  } catch {
    return otherwise;
  }
}
/** A few hundred frames of JavaScript stack: the module must not run out of stack midway. */
const headroom = (n) => (n === 0 ? 0 : headroom(n - 1) + 1);

/** Calls fn() when there is room on the stack to run the module; any non-tagged throw is tagged. */
function call(fn) {
  try {
    headroom(400);
  } catch {
    throw tagged('internal', 'called too close to the JavaScript stack limit; nothing was evaluated');
  }
  try {
    return fn();
  } catch (e) {
    if (isTagged(e)) throw e;
    throw tagged('internal', `the engine failed: ${describeThrow(e)}`);
  }
}

const STATUS = ['required', 'possible', 'not_accepted', 'not_needed', 'needs_confirming'];
const NONE = 0xffffffff;
const DECIDERS = { [NONE - 1]: 'picked', [NONE - 2]: 'entity', [NONE - 3]: 'when' };
const ANSWERS = [null, true, false, 'not_sure'];

/**
 * The report object (docs/api.md) from the module's numbers (src/wasm/tape.rs, which writes them
 * in this order) and the rule base's ids (`names()`, a constant). Every call builds a fresh object.
 * @param {Uint32Array} t
 * @param {any} n
 */
export function buildReport(t, n) {
  let p = 0;
  const ids = (table) => {
    const a = new Array(t[p++]);
    for (let k = 0; k < a.length; k++) a[k] = table[t[p++]];
    return a;
  };
  const because = () => {
    const a = new Array(t[p++]);
    for (let k = 0; k < a.length; k++) {
      const by = t[p++];
      a[k] = { rule: by < NONE - 3 ? n.rules[by] : DECIDERS[by], answers: ids(n.questions) };
    }
    return a;
  };
  const flow = { asked: ids(n.questions), next: t[p] === NONE ? (p++, null) : n.questions[t[p++]], unsure: ids(n.questions) };
  const requirements = new Array(t[p++]);
  for (let k = 0; k < requirements.length; k++) {
    const [r, status, why, settle] = [t[p++], STATUS[t[p++]], because(), ids(n.questions)];
    const oneOf = t[p] === NONE ? (p++, undefined) : ids(n.requirements);
    const problems = new Array(t[p++]);
    for (let j = 0; j < problems.length; j++) {
      const [e, rule, blocks, certain, answers, settle] = [t[p++], t[p++], t[p++] === 1, t[p++] === 1, ids(n.questions), ids(n.questions)];
      problems[j] = e === NONE ? { rule: n.rules[rule], blocks, certain, answers, settle } : { eligibility: e, blocks, certain, answers, settle };
    }
    const met = new Array(t[p++]);
    for (let j = 0; j < met.length; j++) met[j] = t[p++];
    // One literal per shape (with `one_of` or without): an object never gains a property later.
    const [id, layer, held] = [n.requirements[r], n.layers[r], t[p++] === 1];
    requirements[k] = oneOf ? { id, layer, status, because: why, settle, one_of: oneOf, problems, met, held } : { id, layer, status, because: why, settle, problems, met, held };
  }
  const checklist = new Array(t[p++]);
  for (let k = 0; k < checklist.length; k++) {
    checklist[k] = { id: n.checks[t[p++]], status: t[p++] ? 'required' : 'possible', because: because(), settle: ids(n.questions) };
  }
  const next = new Array(t[p++]);
  for (let k = 0; k < next.length; k++) next[k] = { id: n.questions[t[p++]], settles: t[p++] };
  const steps = new Array(t[p++]);
  for (let k = 0; k < steps.length; k++) {
    const [r, start, finish] = [t[p++], [t[p++], t[p++]], [t[p++], t[p++]]];
    const lead_time = t[p] === NONE ? ((p += 2), null) : [t[p++], t[p++]]; // NONE twice: unknown
    steps[k] = { id: n.requirements[r], step: n.steps[r], start, finish, lead_time };
  }
  const plan = { steps, total: [t[p++], t[p++]], unknown: steps.filter((s) => s.lead_time === null).map((s) => s.id) };
  const answers = {};
  const words = new Uint32Array(2);
  const number = new Float64Array(words.buffer); // a number's two words, read as one
  for (let k = t[p++]; k > 0; k--) {
    const q = t[p++];
    const kind = t[p++];
    const options = n.options[q];
    if (kind === 4) answers[n.questions[q]] = options[t[p++]];
    else if (kind === 5) answers[n.questions[q]] = ids(options);
    else if (kind === 6) {
      words[0] = t[p++];
      words[1] = t[p++];
      answers[n.questions[q]] = number[0];
    } else answers[n.questions[q]] = ANSWERS[kind];
  }
  return { version: n.version, flow, requirements, checklist, next_questions: next, plan, answers };
}

/** @type {any} the rule base's ids (`names()`): a constant of the module, asked for once */
let names = null;

/**
 * Answers → the report, in ids (docs/api.md; describe() in ./describe.js adds the words).
 * @param {unknown} answers an object of question ids → true/false, an option id, option ids, a number or "not_sure"
 * @returns {any} the report
 */
export function evaluate(answers) {
  const [text, shape] = readAnswers(answers);
  const tape = call(() => evaluateTape(text, shape));
  names ??= namesOf();
  return buildReport(tape, names);
}

/**
 * A pasted rejection message → the likely causes in ids, best first.
 * @param {unknown} text
 * @returns {{id: string, score: number, matched: string[]}[]}
 */
export function diagnose(text) {
  if (typeof text !== 'string') throw tagged('invalid_value', 'the pasted text must be a string');
  // UTF-16 units never outnumber UTF-8 bytes: this long is over the limit, refused before copying.
  if (text.length > LIMITS.text) throw limit('text', LIMITS.text, text.length);
  return call(() => diagnoseIds(text));
}
