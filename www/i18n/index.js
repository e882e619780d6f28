// Message catalogues: keys, not strings; %{name} placeholders.
// Chinese, the default language, is bundled with the element; English is a module of its own,
// fetched (relative to this module, or to the bundled element in dist/) only when a checker
// shows English: loadMessages('en') before the first translator('en').
import zh from './zh-CN.js';

export const LANGS = ['zh-CN', 'en'];
/** @type {Record<string, Record<string, string>>} the catalogues loaded so far */
const CATALOGUES = { 'zh-CN': zh };
/** @type {Map<string, Promise<void>>} */
const loading = new Map();

/** Normalise a lang attribute to one we support. */
export function normaliseLang(lang) {
  const l = String(lang || '').toLowerCase();
  if (l === 'en' || l.startsWith('en-')) return 'en';
  return 'zh-CN';
}

/**
 * Make one language's messages available to translator(). Once per page; a failed load may be
 * retried. Resolves at once for Chinese.
 * @param {string} lang
 * @returns {Promise<void>}
 */
export function loadMessages(lang) {
  const l = normaliseLang(lang);
  if (CATALOGUES[l]) return Promise.resolve();
  if (!loading.has(l)) {
    // The only other language; a literal specifier, so bundlers and tests/node/dist.test.mjs see it.
    const p = import('./en.js').then(
      (m) => {
        CATALOGUES[l] = m.default;
      },
      (e) => {
        loading.delete(l);
        throw e;
      },
    );
    loading.set(l, p);
  }
  return loading.get(l);
}

/** Whether translator(lang) has that language's messages (else it falls back to Chinese). */
export function hasMessages(lang) {
  return !!CATALOGUES[normaliseLang(lang)];
}

/**
 * A translator for one language. Unknown keys return the key itself (visible, never blank); a
 * language whose messages have not been loaded (loadMessages) falls back to Chinese.
 * @param {string} lang
 * @returns {(key: string, params?: Record<string, string|number>) => string}
 */
export function translator(lang) {
  const l = normaliseLang(lang);
  return (key, params) => {
    const cat = CATALOGUES[l] || zh;
    const s = Object.prototype.hasOwnProperty.call(cat, key) ? cat[key] : key;
    if (!params) return s;
    return s.replace(/%\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  };
}
