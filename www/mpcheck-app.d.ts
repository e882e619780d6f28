// Types for mpcheck-app.js: the <mpcheck-app> custom element. Importing the module defines the
// element (once: a second copy of the module leaves the first definition in place).
import type { Answers, Catalogue, Lang, Question, Report } from './pkg/mpcheck.js';

export interface MpcheckChangeDetail {
  /** A plain JSON copy of the answers (question id → value). */
  answers: Answers;
  lang: Lang;
}
export interface MpcheckResultDetail {
  /** The engine's report for the current answers (docs/api.md). */
  report: Report;
}

/**
 * The whole checker in one open shadow root.
 *
 * Settings, each an attribute and a property (set either; a property set before the element is
 * defined is taken over when it upgrades): `lang` ("zh-CN" | "en"), `platform` (preset answer, e.g.
 * "wechat"), `answers` (preset: share-link encoding "platform=wechat&entity=company", or as a
 * property an Answers object), `compact` (start at the first question), `storage-key` /
 * `storageKey` (localStorage key, default "mpcheck"), `sync-url` / `syncUrl` (read and write the
 * host page's URL fragment), `hide-title` / `hideTitle`, `load-timeout` / `loadTimeout` (seconds
 * without a byte before a download is given up, default 20; page-wide, read when an element connects),
 * `history` (each question an entry in the browser's history, so Back goes back one question; off,
 * the host's history is never touched).
 *
 * Events (bubbling, composed): `mpcheck:change`, `mpcheck:result`.
 */
export class MpcheckApp extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Current answers (read them; do not mutate). Setting it presets answers, as the attribute does. */
  get answers(): Answers;
  set answers(preset: Answers | string | null);
  /** The current language; setting it switches language (reflected to the `lang` attribute). */
  lang: Lang;
  /** Preset answer to the platform question (the `platform` attribute). */
  platform: string | null;
  /** localStorage key of this instance (the `storage-key` attribute; default "mpcheck"). */
  storageKey: string;
  compact: boolean;
  syncUrl: boolean;
  hideTitle: boolean;
  /** Seconds without a byte before a download is given up (the `load-timeout` attribute; 20 when unset). */
  loadTimeout: string | null;
  /** Each screen is an entry in the browser history (Back goes back one question); off by default. */
  history: boolean;
  /** The latest report, or null before the engine has loaded. */
  readonly report: Report | null;
  /** The questions in the current language, once loaded. */
  readonly qs: Question[];
  /** The current language's catalogue, once it has arrived (null before). */
  readonly catalogue: Catalogue | null;
  /** Switch language (loads that language's catalogue; reflected to the `lang` attribute). */
  setLanguage(lang: Lang | string, reflect?: boolean): Promise<void>;
  /** Set (or with undefined, clear) one answer; results update at once. */
  setAnswer(questionId: string, value: Answers[string] | undefined): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'mpcheck-app': MpcheckApp;
  }
  interface HTMLElementEventMap {
    'mpcheck:change': CustomEvent<MpcheckChangeDetail>;
    'mpcheck:result': CustomEvent<MpcheckResultDetail>;
  }
}
