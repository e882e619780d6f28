// Which screen the checker shows and how the reader moves between them: the next question the
// engine ranks first (the shell's `toAsk`), the one before, and the questions as one page on wide
// screens. Navigation is in-page, with buttons that carry a data-action (actions()). With the
// `history` setting (the standalone page sets it) each screen is also an entry in the browser's
// history, so the phone's Back goes back one question; without it the host page's history and URL
// are never touched (a host router owns them).

/** @typedef {import('./types.js').View} View */
/** @typedef {import('./types.js').Actions} Actions */

export class Router {
  /**
   * @param {{toAsk: () => string[], path: () => string[], exists: (qid: string) => boolean,
   *   allOnOnePage: () => boolean, history: () => boolean, show: (focus: boolean) => void}} host
   *   toAsk: the questions still to ask, best first; path: the questions answered or skipped, in order
   */
  constructor(host) {
    this.host = host;
    /** @type {View} */
    this.view = { name: 'start' };
    /** @type {string[]} the questions shown, in the order the reader saw them (for Back) */
    this.trail = [];
  }

  /** The question to ask now, or null when nothing left can change the result. */
  resume() {
    return this.host.toAsk()[0] || null;
  }

  /**
   * The view as it can be shown: "questions" is the next question (or all of them on one page), a
   * question that does not exist or is not left is the check-answers page.
   * @param {View} view
   * @returns {View}
   */
  resolve(view) {
    if (view.name === 'questions') view = this.host.allOnOnePage() ? { name: 'all' } : { name: 'question', qid: this.resume() };
    if (view.name === 'question' && (!view.qid || !this.host.exists(view.qid))) view = { name: 'summary' };
    return view;
  }

  /**
   * Show a view (focus on its heading, unless `focus` is false); with `history`, as a new entry.
   * @param {View} view
   */
  go(view, focus = true, push = true) {
    const before = this.view;
    this.view = this.resolve(view);
    if (this.view.name === 'question' && this.view.qid && this.trail[this.trail.length - 1] !== this.view.qid) this.trail.push(this.view.qid);
    if (push && this.host.history() && !sameView(before, this.view)) pushEntry(this.view);
    this.host.show(focus);
  }

  /** Set the view without drawing it (the first screen is drawn by the shell). */
  set(/** @type {View} */ view) {
    this.view = this.resolve(view);
    if (this.host.history()) replaceEntry(this.view);
  }

  /**
   * The browser's Back or Forward (history mode): the view of that entry, not a new one.
   * @param {PopStateEvent} e
   */
  popped(e) {
    const v = e.state && e.state.mpcheck;
    if (!v) return false;
    this.go(v, true, false);
    return true;
  }

  /**
   * After Continue on a question page: back to where the reader came from, or the next question
   * (none left: the check-answers page).
   * @param {string} qid
   * @param {'summary'|'results'} [returnTo]
   */
  next(qid, returnTo) {
    if (returnTo) return this.go({ name: returnTo });
    const next = this.resume();
    this.go(next && next !== qid ? { name: 'question', qid: next } : { name: 'summary' });
  }

  /** The question before this one (as the reader saw them), or the start page. */
  back(/** @type {string} */ qid) {
    if (this.host.history() && window.history.state && window.history.state.mpcheck) return window.history.back();
    const i = this.trail.lastIndexOf(qid);
    let prev = i > 0 ? this.trail[i - 1] : null;
    if (i > 0) this.trail.length = i;
    if (!prev) {
      const path = this.host.path();
      const j = path.indexOf(qid);
      prev = j > 0 ? path[j - 1] : j < 0 && path.length ? path[path.length - 1] : null;
    }
    this.go(prev ? { name: 'question', qid: prev } : { name: 'start' });
  }

  /**
   * The actions any screen may use: to a view, to one question (and back to where it was asked
   * from), to the next question.
   * @returns {Actions}
   */
  actions() {
    return {
      view: (d) => this.go(/** @type {View} */ ({ name: d.view || 'summary' })),
      'goto-question': (d) => this.go({ name: 'question', qid: d.qid, returnTo: /** @type {View['returnTo']} */ (d.return || undefined) }),
      resume: () => this.go({ name: 'questions' }),
    };
  }
}

/** @param {View} a @param {View} b */
function sameView(a, b) {
  return a.name === b.name && a.qid === b.qid && a.returnTo === b.returnTo;
}

/** @param {View} view */
function pushEntry(view) {
  try {
    window.history.pushState({ ...(window.history.state || {}), mpcheck: { ...view } }, '', window.location.href);
  } catch {
    /* a sandboxed page may refuse: the in-page links still work */
  }
}

/** @param {View} view */
function replaceEntry(view) {
  try {
    window.history.replaceState({ ...(window.history.state || {}), mpcheck: { ...view } }, '', window.location.href);
  } catch {
    /* as above */
  }
}
