// The reader's state of one checker: answers, checklist ticks, skipped questions, the questions
// mode, and where they are kept — the saved record in localStorage (app/storage.js), the answers a
// "start again" or a shared link replaced (for undo), the host page's URL fragment (sync-url) and
// the presets (the `answers` and `platform` settings). No drawing, no engine: the shell asks for a
// new report after each change.
import { validateAnswers, decodeAnswers, encodeAnswers, sameAnswers, SHARE_VERSION } from './answers.js';
import { loadState, saveState, clearState, savePrevious, loadPrevious, dropPrevious } from './storage.js';

/** @typedef {import('./types.js').Answers} Answers */
/** @typedef {import('./types.js').Question} Question */
/**
 * Tells the reader something: a message key, its parameters, and a button's label key and action
 * (the shell's handler of that action runs it).
 * @typedef {(key: string, params: Record<string, string|number>, kind: 'info'|'warning', action?: {label: string, action: string}) => void} Notify
 */
/** @typedef {ReturnType<typeof loadState>} Saved */

export class CheckerState {
  /**
   * @param {{key: () => string, syncUrl: () => boolean, notify: Notify}} host the storage key and
   *   sync-url settings (read when needed: they may change), and how to tell the reader something
   */
  constructor(host) {
    this.host = host;
    /** @type {Answers} */
    this.answers = {};
    /** @type {Record<string, boolean>} */
    this.ticks = {};
    /** @type {Set<string>} questions the reader skipped (not saved) */
    this.skipped = new Set();
    /** @type {'one'|'all'} */
    this.mode = 'one';
    /** Whether the reader picked the language (then it is saved). */
    this.langChosen = false;
    /** @type {Answers|null} answers replaced by "start again" or a link, for undo */
    this.previous = null;
    /** Whether the answers came from the URL fragment (the results are shown first). */
    this.fromFragment = false;
  }

  /** @returns {Saved} the saved record of this checker (storage-key) */
  load() {
    return loadState(this.host.key());
  }

  hasAnswers() {
    return Object.keys(this.answers).length > 0;
  }

  /**
   * Answers from storage, then the URL fragment (sync-url), then the presets.
   * @param {Saved} saved
   * @param {Question[]} qs
   * @param {{answers?: string|Answers|null, platform?: string|null}} preset
   */
  restore(saved, qs, preset) {
    const notify = this.host.notify;
    if (saved.state) {
      const v = validateAnswers(saved.state.answers, qs);
      this.answers = v.answers;
      this.ticks = saved.state.ticks || {};
      if (saved.state.mode === 'all' || saved.state.mode === 'one') this.mode = saved.state.mode;
      if (v.dropped.length) notify('notice.dropped', { n: v.dropped.length }, 'info');
    }
    const key = saved.backupKey || '';
    if (saved.problem === 'damaged') notify('notice.damaged', { key }, 'warning');
    if (saved.problem === 'old') notify('notice.old', { n: Object.keys(this.answers).length, key }, 'info');
    if (saved.problem === 'newer') notify('notice.newer', { key }, 'warning');
    if (saved.problem === 'unavailable') notify('notice.noStorage', {}, 'info');
    this.fromFragment = false;
    if (this.host.syncUrl()) this.readFragment(qs);
    if (!this.fromFragment && !this.hasAnswers()) this.applyPreset(qs, preset);
  }

  /**
   * The presets, over whatever answers there are: `answers` in the share-link encoding (a leading
   * `#` and `v=1&` may be there or not) or as an object; `platform` as one option id.
   * @param {Question[]} qs
   * @param {{answers?: string|Answers|null, platform?: string|null}} preset
   */
  applyPreset(qs, { answers, platform }) {
    if (typeof answers === 'string' && answers) {
      const frag = /(^|[#&])v=/.test(answers) ? answers : 'v=' + SHARE_VERSION + '&' + answers.replace(/^#/, '');
      Object.assign(this.answers, decodeAnswers(frag, qs).answers);
    } else if (answers && typeof answers === 'object') {
      Object.assign(this.answers, validateAnswers(answers, qs).answers);
    }
    const pq = qs.find((q) => q.id === 'platform');
    if (platform && pq && this.answers.platform === undefined && pq.options.some((o) => o.id === platform)) this.answers.platform = platform;
  }

  /**
   * Read the host page's fragment. Unknown keys are ignored with a notice; the answers it replaces
   * are kept for undo. Returns whether the answers changed.
   * @param {Question[]} qs
   */
  readFragment(qs) {
    const d = decodeAnswers(window.location.hash, qs);
    if (!d.present) return false;
    const notify = this.host.notify;
    if (d.version !== SHARE_VERSION) notify('notice.linkVersion', { v: String(d.version) }, 'warning');
    if (d.ignored.length) notify('notice.ignored', { n: d.ignored.length, keys: d.ignored.slice(0, 5).join(', ') }, 'info');
    this.fromFragment = true;
    if (sameAnswers(d.answers, this.answers)) return false;
    if (this.hasAnswers()) {
      this.keepPrevious();
      notify('notice.fromLink', {}, 'info', { label: 'notice.restore', action: 'restore-previous' });
    }
    this.answers = d.answers;
    return true;
  }

  /**
   * Set (or, with undefined, clear) one answer.
   * @param {string} qid
   * @param {Answers[string]|undefined} value
   */
  set(qid, value) {
    if (value === undefined) delete this.answers[qid];
    else {
      this.answers[qid] = value;
      this.skipped.delete(qid);
    }
  }

  /** Leave a question unanswered on purpose ("skip", or a category picker left empty). */
  skip(qid) {
    this.set(qid, undefined);
    this.skipped.add(qid);
  }

  /** @param {string} id @param {boolean} done */
  tick(id, done) {
    if (done) this.ticks[id] = true;
    else delete this.ticks[id];
  }

  keepPrevious() {
    this.previous = { ...this.answers };
    savePrevious(this.host.key(), this.previous);
  }

  /** "Start again": the answers are kept for undo. */
  startOver() {
    this.keepPrevious();
    this.answers = {};
    this.skipped.clear();
  }

  /**
   * Undo "start again" or a shared link. Returns whether there was something to restore.
   * @param {Question[]} qs
   */
  restorePrevious(qs) {
    const prev = this.previous || loadPrevious(this.host.key());
    if (!prev) return false;
    this.answers = validateAnswers(prev, qs).answers;
    this.previous = null;
    dropPrevious(this.host.key());
    return true;
  }

  /**
   * Keep the answers that fit these questions (another language or version). Returns how many
   * were dropped.
   * @param {Question[]} qs
   */
  revalidate(qs) {
    const v = validateAnswers(this.answers, qs);
    this.answers = v.answers;
    return v.dropped.length;
  }

  /**
   * Save, and (sync-url) write the fragment. Nothing the checker does not need is kept: with no
   * answers, ticks or choices of the reader's own the key is removed rather than written (an embed
   * that was only looked at leaves no trace).
   * @param {string} lang
   * @param {Question[]} qs
   */
  save(lang, qs) {
    const own = this.hasAnswers() || Object.keys(this.ticks).length > 0 || this.mode !== 'one' || this.langChosen;
    if (own) saveState(this.host.key(), { answers: this.answers, ticks: this.ticks, lang, mode: this.mode });
    else clearState(this.host.key());
    if (!this.host.syncUrl()) return;
    const frag = this.hasAnswers() ? '#' + encodeAnswers(this.answers, qs) : '';
    const url = window.location.href.split('#')[0] + frag;
    if (url === window.location.href) return;
    try {
      window.history.replaceState(window.history.state, '', url || window.location.pathname);
    } catch {
      /* a sandboxed host may refuse; the share link still works */
    }
  }

  /**
   * The share link for the current answers.
   * @param {Question[]} qs
   */
  link(qs) {
    return window.location.href.split('#')[0] + '#' + encodeAnswers(this.answers, qs);
  }
}
