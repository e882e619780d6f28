// Rebuilds a report object from the engine's tape (src/tape.rs documents the layout) and the
// strings of its table. Imported by the wasm adapter (src/wasm.rs) through wasm-bindgen, which
// ships this file in pkg/snippets/. The objects are built with their keys in the order of the
// engine's JSON report, so JSON.stringify of the result is byte-identical to it.
//
// A report is a read-only value (docs/api.md): parts that recur are built once and shared, and
// frozen, so that changing them throws (in strict mode) instead of changing other reports: one
// empty array for every empty list, the one_of groups and the problem objects {text, blocks,
// certain} (made once per table, on first use), the plan's [min, max] pairs of working days, the
// lists of question ids and `because` entries the engine numbers (src/tape.rs), and the items
// the tape marks to keep, with all they hold (kept by requirement: the next report gives the same
// object again when it is unchanged). The rest is built for the
// report and not frozen. The tape is read in one function with a local position (helper
// closures capturing it would make V8 keep it in a context object).

const STATUS = ['required', 'possible', 'not_accepted', 'not_needed', 'needs_confirming'];
const NONE = 0xffffffff;
const REF = 0x80000000;
const NEW = 0x40000000;
const EMPTY = Object.freeze([]);

/**
 * @param {string} json the table (tape.rs `tables_json`), parsed once per rule base and language
 * @returns {object}
 */
export function parse_tables(json) {
  const t = JSON.parse(json);
  for (const groups of t.groups) for (const g of groups) Object.freeze(g);
  // Frozen {text, blocks, certain}, by 4 * text + 2 * blocks + certain, made on first use.
  t.problem_objects = new Map();
  // What the tape refers back to (src/tape.rs): sets of question ids by number, and `because`
  // entries by number, with each entry alone in a list (made when first needed).
  t.sets = [];
  t.entries = [];
  t.singles = [];
  // The items of the last report by requirement (the tape sends an unchanged one by reference).
  t.items = [];
  return t;
}

/** What readSet read: the list, and whether it is one the table keeps (or the empty one). */
const read = { out: EMPTY, kept: true };

/** Reads a question set {q} at p (tape.rs) into `read`; returns the position after it. */
function readSet(tape, p, t) {
  const x = tape[p++];
  if (x === 0) {
    read.out = EMPTY;
    read.kept = true;
  } else if (x >= REF) {
    const s = t.sets[x - REF];
    if (s === undefined) throw new Error('the tape refers to a set it never sent');
    read.out = s;
    read.kept = true;
  } else {
    const m = x >= NEW ? tape[p++] : x;
    const qs = t.questions;
    const s = new Array(m);
    for (let j = 0; j < m; j++) s[j] = qs[tape[p++]];
    if (x >= NEW) {
      t.sets[x - NEW] = Object.freeze(s);
      read.kept = true;
    } else read.kept = false;
    read.out = s;
  }
  return p;
}

/** What readBecause read last. */
let readList = EMPTY;

/**
 * Reads a `because` list at p (tape.rs) into `readList`; returns the position after it. An entry
 * the tape numbers is built once and shared (frozen), and so is a list of that entry alone.
 */
function readBecause(tape, p, t) {
  const nb = tape[p++];
  if (nb === 0) {
    readList = EMPTY;
  } else if (nb === 1) {
    const x = tape[p];
    if (x >= NEW) {
      const k = x >= REF ? x - REF : x - NEW;
      p = readEntry(tape, p, t);
      let one = t.singles[k];
      if (one === undefined) one = t.singles[k] = Object.freeze([readOne]);
      readList = one;
    } else {
      p = readEntry(tape, p, t);
      readList = [readOne];
    }
  } else {
    const list = new Array(nb);
    for (let k = 0; k < nb; k++) {
      p = readEntry(tape, p, t);
      list[k] = readOne;
    }
    readList = list;
  }
  return p;
}

/** What readEntry read last. */
let readOne = null;

/** Reads one `because` entry at p (REF | e, NEW | e d {set}, or d {set}) into `readOne`. */
function readEntry(tape, p, t) {
  const x = tape[p++];
  if (x >= REF) {
    const e = t.entries[x - REF];
    if (e === undefined) throw new Error('the tape refers to an entry it never sent');
    readOne = e;
    return p;
  }
  const numbered = x >= NEW;
  const d = numbered ? tape[p++] : x;
  p = readSet(tape, p, t);
  const e = { rule: t.deciders[d], answers: read.out };
  if (numbered) {
    // (After the engine forgot what it sent, numbers start again: an old list is not this one.)
    t.entries[x - NEW] = Object.freeze(e);
    t.singles[x - NEW] = undefined;
  }
  readOne = e;
  return p;
}

/** Freezes a `because` list that an item to keep holds, with its entries (most already are). */
function freezeList(list) {
  if (Object.isFrozen(list)) return;
  for (const e of list) {
    if (Object.isFrozen(e)) continue;
    Object.freeze(e.answers);
    Object.freeze(e);
  }
  Object.freeze(list);
}

function problem(t, text, blocks, certain) {
  const k = 4 * text + 2 * blocks + certain;
  let o = t.problem_objects.get(k);
  if (o === undefined) {
    o = Object.freeze({ text: t.texts[text], blocks: blocks === 1, certain: certain === 1 });
    t.problem_objects.set(k, o);
  }
  return o;
}

/** Frozen [min, max] pairs of working days, shared by every plan: by min, then max (below 1,024). */
const PAIRS = [];

function pair(a, b) {
  if (a >= 1024 || b >= 1024) return [a, b];
  let row = PAIRS[a];
  if (row === undefined) {
    row = new Array(1024);
    PAIRS[a] = row;
  }
  let x = row[b];
  if (x === undefined) {
    x = Object.freeze([a, b]);
    row[b] = x;
  }
  return x;
}

/**
 * @param {Uint32Array} tape a view of the engine's memory: read here, never kept
 * @param {any} t the parsed table
 */
export function build_report(tape, t) {
  let p = 0;
  const qs = t.questions;

  let n = tape[p++];
  let asked = EMPTY;
  if (n > 0) {
    asked = new Array(n);
    for (let i = 0; i < n; i++) asked[i] = qs[tape[p++]];
  }
  const next = tape[p] === NONE ? null : qs[tape[p]];
  p++;
  n = tape[p++];
  let unsure = EMPTY;
  if (n > 0) {
    unsure = new Array(n);
    for (let i = 0; i < n; i++) unsure[i] = qs[tape[p++]];
  }
  const flow = { asked, next, unsure };

  n = tape[p++];
  let requirements = EMPTY;
  if (n > 0) requirements = new Array(n);
  const items = t.items;
  for (let i = 0; i < n; i++) {
    let r = tape[p++];
    if (r >= REF) {
      // The item of this requirement in the last report, unchanged.
      const kept = items[r - REF];
      if (kept === undefined) throw new Error('the tape refers to an item it never sent');
      requirements[i] = kept;
      continue;
    }
    // To keep (frozen, with all it holds: the next report may send it by reference).
    const keep = r >= NEW;
    if (keep) r -= NEW;
    const status = STATUS[tape[p++]];
    // The usual cases inline: one entry sent before (its list kept), and an empty or kept set.
    let because;
    const nb = tape[p];
    if (nb === 1 && tape[p + 1] >= REF && t.singles[tape[p + 1] - REF] !== undefined) {
      because = t.singles[tape[p + 1] - REF];
      p += 2;
    } else if (nb === 0) {
      because = EMPTY;
      p++;
    } else {
      p = readBecause(tape, p, t);
      because = readList;
      if (keep) freezeList(because);
    }
    let settle;
    const x = tape[p];
    if (x === 0) {
      settle = EMPTY;
      p++;
    } else {
      p = readSet(tape, p, t);
      settle = keep && !read.kept ? Object.freeze(read.out) : read.out;
    }
    let one_of = null;
    if (tape[p] === NONE) p++;
    else {
      one_of = t.groups[tape[p]][tape[p + 1]];
      p += 2;
    }
    const np = tape[p++];
    let problems = EMPTY;
    if (np > 0) {
      problems = new Array(np);
      for (let k = 0; k < np; k++) {
        problems[k] = problem(t, tape[p], tape[p + 1], tape[p + 2]);
        p += 3;
      }
      if (keep) Object.freeze(problems);
    }
    const item =
      one_of === null
        ? { id: t.requirements[r], layer: t.layers[r], status, because, settle, problems }
        : { id: t.requirements[r], layer: t.layers[r], status, because, settle, one_of, problems };
    if (keep) items[r] = Object.freeze(item);
    requirements[i] = item;
  }

  n = tape[p++];
  let checklist = EMPTY;
  if (n > 0) checklist = new Array(n);
  for (let i = 0; i < n; i++) {
    const id = t.checks[tape[p++]];
    const status = tape[p++] === 1 ? 'required' : 'possible';
    p = readBecause(tape, p, t);
    const because = readList;
    p = readSet(tape, p, t);
    const settle = read.out;
    checklist[i] = { id, status, because, settle };
  }

  n = tape[p++];
  let next_questions = EMPTY;
  if (n > 0) {
    next_questions = new Array(n);
    for (let i = 0; i < n; i++) {
      next_questions[i] = { id: qs[tape[p]], settles: tape[p + 1] };
      p += 2;
    }
  }

  n = tape[p++];
  let steps = EMPTY;
  if (n > 0) {
    steps = new Array(n);
    for (let i = 0; i < n; i++) {
      const r = tape[p];
      steps[i] = {
        id: t.requirements[r],
        step: t.steps[r],
        start: pair(tape[p + 1], tape[p + 2]),
        finish: pair(tape[p + 3], tape[p + 4]),
      };
      p += 5;
    }
  }
  const plan = { steps, total: pair(tape[p], tape[p + 1]) };
  p += 2;

  // The words of every cited answer, put together as the engine's answer_label does
  // (tape.rs answer_words).
  const answers = {};
  n = tape[p++];
  for (let i = 0; i < n; i++) {
    const q = tape[p++];
    const kind = tape[p++];
    let words;
    if (kind === 0) words = t.words[tape[p++]];
    else {
      const m = tape[p++];
      if (kind === 1) {
        const labels = t.options[q];
        words = labels[tape[p++]];
        for (let k = 1; k < m; k++) words += t.separator + labels[tape[p++]];
      } else {
        words = String.fromCharCode.apply(null, tape.subarray(p, p + m));
        p += m;
        if (t.units[q] !== null) words += ' ' + t.units[q];
      }
    }
    answers[qs[q]] = { question: t.question_texts[q], answer: words };
  }

  return { version: t.version, flow, requirements, checklist, next_questions, plan, answers };
}
