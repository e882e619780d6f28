// What went wrong loading one of the checker's files, in the form the page shows it (which file,
// and why), from the loader's tagged errors; and a promise whose failure is reported once in the
// console, naming the file. Used by app/resources.js (which re-exports problemOf).

/**
 * What went wrong loading: which file, and why, in words for the page. `seconds`: how long nothing
 * arrived (timeout).
 * @typedef {{kind: 'no_wasm'|'load_failed'|'version_mismatch'|'timeout'|'bad_file', file: string, reason: string, seconds?: number}} Problem
 */

const KINDS = ['no_wasm', 'version_mismatch', 'timeout', 'bad_file'];

/**
 * The problem a loader's error stands for. The loader's messages name the file ("could not load
 * pkg/…"); when one does not, the file is the one asked for (`file`).
 * @param {unknown} e
 * @param {string} file
 * @returns {Problem}
 */
export function problemOf(e, file) {
  const given = /** @type {Problem} */ (e);
  if (given && typeof given.file === 'string' && given.kind) return given;
  const err = /** @type {{kind?: string, message?: string, cause?: {message?: string}}} */ (e || {});
  const named = /could not load ([^\s:]+)/.exec(String(err.message || ''));
  const kind = /** @type {Problem['kind']} */ (KINDS.includes(String(err.kind)) ? err.kind : 'load_failed');
  const status = /HTTP \d+/.exec(String(err.cause?.message || err.message || ''));
  const seconds = /(?:no data for|no answer in) ([\d.]+) s/.exec(String(err.message || ''));
  return { kind, file: named ? named[1] : file, reason: status ? status[0] : '', ...(seconds ? { seconds: Number(seconds[1]) } : {}) };
}

/**
 * The promise, whose failure is reported once in the console, naming the file, and rejects with
 * the Problem.
 * @template T
 * @param {Promise<T>} promise
 * @param {string} file
 * @returns {Promise<T>}
 */
export function named(promise, file) {
  return promise.catch((e) => {
    const p = problemOf(e, file);
    console.error(`[mpcheck] could not load ${p.file}${p.reason ? ' (' + p.reason + ')' : ''}`, e);
    throw p;
  });
}
