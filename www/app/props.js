// What components get from the shell: `ctx`, the data every component may read (made afresh for each
// drawing), and `ops`, the callbacks of the views (app/views.js hands each view its part). These are
// the only two doors from a component back into the checker: no component sees the element.
import { h } from '../components/dom.js';
import { answerWords } from './answers.js';
import { diagnose, evaluate } from './engine.js';
import { problemText } from '../components/load-error/load-error.js';

/** @typedef {import('../mpcheck-app.js').MpcheckApp} App */

/**
 * The data of this drawing; listeners added with `on` are removed when the view is drawn again.
 * @param {App} app
 * @returns {import('./types.js').Ctx}
 */
export function makeCtx(app) {
  const signal = app._viewAbort.signal;
  const s = app._state;
  return {
    t: app.t,
    lang: app._lang,
    instance: 'm',
    on: (el, type, fn, opts = {}) => el.addEventListener(type, fn, { ...opts, signal }),
    answers: s.answers,
    ticks: s.ticks,
    qs: app.qs,
    qsById: app.qsById,
    catalogue: app._res.catalogue,
    namesAlt: app._res.namesAlt,
    otherNames: () => app._res.otherNames(app._lang),
    categoryWords: () => app._res.categoryWords(),
    report: app.report,
    asked: () => app._asked(),
    path: () => app._path(),
    toAsk: () => app._toAsk(),
    // Ids are scoped to this shadow root, so they only need to be unique inside it.
    uid: (prefix, id) => `${prefix}-${String(id).replace(/[^A-Za-z0-9_-]/g, '_')}`,
    entityLabel: (id) => app.qsById.get('entity')?.options.find((o) => o.id === id)?.label || id,
    answerWords: (qid) => answerWords(app.qsById.get(qid), s.answers[qid], app.t, app._lang),
  };
}

/**
 * What the views may do.
 * @param {App} app
 * @returns {import('./views.js').Ops}
 */
export function makeOps(app) {
  const s = app._state;
  const res = app._res;
  /** @type {import('./views.js').Ops} */
  const ops = {
    answer: (qid, value) => app.setAnswer(qid, value),
    answerEach: (pairs) => {
      for (const [qid, value] of pairs) s.set(qid, value);
      app._changed(); // one change (one report, one event) for a pair of questions asked as one
    },
    skip: (qid) => {
      s.skip(qid);
      app._changed();
    },
    next: (qid, returnTo) => {
      if (res.engine) return app._router.next(qid, returnTo);
      // Faster than the download: the answer is kept, the next question (which depends on it)
      // follows once the engine is here. Until then the form cannot be sent twice.
      app._pending = () => ops.next(qid, returnTo);
      for (const b of app._main.querySelectorAll('button, input, select, textarea')) b.setAttribute('disabled', '');
      const form = app._main.querySelector('form') || app._main;
      if (!form.querySelector('.preparing')) form.appendChild(h('p', { class: 'preparing', attrs: { role: 'status' }, text: app.t('app.preparing') }));
    },
    back: (qid) => app._router.back(qid),
    go: (view) => app._router.go(view),
    startOver: () => {
      s.startOver();
      app._notice(app.t('notice.cleared'), 'info', [{ label: 'notice.undo', action: 'restore-previous' }]);
      app._changed();
      app._router.go({ name: app.compact ? 'questions' : 'start' });
    },
    evaluate: (answers) => evaluate(/** @type {import('./types.js').Engine} */ (res.engine), answers, app._lang),
    link: () => s.link(app.qs),
    withDetails: () => res.withDetails(app._lang),
    print: () =>
      res.withDetails(app._lang).then(() => {
        app._drawDetails();
        window.print();
      }),
    tick: (id, done) => {
      s.tick(id, done);
      app._save();
    },
    causesReady: () => res.causes(app._lang),
    diagnose: (text) => {
      const lang = app._lang;
      return res.causes(lang).then(
        (engine) => diagnose(engine, text, lang),
        (p) => Promise.reject(new Error(problemText(app.t, p))),
      );
    },
    diagnosis: app._diagnosis,
  };
  return ops;
}

/**
 * What the frame and the notices may do: switch language, toggle the questions' mode, undo.
 * @param {App} app
 */
export function makeFrameOps(app) {
  const s = app._state;
  const frame = {
    switchLanguage: (/** @type {string} */ lang) => {
      s.langChosen = true;
      app.setLanguage(lang).then(() => /** @type {HTMLElement|null|undefined} */ (app.shadowRoot?.querySelector('.lang-switch'))?.focus());
    },
    toggleMode: () => {
      s.mode = s.mode === 'all' ? 'one' : 'all';
      app._save();
      app._router.go({ name: 'questions' });
    },
  };
  /** The actions of notices' buttons, each given the id of its notice. */
  const noticeActions = {
    /** Undo "start again", or bring back the reader's own answers after a shared link. */
    'restore-previous': (/** @type {string} */ noticeId) => {
      if (!s.restorePrevious(app.qs)) return;
      app._dismiss(noticeId);
      app._changed();
      app._router.go({ name: 'summary' });
    },
    /** Another tab changed the saved answers: use theirs (nothing is written back)… */
    'load-theirs': (/** @type {string} */ noticeId) => {
      s.loadTheirs(app.qs);
      app._dismiss(noticeId);
      app._changed();
      app._router.go({ name: 'summary' });
    },
    /** …or keep this tab's, which are written and win. */
    'keep-mine': (/** @type {string} */ noticeId) => {
      s.keepMine(app._lang);
      app._dismiss(noticeId);
    },
    /** Saved data that could not be copied was left in place: the reader lets it go, saving resumes. */
    'discard-kept': (/** @type {string} */ noticeId) => {
      s.discardKept();
      app._dismiss(noticeId);
      app._dismissText(app.t('notice.saveHeld'));
      app._save();
    },
  };
  return { ...frame, noticeActions };
}
