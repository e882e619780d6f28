// Reading a number as a person writes an amount: plain digits in the question's unit (「100」 on a
// question in 万元 is 100 万元), or with its own unit — 「50万」「50万元」「500000元」「1亿」「¥500,000」
// 「500k」 — converted to the question's unit. A plain number that is implausibly large once read in
// the question's unit (more than 10亿元: 「500000」 meant as 元 on a question in 万元) is for the
// reader to confirm, not taken silently.

/** Yuan per unit word (lower case). */
const UNITS = { 亿: 1e8, 万: 1e4, w: 1e4, 千: 1e3, k: 1e3, m: 1e6, million: 1e6 };
/** More than this many yuan, written without a unit, is asked again. */
export const IMPLAUSIBLE_YUAN = 1e9;

/**
 * Yuan per one of the question's unit, from its wording (万元 / ×10,000 yuan → 10,000); 0: not money.
 * @param {string|undefined} unit
 */
export function unitScale(unit) {
  if (!unit) return 0;
  if (/亿|100,000,000/.test(unit)) return 1e8;
  if (/万|10,000|10k/i.test(unit)) return 1e4;
  return /元|yuan|rmb/i.test(unit) ? 1 : 0;
}

/**
 * @param {string} text what the reader typed
 * @param {number} scale yuan per one of the question's unit (0: not an amount: digits only)
 * @returns {{ok: false} | {ok: true, value: number, yuan: number, plain: boolean}} value in the question's unit
 */
export function parseAmount(text, scale) {
  const raw = text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
    .toLowerCase();
  const m = /^([¥￥])?(\d+(?:\.\d+)?)(亿|万|w|千|k|million|m)?(元|块|yuan|rmb)?$/.exec(raw);
  if (!m) return { ok: false };
  const [, sign, digits, times, yuanWord] = m;
  const n = Number(digits);
  if (!sign && !times && !yuanWord) return { ok: true, value: n, yuan: n * scale, plain: true };
  if (!scale) return { ok: false }; // a unit on a number that is not an amount
  const yuan = n * (times ? UNITS[/** @type {keyof UNITS} */ (times)] : 1);
  // The question's unit, rounded to what a licence's capital is written in (no float dust).
  return { ok: true, value: Math.round((yuan / scale) * 1e6) / 1e6, yuan, plain: false };
}

/**
 * An amount in yuan as a person says it: 「50亿元」, "5B yuan".
 * @param {number} yuan
 * @param {string} lang
 */
export function yuanWords(yuan, lang) {
  const f = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', { notation: 'compact', maximumFractionDigits: 2 }).format(yuan);
  return lang === 'en' ? `${f} yuan` : `${f}元`;
}
