// The words for the engine's ids. The engine answers in ids (./engine.js); the catalogue files
// beside it (pkg/questions.<lang>.json, catalogue.<lang>.json, causes.<lang>.json; docs/api.md)
// own every word. These functions join the two, for the page and for API users alike; answer
// wording is written here and nowhere else (answerText).

/** The words of answers that are not an option's label or a number. */
const WORDS = {
  'zh-CN': { unanswered: '未回答', not_sure: '不确定', yes: '是', no: '否', none: '以上都没有', sep: '、' },
  en: { unanswered: 'Not answered', not_sure: 'Not sure', yes: 'Yes', no: 'No', none: 'None of these', sep: ', ' },
};

/**
 * @typedef {{id: string, kind: 'yes_no'|'one_of'|'several_of'|'number', text: string, help?: string, not_sure: boolean,
 *   options: {id: string, label: string, help?: string}[], options_from?: string, unit?: string, min?: number, max?: number,
 *   ask_when?: string}} Question
 * @typedef {'zh-CN'|'en'} Lang
 */

/**
 * A number as a reader of `lang` writes it (5,000).
 * @param {number} n
 * @param {Lang} lang
 */
export function formatNumber(n, lang) {
  try {
    return new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN').format(n);
  } catch {
    return String(n);
  }
}

/**
 * An answer in the question's own words: the one place answers are worded (results, the check
 * answers page, shared summaries).
 * @param {Question} q
 * @param {unknown} v the answer as given (undefined or null: unanswered)
 * @param {Lang} lang
 */
export function answerText(q, v, lang) {
  const w = WORDS[lang] || WORDS['zh-CN'];
  if (v === undefined || v === null) return w.unanswered;
  if (v === 'not_sure') return w.not_sure;
  const label = (id) => q.options.find((o) => o.id === id)?.label ?? String(id);
  switch (q.kind) {
    case 'yes_no':
      return v ? w.yes : w.no;
    case 'one_of':
      return label(v);
    case 'several_of':
      return Array.isArray(v) && v.length ? v.map(label).join(w.sep) : w.none;
    case 'number':
      return q.unit ? `${formatNumber(Number(v), lang)} ${q.unit}` : formatNumber(Number(v), lang);
    default:
      return String(v);
  }
}

/**
 * The questions with every option: those of a question with `options_from` are the catalogue's
 * requirements of that group, in catalogue order, labelled with their names.
 * @param {{questions: Question[]}} file pkg/questions.<lang>.json, parsed
 * @param {any} catalogue the catalogue of the same language (expanded: loadCatalogue)
 * @returns {Question[]} new objects; the file is left as it is
 */
export function questionsFrom(file, catalogue) {
  const groups = new Map();
  for (const r of Object.values(catalogue.requirements || {})) {
    if (r.group === undefined) continue;
    if (!groups.has(r.group)) groups.set(r.group, []);
    groups.get(r.group).push({ id: r.id, label: r.name });
  }
  return file.questions.map((q) => (q.options_from === undefined ? { ...q } : { ...q, options: groups.get(q.options_from) || [] }));
}

/**
 * A wording with its `{question}` placeholders filled with the answers' words (answerText).
 * @param {string} text
 * @param {Record<string, unknown>} values the report's `answers` (question id → value as given)
 * @param {Map<string, Question>} byId
 * @param {Lang} lang
 */
export function fillAnswers(text, values, byId, lang) {
  return text.replace(/\{([a-z0-9_]+)\}/g, (whole, id) => (byId.has(id) ? answerText(byId.get(id), values[id], lang) : whole));
}

/**
 * The wording of a condition not known yet: the condition alone, without the verdict that follows
 * its colon (rules/README.md; the build checks that a wording naming an answer has one), so that
 * it never says "yours is not answered, which is short".
 * @param {string} text a not-met wording
 */
export function conditionOnly(text) {
  const m = /^(.+?)(：|: )/.exec(text);
  if (!m) return text;
  return m[2] === '：' ? m[1] + '。' : m[1] + '.';
}

/**
 * An item's eligibility entries as they apply to these answers (the engine decides which; the
 * catalogue words them): `conditions` in catalogue order, each `{text, met, blocks}` — met true
 * (met wording, every answer it reads given), false (not-met wording), or null (not known yet:
 * the condition alone, conditionOnly, and `settle` names the questions that decide it); the same
 * sentence once.
 * `notes`: the texts of the notes (`[[requirement.note]]`) whose condition holds.
 * Entries about another entity type, platform or product are in neither.
 */
function eligibilityOf(item, r, fill) {
  const entries = r?.eligibility || [];
  const found = [];
  for (const p of item.problems) {
    if (p.eligibility === undefined) continue;
    found.push({ at: p.eligibility, met: p.certain ? false : null, blocks: p.blocks, settle: p.certain ? undefined : p.settle });
  }
  for (const at of item.met || []) found.push({ at, met: true, blocks: entries[at]?.blocks ?? true });
  found.sort((a, b) => a.at - b.at);
  const conditions = [];
  const notes = [];
  const seen = new Set();
  for (const f of found) {
    const e = entries[f.at];
    if (!e) continue;
    if (e.met === undefined) {
      if (f.met === false) notes.push(fill(e.text));
      continue;
    }
    const text = fill(f.met ? e.met : f.met === null ? conditionOnly(e.text) : e.text);
    if (seen.has(text)) continue;
    seen.add(text);
    const c = { text, met: f.met, blocks: f.blocks };
    if (f.settle) c.settle = f.settle;
    conditions.push(c);
  }
  return { conditions, notes };
}

/**
 * A report with its words: each requirement's `name`; `conditions` and `notes` (eligibilityOf);
 * `held` (the operator already has it); `elsewhere` (not needed only because of the platform or
 * product: about another one); `apply` (where to apply: {name, url?, confirmed}), also on
 * the plan's steps with their `name`; for a "one of" alternative `one_of_id`, the same for
 * every member of its group; each problem's `text` (the eligibility entry's, for a condition not
 * known yet the condition alone, conditionOnly; or the rule's; the engine lists a note only when it holds);
 * `ask` (whom to ask) on items that need confirming; `answers` as {question, answer, value}
 * (answerText); `counts` (countItems) and `blockers` (blockersOf). Everything else is the report as the engine gave it.
 * @param {any} report evaluate()'s value
 * @param {{catalogue: any, questions: Question[], lang: Lang}} words the catalogue and the questions
 *   (questionsFrom) of one language
 * @returns {any} a new object; the report is left as it is
 */
export function describe(report, { catalogue, questions, lang }) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const fill = (text) => fillAnswers(text, report.answers, byId, lang);
  const requirements = report.requirements.map((item) => {
    const r = catalogue.requirements[item.id];
    const problems = item.problems.map((p) => {
      const from = p.rule !== undefined ? catalogue.rules[p.rule] : r?.eligibility?.[p.eligibility];
      const text = from?.text ?? '';
      // A condition not known yet is worded without its verdict (a note holds: it is certain).
      return { ...p, text: fill(p.certain || p.rule !== undefined || from?.met === undefined ? text : conditionOnly(text)) };
    });
    const out = { ...item, name: r?.name ?? item.id, problems, ...eligibilityOf(item, r, fill), held: item.held === true };
    if (r?.apply) out.apply = applyOf(r.apply);
    if (item.one_of) out.one_of_id = item.one_of.join(' ');
    // Not needed only because of the platform or product answered: about another platform or
    // product, not this operator (a result need not list it).
    if (item.status === 'not_needed' && item.because.length && item.because.every((b) => b.answers.length && b.answers.every((q) => q === 'platform' || q === 'product'))) out.elsewhere = true;
    // Whom to ask, for an item that needs confirming (the deciding rules' `ask`, in the core catalogue).
    if (item.status === 'needs_confirming') out.ask = item.because.map((b) => catalogue.rules[b.rule]?.ask).filter(Boolean);
    return out;
  });
  const answers = {};
  for (const [id, value] of Object.entries(report.answers)) {
    const q = byId.get(id);
    answers[id] = { question: q?.text ?? id, answer: q ? answerText(q, value, lang) : String(value), value };
  }
  // Plan steps with their names and where to apply (the step's requirement's).
  const steps = report.plan.steps.map((st) => {
    const r = catalogue.requirements[st.id];
    return r?.apply ? { ...st, name: r.name ?? st.id, apply: applyOf(r.apply) } : { ...st, name: r?.name ?? st.id };
  });
  return { ...report, requirements, answers, plan: { ...report.plan, steps }, counts: countItems(report.requirements), blockers: blockersOf(requirements) };
}

/**
 * What this operator cannot do, for the top of a result: items not accepted (by this platform or
 * for this entity type), and required items with a blocking condition not met. Each once:
 * {id, name, status, texts} — `texts` the unmet conditions' words (empty for not accepted: the
 * item's `because` says why); `entity: true` when a condition that blocks compares the entity
 * type (the way forward is another entity type).
 * @param {any[]} items described items
 */
function blockersOf(items) {
  const out = [];
  for (const i of items) {
    if (i.held) continue;
    const unmet = i.conditions.filter((c) => c.met === false && c.blocks);
    if (i.status === 'not_accepted' || (i.status === 'required' && unmet.length)) {
      const entity = i.problems.some((p) => p.certain && p.blocks && p.answers.includes('entity')) || i.because.some((b) => b.rule === 'entity');
      out.push({ id: i.id, name: i.name, status: i.status, texts: unmet.map((c) => c.text), entity });
    }
  }
  return out;
}

/** Where to apply, as an item or a plan step carries it: {name, url?, confirmed} (confirmed false: the
 * address or system could not be confirmed; say so). */
function applyOf(a) {
  const out = { name: a.name, confirmed: a.confidence !== 'unconfirmed' };
  if (a.url) out.url = a.url;
  return out;
}

/**
 * What a result counts: `required` — required items the operator does not hold yet, a "one of"
 * group once; `held`; `needs_confirming`, `possible`, `not_accepted` — each its own count (needs
 * confirming is never counted as required).
 * @param {{id: string, status: string, one_of?: string[], held?: boolean}[]} items
 */
export function countItems(items) {
  const counts = { required: 0, held: 0, needs_confirming: 0, possible: 0, not_accepted: 0 };
  const groups = new Set();
  for (const item of items) {
    if (item.status === 'required' && item.held) counts.held++;
    else if (item.status === 'required' && item.one_of) {
      const g = item.one_of.join(' ');
      if (!groups.has(g) && !item.one_of.some((id) => items.some((i) => i.id === id && i.held))) counts.required++;
      groups.add(g);
    } else if (item.status in counts) counts[item.status]++;
  }
  return counts;
}

/**
 * diagnose()'s causes with their words: title, meaning, fix, rule, and the requirement ids the fix
 * may need (implies) and the confidence.
 * @param {{id: string, score: number, matched: string[]}[]} causes
 * @param {{causes: Record<string, any>}} file pkg/causes.<lang>.json, parsed
 */
export function describeCauses(causes, file) {
  return causes.map((c) => ({ ...c, ...(file.causes[c.id] || { title: c.id, meaning: '', fix: '', rule: '', implies: [] }) }));
}
