// What the store of saved answers (store/saved-answers.js) reports, told in the reader's words:
// the notes of reading a record, failed saves (once per kind), and the choice after another tab's
// change. No state of its own but the kinds of failure already told.

/** @typedef {import('../store/saved-answers.js').Note} Note */
/** @typedef {import('./state.js').Notify} Notify */

/** The buttons of the notice that another tab changed the saved answers. */
export const OTHER_TAB_ACTIONS = [
  { label: 'notice.loadTheirs', action: 'load-theirs' },
  { label: 'notice.keepMine', action: 'keep-mine' },
];

/** A backup's date as the reader's local "YYYY-MM-DD HH:MM". */
export function backupDate(/** @type {string} */ iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * What the store found when reading the saved record.
 * @param {Notify} notify
 * @param {Note} note
 */
export function tellNote(notify, note) {
  if (note.kind === 'unavailable') return notify('notice.noStorage', {}, 'info');
  if (note.kind === 'backup_dropped') return notify('notice.backupDropped', { date: backupDate(note.at) }, 'info');
  if (note.kind === 'carried') return notify('notice.carried', { date: backupDate(note.backup) }, 'info');
  const first =
    note.kind === 'migrated'
      ? note.dropped.length === 1 && note.dropped[0] === 'answers' && note.kept === 0
        ? ['notice.migratedUnreadable', {}]
        : ['notice.migrated', { kept: note.kept, n: note.dropped.length }]
      : [note.kind === 'damaged' ? 'notice.damaged' : 'notice.newer', {}];
  const [key, params] = /** @type {[string, Record<string, string|number>]} */ (first);
  if (note.backup) notify([key, 'notice.backedUp'], { ...params, date: backupDate(note.backup) }, note.kind === 'migrated' ? 'info' : 'warning');
  else notify([key, 'notice.leftInPlace'], params, 'warning', { label: 'notice.discard', action: 'discard-kept' });
}

/**
 * Tells a failed save once per kind (a conflict's own notice asks already; unavailable storage was
 * told when reading).
 * @param {Notify} notify
 * @returns {(reason: 'unavailable'|'full'|'conflict'|'kept') => void}
 */
export function failureTeller(notify) {
  const told = new Set();
  return (reason) => {
    if (reason === 'conflict' || reason === 'unavailable' || told.has(reason)) return;
    told.add(reason);
    notify(reason === 'kept' ? 'notice.saveHeld' : 'notice.saveFailed', {}, 'warning');
  };
}
