// Which screen the checker shows and how the reader moves between them: the question after this
// one, the one before, the first unanswered one, and the questions as one page on wide screens.
// The host page's URL is never touched for this (the checker may share the page with others):
// navigation is in-page, with buttons that carry a data-action (navigationActions).

/** @typedef {import('./types.js').View} View */
/** @typedef {import('./types.js').Actions} Actions */

export class Router {
  /**
   * @param {{asked: () => string[], answered: (qid: string) => boolean, skipped: (qid: string) => boolean,
   *   exists: (qid: string) => boolean, allOnOnePage: () => boolean, show: (focus: boolean) => void}} host
   */
  constructor(host) {
    this.host = host;
    /** @type {View} */
    this.view = { name: 'start' };
  }

  /** The first asked question without an answer that was not skipped, or null. */
  resume() {
    const { asked, answered, skipped } = this.host;
    return asked().find((id) => !answered(id) && !skipped(id)) || null;
  }

  /**
   * The view as it can be shown: "questions" is the first unanswered question (or all of them on
   * one page), a question that does not exist or is not left is the check-answers page.
   * @param {View} view
   * @returns {View}
   */
  resolve(view) {
    if (view.name === 'questions') view = this.host.allOnOnePage() ? { name: 'all' } : { name: 'question', qid: this.resume() };
    if (view.name === 'question' && (!view.qid || !this.host.exists(view.qid))) view = { name: 'summary' };
    return view;
  }

  /**
   * Show a view (focus on its heading, unless `focus` is false).
   * @param {View} view
   */
  go(view, focus = true) {
    this.view = this.resolve(view);
    this.host.show(focus);
  }

  /** Set the view without drawing it (the first screen is drawn by the shell). */
  set(/** @type {View} */ view) {
    this.view = this.resolve(view);
  }

  /**
   * After Continue on a question page: back to where the reader came from, or the next question.
   * @param {string} qid
   * @param {'summary'|'results'} [returnTo]
   */
  next(qid, returnTo) {
    if (returnTo) return this.go({ name: returnTo });
    const asked = this.host.asked();
    const i = asked.indexOf(qid);
    const next = i >= 0 ? asked[i + 1] : this.resume();
    this.go(next ? { name: 'question', qid: next } : { name: 'summary' });
  }

  /** The question before this one, or the start page. */
  back(/** @type {string} */ qid) {
    const asked = this.host.asked();
    const i = asked.indexOf(qid);
    this.go(i > 0 ? { name: 'question', qid: asked[i - 1] } : { name: 'start' });
  }

  /**
   * The actions any screen may use: to a view, to one question (and back to where it was asked
   * from), to the next unanswered question.
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
