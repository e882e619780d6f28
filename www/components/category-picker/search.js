// Matching for the category picker: Chinese text, English text, pinyin initials ("shsq" → 社会/社区…),
// or a word of the category's scope or an everyday word for it (「茶」 → 食品饮料: the search index).
// The pinyin table (data/pinyin-initials.js) is a module of its own, imported when a picker first
// opens (loadInitials): most readers never see the picker, and the element's first screen does not
// wait for it. Until it is here, names have no Han initials (Chinese and English still match).

/** @type {Map<string, string>|null} character → its possible initials (built once; never changed) */
let CHAR_INITIALS = null;
/** @type {Promise<void>|null} */
let loading = null;

/**
 * Load the pinyin table once per page; a failed load may be retried.
 * @returns {Promise<void>}
 */
export function loadInitials() {
  if (!loading) {
    loading = import('../../data/pinyin-initials.js').then(
      ({ INITIALS }) => {
        const m = new Map();
        for (const [letter, chars] of Object.entries(INITIALS)) {
          for (const ch of chars) m.set(ch, (m.get(ch) || '') + letter);
        }
        CHAR_INITIALS = m;
      },
      (e) => {
        loading = null;
        throw e;
      },
    );
  }
  return loading;
}

/** Whether the pinyin table is here (initialsOf knows Han characters). */
export function hasInitials() {
  return CHAR_INITIALS !== null;
}

/** The initials of a name, one entry per Han character or Latin letter/digit run start. */
export function initialsOf(name) {
  const seq = [];
  for (const ch of String(name)) {
    const i = CHAR_INITIALS && CHAR_INITIALS.get(ch);
    if (i) seq.push(i);
    else if (/[a-z0-9]/i.test(ch)) seq.push(ch.toLowerCase());
  }
  return seq;
}

/** Characters of a name that have no initials in the table (for the table's coverage test; after loadInitials). */
export function missingInitials(name) {
  if (!CHAR_INITIALS) throw new Error('the pinyin table is not loaded: await loadInitials() first');
  const table = CHAR_INITIALS;
  return [...String(name)].filter((ch) => /\p{Script=Han}/u.test(ch) && !table.has(ch));
}

function initialsMatch(seq, q) {
  outer: for (let start = 0; start + q.length <= seq.length; start++) {
    for (let j = 0; j < q.length; j++) if (!seq[start + j].includes(q[j])) continue outer;
    return start;
  }
  return -1;
}

/**
 * Score a candidate against a query: higher is better, -1 is no match.
 * @param {string} query
 * @param {{zh: string, en: string, initials: string[], words?: string}} c
 */
export function score(query, c) {
  const q = String(query).trim().toLowerCase().replace(/\s+/g, ' ');
  if (!q) return 0;
  const zh = c.zh.toLowerCase();
  const i = zh.indexOf(q);
  if (i >= 0) return 100 - Math.min(i, 50);
  const e = c.en.toLowerCase().indexOf(q);
  if (e >= 0) return 60 - Math.min(e, 50) / 5;
  if (/^[a-z]+$/.test(q)) {
    const at = initialsMatch(c.initials, q);
    if (at >= 0) return 40 - Math.min(at, 30);
  }
  // every word of a multi-word query somewhere in either name
  const words = q.split(' ').filter(Boolean);
  if (words.length > 1 && words.every((w) => zh.includes(w) || c.en.toLowerCase().includes(w))) return 10;
  // a word of its scope, or an everyday word for it (the search index, once loaded)
  if (c.words) {
    const at = c.words.indexOf(q);
    if (at >= 0) return c.words.split(' ').includes(q) ? 30 : 20 - Math.min(at, 10) / 2;
  }
  return -1;
}
