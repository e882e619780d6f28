// Answers: validation against the questions, the share-link encoding and (from ../describe.js)
// the words of an answer.
// The share link is the URL fragment `#v=1&<question id>=<value>&…`, in question order:
//   yes_no → yes | no;  one_of → option id;  several_of → ids joined by "," ("" = none of these);
//   number → decimal;  any question with "not sure" → not_sure.
// Unknown keys and invalid values are ignored and reported, never fatal.

import { answerText, formatNumber } from '../wasm-loader.js';
import { foldAnswers, foldedInto, oldValue } from './folded.js';

export { formatNumber };
export const SHARE_VERSION = 1;
/** Links up to this length are always read; longer ones only if the checker itself could make them (longestLink). */
const MAX_FRAGMENT = 8192;

/**
 * The length of the longest link the checker can make for these questions (every option of every
 * several_of picked, the longest option or a number elsewhere): a link this long is read, so that
 * every link the checker makes works (234 WeChat categories make one of over 8,192 characters).
 * @param {import('./types.js').Question[]} questions
 */
export function longestLink(questions) {
  let n = 'v=1'.length;
  for (const q of questions) {
    const ids = (q.options || []).map((o) => encodeURIComponent(o.id).length);
    // A question whose options are not here yet (the WeChat categories' records come later): 64 KB.
    const later = q.options_from && !ids.length;
    const value = q.kind === 'several_of' ? (later ? 65536 : ids.reduce((a, b) => a + b + 3, 0)) : Math.max(24, ...ids);
    n += 2 + encodeURIComponent(q.id).length + value;
  }
  return n;
}

/**
 * Check one value against its question. Returns the normalised value or undefined.
 * @param {import('./types.js').Question} q question from questions(lang)
 * @param {unknown} v
 */
export function checkValue(q, v) {
  if (v === 'not_sure') return q.not_sure ? v : undefined;
  switch (q.kind) {
    case 'yes_no':
      return typeof v === 'boolean' ? v : undefined;
    case 'one_of':
      return typeof v === 'string' && (q.options || []).some((o) => o.id === v) ? v : undefined;
    case 'several_of': {
      if (!Array.isArray(v)) return undefined;
      // Options taken from the catalogue (options_from) are not in the questions file the first
      // screen is drawn from: kept until the engine's questions check them (state.revalidate).
      const ids = q.options_from && !q.options?.length ? null : new Set((q.options || []).map((o) => o.id));
      const out = [];
      for (const x of v) {
        if (typeof x !== 'string' || (ids && !ids.has(x))) return undefined;
        if (!out.includes(x)) out.push(x);
      }
      return out;
    }
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
      if (q.min != null && v < q.min) return undefined;
      if (q.max != null && v > q.max) return undefined;
      return v;
    }
    default:
      return undefined;
  }
}

/**
 * Keep the answers that fit the questions.
 * @param {unknown} obj
 * @param {import('./types.js').Question[]} questions
 * @returns {{answers: import('./types.js').Answers, dropped: string[]}}
 */
export function validateAnswers(obj, questions) {
  const answers = {};
  const dropped = [];
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { answers, dropped };
  const byId = new Map(questions.map((q) => [q.id, q]));
  /** @type {Record<string, unknown>} answers to questions since folded into others (app/folded.js) */
  const old = {};
  for (const key of Object.keys(obj)) {
    const into = byId.has(key) ? undefined : foldedInto(key);
    const q = byId.get(into || key);
    const given = into ? oldValue(key, obj[key]) : obj[key];
    const v = q && given !== undefined ? checkValue(q, given) : undefined;
    if (v === undefined) dropped.push(key);
    else if (into) old[key] = v;
    else answers[key] = v;
  }
  dropped.push(...foldAnswers(answers, old));
  return { answers, dropped };
}

/**
 * Encode answers as a fragment (without "#").
 * @param {import('./types.js').Answers} answers
 * @param {import('./types.js').Question[]} questions
 */
export function encodeAnswers(answers, questions) {
  const p = new URLSearchParams();
  p.set('v', String(SHARE_VERSION));
  for (const q of questions) {
    if (!(q.id in answers)) continue;
    const v = answers[q.id];
    let s;
    if (v === 'not_sure') s = 'not_sure';
    else if (q.kind === 'yes_no') s = v ? 'yes' : 'no';
    else if (q.kind === 'several_of') s = v.join(',');
    else s = String(v);
    p.set(q.id, s);
  }
  return p.toString();
}

/**
 * Decode a fragment. Never throws.
 * @param {string} fragment with or without leading "#"
 * @param {import('./types.js').Question[]} questions
 * @returns {{present: boolean, version: number|null, answers: import('./types.js').Answers, ignored: string[], tooLong?: {length: number, limit: number}}}
 *   tooLong: a link longer than any the checker makes, not read (the page says so)
 */
export function decodeAnswers(fragment, questions) {
  /** @type {ReturnType<typeof decodeAnswers>} */
  const out = { present: false, version: null, answers: {}, ignored: [] };
  let s = String(fragment || '');
  if (s.startsWith('#')) s = s.slice(1);
  const limit = Math.max(MAX_FRAGMENT, longestLink(questions));
  if (s.length > limit && /^v=/.test(s)) out.tooLong = { length: s.length, limit };
  if (!s || s.length > limit) return out;
  let p;
  try {
    p = new URLSearchParams(s);
  } catch {
    return out;
  }
  if (!p.has('v')) return out;
  out.present = true;
  const ver = Number(p.get('v'));
  out.version = Number.isInteger(ver) ? ver : null;
  const byId = new Map(questions.map((q) => [q.id, q]));
  /** @type {Record<string, unknown>} answers to questions since folded into others (app/folded.js) */
  const old = {};
  for (const [key, raw] of p) {
    if (key === 'v') continue;
    const into = byId.has(key) ? undefined : foldedInto(key);
    const q = byId.get(into || key);
    if (!q || Object.prototype.hasOwnProperty.call(into ? old : out.answers, key)) {
      out.ignored.push(key);
      continue;
    }
    let v;
    if (into) v = oldValue(key, raw);
    else if (raw === 'not_sure') v = 'not_sure';
    else if (q.kind === 'yes_no') v = raw === 'yes' ? true : raw === 'no' ? false : undefined;
    else if (q.kind === 'several_of') v = raw === '' ? [] : raw.split(',');
    else if (q.kind === 'number') v = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : undefined;
    else v = raw;
    const ok = v === undefined ? undefined : checkValue(q, v);
    if (ok === undefined) out.ignored.push(key);
    else if (into) old[key] = ok;
    else out.answers[key] = ok;
  }
  out.ignored.push(...foldAnswers(out.answers, old));
  return out;
}

/**
 * The words of an answer: answerText of ../describe.js, the one place answers are worded.
 * @param {any} q
 * @param {any} v
 * @param {unknown} _t (unused: the words are answerText's)
 * @param {'zh-CN'|'en'} lang
 */
export function answerWords(q, v, _t, lang) {
  return answerText(q, v, lang);
}

/** Answers equal? (order-insensitive for arrays). */
export function sameAnswers(a, b) {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.join() !== kb.join()) return false;
  return ka.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/**
 * The presets over `into` (changed in place): `answers` in the share-link encoding (a leading `#`
 * and `v=1&` may be there or not) or as an object; `platform` as one option id.
 * @param {import('./types.js').Answers} into
 * @param {import('./types.js').Question[]} qs
 * @param {{answers?: string|import('./types.js').Answers|null, platform?: string|null}} preset
 */
export function withPreset(into, qs, { answers, platform }) {
  if (typeof answers === 'string' && answers) {
    const frag = /(^|[#&])v=/.test(answers) ? answers : 'v=' + SHARE_VERSION + '&' + answers.replace(/^#/, '');
    Object.assign(into, decodeAnswers(frag, qs).answers);
  } else if (answers && typeof answers === 'object') {
    Object.assign(into, validateAnswers(answers, qs).answers);
  }
  const pq = qs.find((q) => q.id === 'platform');
  if (platform && pq && into.platform === undefined && pq.options.some((o) => o.id === platform)) into.platform = platform;
}

/**
 * Writes the answers into the host page's URL fragment (sync-url), without a history entry.
 * @param {import('./types.js').Answers} answers
 * @param {import('./types.js').Question[]} qs
 */
export function writeFragment(answers, qs) {
  const frag = Object.keys(answers).length ? '#' + encodeAnswers(answers, qs) : '';
  const url = window.location.href.split('#')[0] + frag;
  if (url === window.location.href) return;
  try {
    window.history.replaceState(window.history.state, '', url || window.location.pathname);
  } catch {
    /* a sandboxed host may refuse; the share link still works */
  }
}
