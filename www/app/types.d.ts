// Types the page's modules name in their JSDoc (`@param {import('../app/types.js').Report}`): the
// engine's (engine.d.ts: ids) with their words (describe.d.ts: what the loader's engine returns),
// and the page's own. Declarations only: nothing here is loaded by the browser.
import type { Answers, AnswerValue, Cause as CauseIds } from '../engine.js';
import type { Catalogue, DescribedItem as Item, DescribedReport as Report, Lang, Question, Requirement, CausesFile } from '../describe.js';
import type { LoadedEngine } from '../wasm-loader.js';

export type { Answers, AnswerValue, Catalogue, Item, Lang, Question, Report, Requirement };
/** A rejection cause with its words (describeCauses). */
export type Cause = CauseIds & CausesFile['causes'][string];

/** The loaded engine (wasm-loader.js); only app/engine.js calls into it. */
export type Engine = LoadedEngine;

/** Translates a message key (i18n/index.js). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A screen of the checker (app/router.js). */
export interface View {
  name: 'start' | 'question' | 'all' | 'summary' | 'results' | 'checklist' | 'diagnose' | 'questions';
  qid?: string | null;
  returnTo?: 'summary' | 'results';
}

/** What a component's render returns: its element, where focus goes, and the actions it handles. */
export interface Rendered {
  el: HTMLElement;
  focus?: () => HTMLElement | null | undefined | void;
  /** data-action value → handler, given the clicked control's dataset and the control. */
  actions?: Actions;
  /** Called after answers change, for a view that stays on screen (all questions). */
  sync?: () => void;
}
export type Actions = Record<string, (data: DOMStringMap, control: HTMLElement) => void>;

/**
 * The data every component may read (never write): made afresh for each drawing by the shell.
 */
export interface Ctx {
  t: Translate;
  lang: Lang;
  /** Prefix of ids inside the shadow root. */
  instance: string;
  /** addEventListener, removed when the view is drawn again. */
  on: (el: EventTarget, type: string, fn: (e: Event) => void, opts?: AddEventListenerOptions) => void;
  answers: Answers;
  ticks: Record<string, boolean>;
  qs: Question[];
  qsById: Map<string, Question>;
  catalogue: (Catalogue & { details?: 'categories' }) | null;
  /** The WeChat categories' names in the other language, once loaded. */
  namesAlt: Record<string, string> | null;
  /** Loads namesAlt (the category picker asks when it opens). */
  otherNames: () => Promise<Record<string, string>>;
  /** The category picker's search index (scope and everyday words), by category id. */
  categoryWords: () => Promise<Record<string, string>>;
  report: Report | null;
  /** The questions asked for these answers, in order. */
  asked: () => string[];
  /** The questions answered or skipped that are still asked, in order (the check-answers list). */
  path: () => string[];
  /** The questions still to ask, best first (empty: nothing left can change the result). */
  toAsk: () => string[];
  uid: (prefix: string, id: string) => string;
  entityLabel: (id: string) => string;
  answerWords: (qid: string) => string;
}

/** A notice above the view. */
export interface Notice {
  id: string;
  text: string;
  kind: 'info' | 'warning';
  /** That a file did not load (dismissed once a language switch brings the files). */
  file?: boolean;
  actions?: { label: string; action: string; run: () => void }[];
}
