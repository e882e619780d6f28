// The keys the saved record's version 1 kept beside it (app/storage.js until issue 20): `<key>.backup`,
// a copy of a record it could not read, and `<key>.previous`, the reader's own answers that a shared
// link or "start again" replaced. Today's store keeps such values as dated backups (`<key>.backups`);
// this carries them over, each removed only after its copy is confirmed, so that nothing a reader
// entered under version 1 is lost or left where nothing reads it.

/** Version 1's side keys, and why their values were kept. */
export const EARLIER_KEYS = /** @type {const} */ ({ '.backup': 'damaged', '.previous': 'replaced' });

/**
 * Moves the values of version 1's side keys into the dated backups. A value whose copy cannot be
 * written stays where it is (and is tried again next time).
 * @param {{ read: (k: string) => { value: string | null }, backup: (raw: string, why: 'damaged' | 'replaced') => { at: string | null, dropped: string[] },
 *   remove: (k: string) => void }} io the store's own reading, backing up and removing
 * @param {string} key the record's key
 * @returns {import('./saved-answers.js').Note[]} `carried` per value moved, `backup_dropped` per old backup pushed out
 */
export function carryEarlierKeys({ read, backup, remove }, key) {
  /** @type {import('./saved-answers.js').Note[]} */
  const notes = [];
  for (const [suffix, why] of Object.entries(EARLIER_KEYS)) {
    const { value } = read(key + suffix);
    if (value == null) continue;
    const b = backup(value, why);
    for (const at of b.dropped) notes.push({ kind: 'backup_dropped', at });
    if (b.at === null) continue;
    try {
      remove(key + suffix);
    } catch {
      /* copied already: a value left behind is only read again, never lost */
    }
    notes.push({ kind: 'carried', from: key + suffix, backup: b.at });
  }
  return notes;
}
