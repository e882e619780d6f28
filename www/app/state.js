// The reader's state of one checker: answers, checklist ticks, skipped questions, the questions
// mode, and where they are kept — the reader's own record in localStorage (store/saved-answers.js:
// dated backups, another tab's change, failed saves), the answers a "start again" or a shared link
// replaced (for undo), the host page's URL fragment (sync-url) and the presets (the `answers` and
// `platform` settings). No drawing, no engine: the shell asks for a new report after each change.
import { validateAnswers, decodeAnswers, encodeAnswers, sameAnswers, withPreset, writeFragment, SHARE_VERSION } from './answers.js';
import { openStore } from '../store/saved-answers.js';
import { backupDate, failureTeller, tellNote } from './saved-notices.js';

/** @typedef {import('./types.js').Answers} Answers */
/** @typedef {import('./types.js').Question} Question */
/**
 * Tells the reader something: message keys (their texts are joined), their parameters, and a
 * button's label key and action (the shell runs the frame's handler of that action). The same
 * text is not told twice while its notice is shown.
 * @typedef {(key: string|string[], params: Record<string, string|number>, kind: 'info'|'warning', action?: {label: string, action: string}) => void} Notify
 */
/** @typedef {{present: boolean, unavailable: boolean, lang?: string}} Saved what is stored, before the questions are known */
/** @typedef {{answers: Answers, ticks: Record<string, boolean>, mode: 'one'|'all'}} Snapshot */

/** localStorage, or null where the browser blocks it. Only read here: no write-probe (a full storage can still be read). */
function localStore() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export class CheckerState {
  /**
   * @param {{key: () => string, syncUrl: () => boolean, notify: Notify, otherTab: () => void}} host the
   *   storage key and sync-url settings (read when needed: they may change), how to tell the reader
   *   something, and what to do when another tab changed the saved answers
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
    /** @type {Snapshot|null} what "start again" cleared, for undo */
    this.previous = null;
    /** @type {Snapshot|null} the reader's own answers while a link's answers are shown (not saved over them) */
    this.own = null;
    /** Whether the reader changed the link's answers shown (then they become the reader's own). */
    this.changedLink = false;
    /** Whether the answers came from the URL fragment (the results are shown first). */
    this.fromFragment = false;
    /** Tells a failed save, once per kind. */
    this.tellFailure = failureTeller(host.notify);
    /** The last record this state wrote or read, as text without the time: an unchanged one is not written again. */
    this.written = '';
    /** @type {string|undefined} the language of the record read (kept when saving again) */
    this.storedLang = undefined;
    /** Whether "start again" emptied the answers (the next save backs the record up first). */
    this.clearing = false;
    /** @type {{key: string, store: ReturnType<typeof openStore>}|null} */
    this._opened = null;
  }

  /** The store of the current storage key. */
  store() {
    const key = this.host.key();
    if (!this._opened || this._opened.key !== key) this._opened = { key, store: openStore(localStore(), key) };
    return this._opened.store;
  }

  /** @returns {Saved} what is stored for this checker (storage-key), read without writing */
  load() {
    return this.store().peek();
  }

  /**
   * Listens for another tab's change to the saved answers until `signal` aborts.
   * @param {AbortSignal} signal
   */
  watch(signal) {
    const stop = this.store().watch(window, (theirs) => {
      // The same answers, ticks and mode as here (another tab only saved them again): nothing to choose.
      const same = theirs && JSON.stringify([theirs.answers, theirs.ticks, theirs.mode || 'one']) === JSON.stringify([this.answers, this.ticks, this.mode]);
      if (same && !this.linked) this.store().resolve('theirs', this.record(''));
      else this.host.otherTab();
    });
    signal.addEventListener('abort', stop, { once: true });
  }

  hasAnswers() {
    return Object.keys(this.answers).length > 0;
  }

  /** Whether the answers shown came from a link and are not (yet) the reader's own. */
  get linked() {
    return this.own !== null;
  }

  /**
   * Answers from storage, then the URL fragment (sync-url), then the presets.
   * @param {Saved} saved what load() found
   * @param {Question[]} qs
   * @param {{answers?: string|Answers|null, platform?: string|null}} preset
   */
  restore(saved, qs, preset) {
    if (saved.present || saved.unavailable) {
      const { saved: record, notes } = this.store().load((a) => validateAnswers(a, qs));
      if (record) {
        this.use(record);
        this.storedLang = record.lang;
        this.written = this.text(this.record(record.lang || ''));
      }
      for (const note of notes) tellNote(this.host.notify, note);
    }
    this.fromFragment = false;
    if (this.host.syncUrl()) this.readFragment(qs);
    if (!this.fromFragment && !this.hasAnswers()) withPreset(this.answers, qs, preset);
  }

  /** @param {{answers: Answers, ticks?: Record<string, boolean>, mode?: string}} record */
  use(record) {
    this.answers = record.answers;
    this.ticks = record.ticks || {};
    if (record.mode === 'all' || record.mode === 'one') this.mode = record.mode;
  }

  /**
   * Read the host page's fragment. Unknown keys are ignored with a notice. The link's answers are
   * shown, not saved: the reader's own stay in storage (and in memory, to restore) until they
   * change one of the link's. Returns whether the answers changed.
   * @param {Question[]} qs
   */
  readFragment(qs) {
    const d = decodeAnswers(window.location.hash, qs);
    const notify = this.host.notify;
    if (d.tooLong) notify('notice.linkTooLong', { n: d.tooLong.length, limit: d.tooLong.limit }, 'warning');
    if (!d.present) return false;
    if (d.version !== SHARE_VERSION) notify('notice.linkVersion', { v: String(d.version) }, 'warning');
    if (d.ignored.length) notify('notice.ignored', { n: d.ignored.length, keys: d.ignored.slice(0, 5).join(', ') }, 'info');
    this.fromFragment = true;
    if (sameAnswers(d.answers, this.answers)) return false;
    if (!this.linked) this.own = this.snapshot();
    if (Object.keys(/** @type {Snapshot} */ (this.own).answers).length) notify('notice.fromLink', {}, 'info', { label: 'notice.restore', action: 'restore-previous' });
    this.changedLink = false;
    this.answers = d.answers;
    return true;
  }

  /** @returns {Snapshot} */
  snapshot() {
    return { answers: { ...this.answers }, ticks: { ...this.ticks }, mode: this.mode };
  }

  /**
   * Set (or, with undefined, clear) one answer.
   * @param {string} qid
   * @param {Answers[string]|undefined} value
   */
  set(qid, value) {
    this.changedLink = true;
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
    this.changedLink = true;
    if (done) this.ticks[id] = true;
    else delete this.ticks[id];
  }

  /** "Start again": the answers are kept for undo, and the saved record as a dated backup. */
  startOver() {
    this.previous = this.snapshot();
    this.answers = {};
    this.skipped.clear();
    this.own = null;
    this.clearing = true;
  }

  /**
   * Undo "start again", or bring back the reader's own answers after a shared link. Returns
   * whether there was something to restore.
   * @param {Question[]} qs
   */
  restorePrevious(qs) {
    const prev = this.own && Object.keys(this.own.answers).length ? this.own : this.previous;
    if (!prev) return false;
    this.use({ ...prev, answers: validateAnswers(prev.answers, qs).answers });
    this.own = null;
    this.previous = null;
    return true;
  }

  /**
   * Another tab's answers, chosen by the reader: they replace these (nothing is written back).
   * @param {Question[]} qs
   */
  loadTheirs(qs) {
    const { saved } = this.store().resolve('theirs', this.record(''));
    this.own = null;
    this.use(saved ? { ...saved, answers: validateAnswers(saved.answers, qs).answers } : { answers: {}, ticks: {} });
    this.storedLang = saved ? saved.lang : undefined;
    this.written = saved ? this.text(this.record(saved.lang || '')) : '';
  }

  /**
   * Keep this tab's answers after another tab's change: they are written, and win.
   * @param {string} lang
   */
  keepMine(lang) {
    const record = this.record(lang);
    const r = this.store().resolve('mine', record);
    if (r.ok === false) this.tellFailure(r.reason);
    else this.written = this.text(record);
  }

  /** The reader chose to discard a value that could not be copied: saving works again. */
  discardKept() {
    this.store().discardKept();
    this.written = '';
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

  /** @param {string} lang */
  record(lang) {
    return { answers: this.answers, ticks: /** @type {Record<string, true>} */ (this.ticks), lang: this.langChosen ? lang : this.storedLang, mode: this.mode };
  }

  /** @param {{answers: Answers, ticks: Record<string, boolean>, lang?: string, mode?: string}} r */
  text(r) {
    return JSON.stringify([r.answers, r.ticks, r.lang, r.mode || 'one']);
  }

  /**
   * Save, and (sync-url) write the fragment. A link's answers are not saved until the reader
   * changes one (then they become the reader's own, the old record kept as a backup). Nothing the
   * checker does not need is kept: with no answers, ticks or choices of the reader's own and no
   * record yet, nothing is written (an embed that was only looked at leaves no trace).
   * @param {string} lang
   * @param {Question[]} qs
   */
  save(lang, qs) {
    this.writeRecord(lang);
    if (this.host.syncUrl()) writeFragment(this.answers, qs);
  }

  /** @param {string} lang */
  writeRecord(lang) {
    const store = this.store();
    if ((this.linked && !this.changedLink) || store.conflicted) return; // nothing written before the reader chooses
    const own = this.hasAnswers() || Object.keys(this.ticks).length > 0 || this.mode !== 'one' || this.langChosen;
    if (!own && !store.stored && !this.clearing) return;
    const record = this.record(lang);
    const text = this.text(record);
    if (text === this.written) return;
    const adopt = this.linked || this.clearing;
    const r = adopt ? store.adopt(record, this.clearing ? 'cleared' : 'replaced') : store.save(record);
    if (r.ok === false) return this.tellFailure(r.reason);
    if ('dropped' in r) for (const at of r.dropped || []) this.host.notify('notice.backupDropped', { date: backupDate(at) }, 'info');
    // The link's answers are the reader's own now; "restore" on the link's notice still brings back the old ones.
    if (this.own && Object.keys(this.own.answers).length) this.previous = this.own;
    this.own = null;
    this.clearing = false;
    this.written = text;
  }

  /**
   * The share link for the current answers.
   * @param {Question[]} qs
   */
  link(qs) {
    return window.location.href.split('#')[0] + '#' + encodeAnswers(this.answers, qs);
  }
}
