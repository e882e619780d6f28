// What the view shows while the files it needs are on their way, and when one of them did not load:
// which file, and why, with a button to try again.
import { h } from '../dom.js';

/** @typedef {import('../../app/types.js').Translate} Translate */
/** @typedef {import('../../app/resources.js').Problem} Problem */

/**
 * The problem in the reader's words, naming the file.
 * @param {Translate} t
 * @param {Problem} p
 */
export function problemText(t, p) {
  if (p.kind === 'no_wasm') return t('app.noWasm');
  if (p.kind === 'version_mismatch') return t('app.versionMismatch', { file: p.file });
  if (p.kind === 'timeout') return t('app.fileStalled', { file: p.file, seconds: p.seconds || 20 });
  if (p.kind === 'bad_file') return t('app.fileBroken', { file: p.file });
  return t('app.fileFailed', { file: p.file, reason: p.reason || t('app.networkError') });
}

/**
 * A view that waits for the catalogue or the details, or says that they did not load.
 * @param {{t: Translate, problem: Problem|null}} props
 * @param {{retry: () => void}} on
 * @returns {import('../../app/types.js').Rendered}
 */
export function renderWaiting({ t, problem }, on) {
  const el = h(
    'div',
    { class: problem ? 'warning blocks load-error' : 'waiting', attrs: { role: problem ? 'alert' : 'status' } },
    h('h2', { class: 'page-heading', text: problem ? t('app.loadFailedTitle') : t('app.loadingResults') }),
    problem ? h('p', { text: problemText(t, problem) }) : null,
    problem ? h('button', { class: 'button secondary', text: t('app.retry'), attrs: { type: 'button', 'data-action': 'retry-catalogue' } }) : null,
  );
  return { el, focus: () => el.querySelector('.page-heading'), actions: { 'retry-catalogue': () => on.retry() } };
}

/**
 * The checker could not start: no WebAssembly, or a file did not load.
 * @param {{t: Translate, problem: Problem}} props
 * @param {{retry: () => void}} on
 * @returns {import('../../app/types.js').Rendered}
 */
export function renderLoadError({ t, problem }, on) {
  const noWasm = problem.kind === 'no_wasm';
  const el = h(
    'div',
    { class: 'warning blocks load-error', attrs: { role: 'alert' } },
    h('h2', { class: 'page-heading', text: noWasm ? t('app.noWasmTitle') : t('app.loadFailedTitle') }),
    h('p', { text: problemText(t, problem) }),
    noWasm ? null : h('button', { class: 'button secondary', text: t('app.retry'), attrs: { type: 'button', 'data-action': 'retry' } }),
  );
  return { el, actions: { retry: () => on.retry() } };
}
