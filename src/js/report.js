// Rebuilds a report object from the engine's tape (src/tape.rs documents the layout) and the
// strings of its table. Imported by the wasm adapter (src/wasm.rs) through wasm-bindgen, which
// ships this file in pkg/snippets/. The objects are built with their keys in the order of the
// engine's JSON report, so JSON.stringify of the result is byte-identical to it.

const STATUS = ['required', 'possible', 'not_accepted', 'not_needed'];
const NONE = 0xffffffff;

/**
 * @param {string} json the table (tape.rs `tables_json`), parsed once per rule base and language
 * @returns {object}
 */
export function parse_tables(json) {
  return JSON.parse(json);
}

/**
 * @param {Uint32Array} tape a view of the engine's memory: read here, never kept
 * @param {any} t the parsed table
 */
export function build_report(tape, t) {
  let p = 0;
  const qs = t.questions;
  const ids = () => {
    const n = tape[p++];
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = qs[tape[p++]];
    return out;
  };
  // An answer's words, put together as the engine's answer_label does (tape.rs answer_words).
  const words = (q) => {
    const kind = tape[p++];
    if (kind === 0) return t.words[tape[p++]];
    const n = tape[p++];
    if (kind === 1) {
      const labels = t.options[q];
      let s = labels[tape[p++]];
      for (let k = 1; k < n; k++) s += t.separator + labels[tape[p++]];
      return s;
    }
    const s = String.fromCharCode.apply(null, tape.subarray(p, p + n));
    p += n;
    return t.units[q] === null ? s : s + ' ' + t.units[q];
  };
  const because = () => {
    const n = tape[p++];
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      const rule = t.deciders[tape[p++]];
      out[i] = { rule, answers: ids() };
    }
    return out;
  };

  const asked = ids();
  const next = tape[p] === NONE ? null : qs[tape[p]];
  p++;
  const flow = { asked, next, unsure: ids() };

  const requirements = new Array(tape[p++]);
  for (let i = 0; i < requirements.length; i++) {
    const r = tape[p++];
    const status = STATUS[tape[p++]];
    const b = because();
    const settle = ids();
    let item;
    if (tape[p] === NONE) {
      p++;
      item = { id: t.requirements[r], layer: t.layers[r], status, because: b, settle, problems: null };
    } else {
      const one_of = t.groups[tape[p]][tape[p + 1]].slice();
      p += 2;
      item = { id: t.requirements[r], layer: t.layers[r], status, because: b, settle, one_of, problems: null };
    }
    const np = tape[p++];
    const problems = new Array(np);
    for (let k = 0; k < np; k++) {
      problems[k] = { text: t.texts[tape[p]], blocks: tape[p + 1] === 1, certain: tape[p + 2] === 1 };
      p += 3;
    }
    item.problems = problems;
    requirements[i] = item;
  }

  const checklist = new Array(tape[p++]);
  for (let i = 0; i < checklist.length; i++) {
    const id = t.checks[tape[p++]];
    const status = tape[p++] === 1 ? 'required' : 'possible';
    const b = because();
    checklist[i] = { id, status, because: b, settle: ids() };
  }

  const next_questions = new Array(tape[p++]);
  for (let i = 0; i < next_questions.length; i++) {
    next_questions[i] = { id: qs[tape[p]], settles: tape[p + 1] };
    p += 2;
  }

  const steps = new Array(tape[p++]);
  for (let i = 0; i < steps.length; i++) {
    const r = tape[p];
    steps[i] = {
      id: t.requirements[r],
      step: t.steps[r],
      start: [tape[p + 1], tape[p + 2]],
      finish: [tape[p + 3], tape[p + 4]],
    };
    p += 5;
  }
  const plan = { steps, total: [tape[p], tape[p + 1]] };
  p += 2;

  const answers = {};
  const n = tape[p++];
  for (let i = 0; i < n; i++) {
    const q = tape[p++];
    answers[qs[q]] = { question: t.question_texts[q], answer: words(q) };
  }

  return { version: t.version, flow, requirements, checklist, next_questions, plan, answers };
}
