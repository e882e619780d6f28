// The user's saved answers in Web Storage, kept so that nothing a user entered is ever lost.
//
// Keys, for a checker whose storage key is K (default "mpcheck"):
//   K            the user's own record: { v: 2, answers, ticks, lang?, mode?, saved }
//   K.backups    up to three dated copies of what was replaced or could not be read:
//                [{ at, why, raw }], at most 64 KB of `raw` in all, oldest dropped first
//   (version 1's K.backup and K.previous are carried into K.backups: earlier-keys.js)
//
// Rules this module keeps (tests/node/saved-answers.test.mjs):
//   - A value is replaced or deleted only after its copy is confirmed written (read back).
//     Where the copy cannot be written, the value stays where it is and saving is refused
//     (`kept`) until the user chooses to discard it.
//   - Answers that arrived by a share link are not saved over the user's own: the page holds
//     them in memory; `adopt` makes them the user's own (the old own record goes to a backup).
//   - Another tab's change (the `storage` event) is never overwritten silently: saving is
//     refused (`conflict`) until `resolve('theirs' | 'mine')`.
//   - Every failed save says why (`unavailable`, `full`, `conflict`, `kept`).
// No DOM, no globals: the storage object and the clock are given, so node tests can make
// storage full, read-only or absent.
import { carryEarlierKeys } from './earlier-keys.js';

export const RECORD_VERSION = 2;
/** Most backups kept, and most characters of backed-up text in all. */
export const MAX_BACKUPS = 3;
export const MAX_BACKUP_CHARS = 64 * 1024;

/**
 * @typedef {{ answers: Record<string, unknown>, ticks: Record<string, true>, lang?: string, mode?: string }} Saved
 * @typedef {{ at: string, why: BackupWhy, raw: string }} Backup
 * @typedef {'damaged' | 'newer' | 'migrated' | 'replaced' | 'cleared'} BackupWhy
 * @typedef {{ kind: 'unavailable' } | { kind: 'damaged' | 'newer', backup: string | null }
 *   | { kind: 'migrated', from: number, kept: number, dropped: string[], backup: string | null }
 *   | { kind: 'backup_dropped', at: string } | { kind: 'carried', from: string, backup: string }} Note
 *   `backup`: the date of the confirmed copy, or null when none could be written (the
 *   value was then left in place, and saving is refused until it is discarded).
 * @typedef {{ ok: true } | { ok: false, reason: 'unavailable' | 'full' | 'conflict' | 'kept' }} SaveResult
 * @typedef {(answers: Record<string, unknown>) => { answers: Record<string, unknown>, dropped: string[] }} Fit
 *   Keeps the answers that fit today's questions (validateAnswers), naming the others.
 */

/** Question ids renamed since earlier versions: old id → new id (applied when migrating). */
export const RENAMED = {};

/**
 * @param {Storage | null} storage  localStorage, or null where the browser blocks it
 * @param {string} key
 * @param {{ now?: () => string, renamed?: Record<string, string> }} [options]
 */
export function openStore(storage, key, options = {}) {
  const now = options.now || (() => new Date().toISOString());
  const renamed = options.renamed || RENAMED;
  /** The raw own record this tab last read or wrote: what a `storage` event is compared with. */
  let known = null;
  /** A value left in place because it could not be copied: saving over it is refused. */
  let kept = false;
  /** Another tab's record, waiting for the user's choice. */
  let conflict = null;

  const read = (k) => {
    try {
      return { value: storage.getItem(k) };
    } catch {
      return { value: null, failed: true };
    }
  };
  /** Writes and reads back: true only when the value is there. */
  const write = (k, value) => {
    try {
      storage.setItem(k, value);
      return storage.getItem(k) === value;
    } catch {
      return false;
    }
  };

  /** @returns {Backup[]} */
  function backups() {
    const { value } = storage ? read(key + '.backups') : { value: null };
    try {
      const list = JSON.parse(value || '[]');
      return Array.isArray(list) ? list.filter((b) => b && typeof b.raw === 'string' && typeof b.at === 'string') : [];
    } catch {
      return [];
    }
  }

  /**
   * Copies `raw` into the backups, dropping the oldest while over the limits.
   * @returns {{ at: string | null, dropped: string[] }} `at` is null when the copy was not confirmed
   */
  function backup(raw, why) {
    const at = now();
    if (!storage || raw.length > MAX_BACKUP_CHARS) return { at: null, dropped: [] };
    const list = backups();
    const dropped = [];
    list.push({ at, why, raw });
    const size = () => list.reduce((n, b) => n + b.raw.length, 0);
    while (list.length > MAX_BACKUPS || size() > MAX_BACKUP_CHARS) dropped.push(list.shift().at);
    if (write(key + '.backups', JSON.stringify(list))) return { at, dropped };
    return { at: null, dropped: [] };
  }

  /** A readable record of any version, or null. */
  function parse(raw) {
    try {
      const r = JSON.parse(raw);
      return r && typeof r === 'object' && !Array.isArray(r) ? r : null;
    } catch {
      return null;
    }
  }

  /** What a record holds, as today's Saved (no check of the answers yet). */
  function fields(r) {
    const answers = {};
    if (r.answers && typeof r.answers === 'object' && !Array.isArray(r.answers)) {
      for (const [q, v] of Object.entries(r.answers)) answers[renamed[q] || q] = v;
    }
    const ticks = {};
    if (r.ticks && typeof r.ticks === 'object' && !Array.isArray(r.ticks)) {
      for (const [k, v] of Object.entries(r.ticks)) if (v === true && k.length <= 256) ticks[k] = true;
    }
    return {
      answers,
      ticks,
      lang: typeof r.lang === 'string' ? r.lang : undefined,
      mode: typeof r.mode === 'string' ? r.mode : undefined,
    };
  }

  const encode = (s) =>
    JSON.stringify({ v: RECORD_VERSION, answers: s.answers, ticks: s.ticks, lang: s.lang, mode: s.mode, saved: now() });

  return {
    /**
     * Reads the user's own record, migrating an older one and backing up what it cannot use.
     * @param {Fit} fit
     * @returns {{ saved: Saved | null, notes: Note[] }}
     */
    load(fit) {
      /** @type {Note[]} */
      const notes = [];
      if (!storage) return { saved: null, notes: [{ kind: 'unavailable' }] };
      const { value: raw, failed } = read(key);
      if (failed) return { saved: null, notes: [{ kind: 'unavailable' }] };
      notes.push(...carryEarlierKeys({ read, backup, remove: (k) => storage.removeItem(k) }, key));
      known = raw;
      if (raw == null) return { saved: null, notes };
      const r = parse(raw);
      const version = r ? (r.v === undefined ? 0 : r.v) : null;
      const keepOrCopy = (why) => {
        const b = backup(raw, why);
        for (const at of b.dropped) notes.push({ kind: 'backup_dropped', at });
        if (b.at === null) kept = true;
        return b.at;
      };
      if (r === null || typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
        notes.push({ kind: 'damaged', backup: keepOrCopy('damaged') });
        return { saved: null, notes };
      }
      if (version > RECORD_VERSION) {
        notes.push({ kind: 'newer', backup: keepOrCopy('newer') });
        return { saved: null, notes };
      }
      const s = fields(r);
      const f = fit(s.answers);
      const answersLost = r.answers !== undefined && (typeof r.answers !== 'object' || r.answers === null || Array.isArray(r.answers));
      const saved = { ...s, answers: f.answers };
      const lossless = !f.dropped.length && !answersLost;
      if (lossless) {
        // Today's layout, or an older one that says the same: rewritten as it is read.
        if (version < RECORD_VERSION) {
          const text = encode(saved);
          if (write(key, text)) known = text;
        }
        return { saved, notes };
      }
      // Answers that no longer fit, were renamed, or have a shape we cannot read: keep a copy
      // of the record as it was, then rewrite it (only once the copy is confirmed).
      const at = keepOrCopy('migrated');
      notes.push({ kind: 'migrated', from: version, kept: Object.keys(f.answers).length, dropped: answersLost ? ['answers'] : f.dropped, backup: at });
      if (at !== null) {
        const text = encode(saved);
        if (write(key, text)) known = text;
      }
      return { saved, notes };
    },

    /**
     * Saves the user's own record.
     * @param {Saved} saved
     * @returns {SaveResult}
     */
    save(saved) {
      if (!storage) return { ok: false, reason: 'unavailable' };
      if (conflict) return { ok: false, reason: 'conflict' };
      if (kept) return { ok: false, reason: 'kept' };
      const text = encode(saved);
      if (!write(key, text)) return { ok: false, reason: 'full' };
      known = text;
      return { ok: true };
    },

    /**
     * Makes answers that arrived by a link (or the empty answers of "start again") the user's
     * own: the record they replace is backed up first.
     * @param {Saved} saved
     * @param {'replaced' | 'cleared'} why
     * @returns {SaveResult & { backup?: string | null, dropped?: string[] }}
     */
    adopt(saved, why = 'replaced') {
      if (!storage) return { ok: false, reason: 'unavailable' };
      if (conflict) return { ok: false, reason: 'conflict' };
      if (kept) return { ok: false, reason: 'kept' };
      const { value: raw } = read(key);
      let b = { at: null, dropped: [] };
      if (raw != null) {
        const old = parse(raw);
        const empty = old && old.answers && typeof old.answers === 'object' && !Object.keys(old.answers).length;
        if (!empty) {
          b = backup(raw, why);
          if (b.at === null) return { ok: false, reason: 'full' };
        }
      }
      const result = this.save(saved);
      return { ...result, backup: b.at, dropped: b.dropped };
    },

    /** What is stored, read without writing (the language is needed before the questions `load` checks against). @returns {{ present: boolean, unavailable: boolean, lang?: string }} */
    peek() {
      const { value, failed } = storage ? read(key) : { value: null, failed: true };
      if (failed) return { present: false, unavailable: true };
      const r = value == null ? null : parse(value);
      return { present: value != null, unavailable: false, lang: r && typeof r.lang === 'string' ? r.lang : undefined };
    },

    /** Whether this tab last read or wrote a record (a page that was only looked at has none). */
    get stored() {
      return known !== null;
    },

    /** The backups, newest first, with what each held. @returns {{ at: string, why: BackupWhy, saved: Saved | null }[]} */
    backups() {
      return backups()
        .map((b) => {
          const r = parse(b.raw);
          return { at: b.at, why: b.why, saved: r ? fields(r) : null };
        })
        .reverse();
    },

    /** Discards a value that was left in place (the user chose to): saving works again. */
    discardKept() {
      kept = false;
    },

    /**
     * Listens for another tab's change to the own record (the `storage` event).
     * @param {EventTarget} target  the window
     * @param {(theirs: Saved | null) => void} onOther  called once per change; save is refused until resolve
     * @returns {() => void} stops listening
     */
    watch(target, onOther) {
      const listener = (e) => {
        if (e.storageArea !== storage || (e.key !== key && e.key !== null)) return;
        const raw = e.key === null ? null : e.newValue;
        if (raw === known) return;
        const r = raw == null ? null : parse(raw);
        conflict = { raw, saved: r && (r.v === undefined || r.v <= RECORD_VERSION) ? fields(r) : null };
        onOther(conflict.saved);
      };
      target.addEventListener('storage', listener);
      return () => target.removeEventListener('storage', listener);
    },

    /** Whether another tab's change waits for the user's choice. */
    get conflicted() {
      return conflict !== null;
    },

    /**
     * The user's choice after another tab's change: 'theirs' (returns their record, now this
     * tab's) or 'mine' (this tab's record is written again, and wins).
     * @param {'theirs' | 'mine'} choice
     * @param {Saved} mine  this tab's record (written when the choice is 'mine')
     * @returns {{ saved: Saved | null } & Partial<SaveResult>}
     */
    resolve(choice, mine) {
      const c = conflict;
      conflict = null;
      if (!c) return { saved: null };
      if (choice === 'theirs') {
        known = c.raw;
        return { saved: c.saved };
      }
      return { saved: mine, ...this.save(mine) };
    },
  };
}
