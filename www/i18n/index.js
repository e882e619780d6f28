// Message catalogues: keys, not strings; %{name} placeholders.
import zh from './zh-CN.js';
import en from './en.js';

export const LANGS = ['zh-CN', 'en'];
const CATALOGUES = { 'zh-CN': zh, en };

/** Normalise a lang attribute to one we support. */
export function normaliseLang(lang) {
  const l = String(lang || '').toLowerCase();
  if (l === 'en' || l.startsWith('en-')) return 'en';
  return 'zh-CN';
}

/**
 * A translator for one language. Unknown keys return the key itself (visible, never blank).
 * @param {string} lang
 * @returns {(key: string, params?: Record<string, string|number>) => string}
 */
export function translator(lang) {
  const cat = CATALOGUES[normaliseLang(lang)];
  return (key, params) => {
    const s = Object.prototype.hasOwnProperty.call(cat, key) ? cat[key] : key;
    if (!params) return s;
    return s.replace(/%\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  };
}

export { zh, en };
