// Persistence in localStorage: one key per checker instance, versioned.
// A value we cannot read is never thrown away: it is copied to `<key>.backup` first.

export const STORE_VERSION = 1;

/** localStorage, or null where it is blocked (private mode, sandboxed iframes). */
function store() {
  try {
    const s = window.localStorage;
    const probe = '__mpcheck_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

/**
 * Read the saved state.
 * @param {string} key
 * @returns {{state: {answers: import('./types.js').Answers, ticks: Record<string, boolean>, lang?: string, mode?: string}|null,
 *   problem: null|'damaged'|'old'|'newer'|'unavailable', backupKey?: string}}
 */
export function loadState(key) {
  const s = store();
  if (!s) return { state: null, problem: 'unavailable' };
  const raw = s.getItem(key);
  if (raw == null) return { state: null, problem: null };
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const ok = parsed && typeof parsed === 'object' && !Array.isArray(parsed);
  if (ok && parsed.v === STORE_VERSION) {
    return {
      state: {
        answers: parsed.answers && typeof parsed.answers === 'object' ? parsed.answers : {},
        ticks: cleanTicks(parsed.ticks),
        lang: typeof parsed.lang === 'string' ? parsed.lang : undefined,
        mode: typeof parsed.mode === 'string' ? parsed.mode : undefined,
      },
      problem: null,
    };
  }
  const backupKey = backup(s, key, raw);
  if (ok && typeof parsed.v === 'number' && parsed.v > STORE_VERSION) {
    return { state: null, problem: 'newer', backupKey };
  }
  if (ok && (parsed.v === undefined || (typeof parsed.v === 'number' && parsed.v < STORE_VERSION))) {
    // An older layout: salvage what still has the same meaning (answers keyed by question id).
    const answers = parsed.answers && typeof parsed.answers === 'object' ? parsed.answers : {};
    return { state: { answers, ticks: cleanTicks(parsed.ticks) }, problem: 'old', backupKey };
  }
  return { state: null, problem: 'damaged', backupKey };
}

function cleanTicks(t) {
  const out = {};
  if (t && typeof t === 'object' && !Array.isArray(t)) {
    for (const [k, v] of Object.entries(t)) if (v === true && k.length <= 256) out[k] = true;
  }
  return out;
}

function backup(s, key, raw) {
  const backupKey = key + '.backup';
  try {
    // Keep the first bad value we met: a later one must not overwrite the user's older data.
    if (s.getItem(backupKey) == null) s.setItem(backupKey, raw);
    return backupKey;
  } catch {
    return undefined;
  }
}

/**
 * Save the state. Returns false when storage is unavailable or full.
 * @param {string} key
 * @param {{answers: import('./types.js').Answers, ticks: Record<string, boolean>, lang?: string, mode?: string}} state
 */
export function saveState(key, state) {
  const s = store();
  if (!s) return false;
  try {
    s.setItem(key, JSON.stringify({ v: STORE_VERSION, answers: state.answers, ticks: state.ticks, lang: state.lang, mode: state.mode }));
    return true;
  } catch {
    return false;
  }
}

/** Remove the saved state and its backup. */
export function clearState(key) {
  const s = store();
  if (!s) return;
  try {
    s.removeItem(key);
  } catch {
    /* nothing to do */
  }
}

/**
 * Keep answers that are about to be replaced (by a shared link, or "start again") under
 * `<key>.previous`, so they survive a reload and can be restored.
 */
export function savePrevious(key, answers) {
  const s = store();
  if (!s) return;
  try {
    s.setItem(key + '.previous', JSON.stringify({ v: STORE_VERSION, answers }));
  } catch {
    /* storage full: the in-memory copy still allows an undo */
  }
}

/** The answers kept by savePrevious, or null. */
export function loadPrevious(key) {
  const s = store();
  if (!s) return null;
  try {
    const p = JSON.parse(s.getItem(key + '.previous') || 'null');
    return p && p.v === STORE_VERSION && p.answers && typeof p.answers === 'object' ? p.answers : null;
  } catch {
    return null;
  }
}

export function dropPrevious(key) {
  const s = store();
  if (!s) return;
  try {
    s.removeItem(key + '.previous');
  } catch {
    /* nothing to do */
  }
}
