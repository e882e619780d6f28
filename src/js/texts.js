// The page's module (cargo feature `page`) is built without texts: question and option wording,
// requirement names, eligibility, rule and rejection-cause texts. The page loads them anyway, in
// questions.<lang>.json, catalogue.<lang>.json and causes.<lang>.json, and hands them to the module
// with `use_texts(lang, source)`; these functions put them where the full module has its own, so
// that what the page's module returns is identical to the full module's answers
// (tests/node/page-module.test.mjs). Imported by src/wasm.rs through wasm-bindgen; a throw here
// (texts that do not fit the module) comes back to the caller as a tagged error.

function byId(list, what) {
  if (!Array.isArray(list)) throw new Error(`${what} is not a list`);
  const out = new Map();
  for (const x of list) out.set(x.id, x);
  return out;
}

function found(value, what) {
  if (value === undefined || value === null) throw new Error(`${what} is missing from the texts`);
  return value;
}

/** @type {WeakMap<object, Map<string, any>>} each source's questions by id */
const indexed = new WeakMap();

function questionsOf(source) {
  let qs = indexed.get(source);
  if (!qs) {
    qs = byId(source.questions, 'questions');
    indexed.set(source, qs);
  }
  return qs;
}

function requirement(source, id) {
  return found(source.catalogue?.requirements?.[id], `requirement ${id}`);
}

/**
 * The string tables of src/tape.rs `tables_json` with every text filled in.
 * @param {any} t the parsed tables, filled in place
 * @param {{questions: any[], catalogue: any}} source
 */
export function fill_tables(t, source) {
  const qs = questionsOf(source);
  for (let i = 0; i < t.questions.length; i++) {
    const q = found(qs.get(t.questions[i]), `question ${t.questions[i]}`);
    t.question_texts[i] = q.text;
    if (t.units[i] !== null) t.units[i] = found(q.unit, `the unit of ${q.id}`);
    const ids = t.option_ids[i];
    if (q.options_from !== undefined) {
      for (let k = 0; k < ids.length; k++) t.options[i][k] = requirement(source, ids[k]).name;
    } else {
      const labels = new Map(q.options.map((o) => [o.id, o.label]));
      for (let k = 0; k < ids.length; k++) t.options[i][k] = found(labels.get(ids[k]), `option ${q.id}.${ids[k]}`);
    }
  }
  // Every requirement's eligibility texts in order, then every rule's text (tape.rs).
  const texts = [];
  for (const id of t.requirements) for (const e of requirement(source, id).eligibility || []) texts.push(e.text);
  const rules = t.deciders.length - 3; // the last three are the reasons that are not rules
  for (let k = 0; k < rules; k++) texts.push(found(source.catalogue.rules?.[t.deciders[k]], `rule ${t.deciders[k]}`).text);
  if (texts.length !== t.texts.length) {
    throw new Error(`the catalogue has ${texts.length} eligibility and rule texts, the module ${t.texts.length}`);
  }
  t.texts = texts;
  return t;
}

/**
 * `questions(lang)`'s list with its texts filled in.
 * @param {any[]} list filled in place
 * @param {{questions: any[], catalogue: any}} source
 */
export function fill_questions(list, source) {
  const qs = questionsOf(source);
  for (const q of list) {
    const s = found(qs.get(q.id), `question ${q.id}`);
    q.text = s.text;
    if ('help' in q) q.help = found(s.help, `the help of ${q.id}`);
    if ('unit' in q) q.unit = found(s.unit, `the unit of ${q.id}`);
    const options = q.options_from === undefined ? byId(s.options, `the options of ${q.id}`) : null;
    for (const o of q.options) {
      if (!options) {
        o.label = requirement(source, o.id).name;
        continue;
      }
      const so = found(options.get(o.id), `option ${q.id}.${o.id}`);
      o.label = so.label;
      if ('help' in o) o.help = found(so.help, `the help of ${q.id}.${o.id}`);
    }
  }
  return list;
}

/**
 * `diagnose`'s causes with their texts filled in.
 * @param {any[]} list filled in place
 * @param {{causes?: Record<string, any>}} source
 */
export function fill_causes(list, source) {
  if (!source.causes) throw new Error('the rejection causes (causes.<lang>.json) were not given to use_texts');
  for (const c of list) {
    const s = found(source.causes[c.id], `cause ${c.id}`);
    c.title = s.title;
    c.meaning = s.meaning;
    c.fix = s.fix;
    c.rule = s.rule;
  }
  return list;
}
