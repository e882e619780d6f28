// Types for engine.js: the engine's API, in ids (docs/api.md). describe.js adds the words.

/** Thrown by every function on bad input; the module keeps working afterwards. */
export interface MpcheckError {
  kind: 'invalid_answers' | 'unknown_question' | 'unknown_option' | 'invalid_value' | 'limit_exceeded' | 'internal';
  message: string; question?: string; option?: string; what?: 'keys' | 'items' | 'string' | 'total' | 'text'; limit?: number; actual?: number;
}
export type AnswerValue = boolean | number | string | string[] | null;
export type Answers = Record<string, AnswerValue>;
export type Status = 'required' | 'needs_confirming' | 'possible' | 'not_accepted' | 'not_needed';
/** A rule id, or 'picked' (the user chose the category), 'entity' (not open to their entity), 'when' (a check's own condition). */
export interface Because { rule: string; answers: string[] }
/** An eligibility entry of the requirement (index into the catalogue's `eligibility`), or an uncertain `not_accepted` rule. */
export interface Problem { eligibility?: number; rule?: string; blocks: boolean; certain: boolean; answers: string[];
  /** not certain: the unanswered questions whose answers would settle it */
  settle: string[] }
export interface Item { id: string; layer: 'law' | 'filing' | 'platform'; status: Status; because: Because[]; settle: string[];
  one_of?: string[]; problems: Problem[];
  /** Eligibility conditions these answers meet (indexes into the catalogue's `eligibility`; every answer they read is given). */
  met: number[];
  /** The operator already holds it (the requirement's `held_when`): done, not a plan step, no problems. */
  held: boolean }
export interface Report { version: string; flow: { asked: string[]; next: string | null; unsure: string[] };
  requirements: Item[]; checklist: { id: string; status: 'required' | 'possible'; because: Because[]; settle: string[] }[];
  next_questions: { id: string; settles: number }[];
  plan: { steps: { id: string; step: string; start: [number, number]; finish: [number, number];
      /** its own lead time in working days; null: unknown (counted as 0 in start, finish and total) */
      lead_time: [number, number] | null }[];
    /** working days over the steps with a known lead time: with any `unknown`, "at least" this */
    total: [number, number];
    /** ids of the steps whose lead time is unknown */
    unknown: string[] };
  /** Every answer cited by a `because` or a problem, as given (null: unanswered). */
  answers: Record<string, AnswerValue> }
export interface Cause { id: string; score: number; matched: string[] }
export const LIMITS: Readonly<{ keys: number; items: number; string: number; total: number; text: number }>;

/** Loads the module (browsers, bundlers): `await init()` or `init({ module_or_path: url })`. */
export default function init(options?: { module_or_path?: unknown }): Promise<unknown>;
/** Loads the module synchronously from its bytes or a compiled module (node). */
export function initSync(options: { module: BufferSource | WebAssembly.Module }): unknown;
/** The rule-base version; every catalogue file carries the same. */
export function version(): string;
/** Answers → the report, in ids. Throws an MpcheckError on bad input. */
export function evaluate(answers: unknown): Report;
/** Pasted rejection text → the likely causes, best first, in ids. */
export function diagnose(text: unknown): Cause[];
/** The report object from the module's numbers and its ids (what evaluate does after the module). */
export function buildReport(tape: Uint32Array, names: unknown): Report;
/** The answers as evaluate reads them and hands them to the module: one text and its lengths and kinds (throws an MpcheckError). */
export function readAnswers(answers: unknown): [string, Float64Array];
