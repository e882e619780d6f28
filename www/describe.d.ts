// Types for describe.js: the words for the engine's ids, from the catalogue files (docs/api.md).
import type { AnswerValue, Cause, Item, Problem, Report } from './engine.js';

export type Lang = 'zh-CN' | 'en';
export interface Question { id: string; kind: 'yes_no' | 'one_of' | 'several_of' | 'number'; text: string; help?: string;
  not_sure: boolean; options: { id: string; label: string; help?: string }[]; options_from?: string; unit?: string;
  min?: number; max?: number; ask_when?: string;
  /** offered on the results page, never asked before the first result (`held`) */
  on_results?: boolean;
  /** the page's pair questions only (app/pairs.js): the two questions its answer sets */
  sets?: string[] }
export interface QuestionsFile { version: string; questions: Question[] }
export interface Requirement { id: string; name: string; layer?: string; kind?: string; step?: string; group?: string;
  /** conditions (with `met`: `text` is the not-met wording) and notes (no `met`), in the rule files' order */
  eligibility?: { text: string; met?: string; blocks: boolean; when?: string; sources?: string[] }[]; [field: string]: unknown }
export interface Catalogue { version: string; reviewed: string; requirements: Record<string, Requirement>;
  /** `text`: in the core catalogue only for the rules that can refuse an item (the others' with the details) */
  rules: Record<string, { id: string; text?: string; ask?: string; when?: string; sources?: string[]; confidence?: string }>;
  checks: Record<string, { id: string; title: string; why: string; how: string; sources?: string[]; confidence?: string }>;
  sources: Record<string, { id: string; title: string; url?: string; checked: string; tag: string }> }
export interface CausesFile { version: string; causes: Record<string, { title: string; meaning: string; fix: string; rule: string;
  implies: string[]; confidence: string;
  /** per platform (an option id of the platform question), where platforms differ: replaces the general wording there */
  on?: Record<string, { meaning?: string; fix?: string; rule?: string }> }> }
/** An eligibility condition as it applies to these answers, worded for them ({question} placeholders filled). */
export interface Condition { text: string;
  /** true: met (every answer it reads is given); false: not met; null: not known yet (`settle` names the questions) */
  met: boolean | null;
  /** not met means this operator cannot get it (false: a caution) */
  blocks: boolean; settle?: string[] }
export interface DescribedItem extends Item { name: string; problems: (Problem & { text: string })[];
  /** the item's eligibility conditions that apply to these answers, in catalogue order, each sentence once; none about another entity type, platform or product */
  conditions: Condition[];
  /** the item's notes whose condition holds for these answers */
  notes: string[];
  /** the operator already holds it: done, not a plan step */
  held: boolean;
  /** not needed only because of the platform or product answered: about another platform or product (a result need not list it) */
  elsewhere?: true;
  /** where to apply: the official system's name, its address when known, and whether it is confirmed */
  apply?: Apply;
  /** a "one of" alternative: the same id on every member of its group (count the group once) */
  one_of_id?: string;
  /** needs_confirming items: whom to ask (the deciding rules' `ask`, in the core catalogue) */ ask?: string[] }
/** Required counts items not held, a one-of group once; needs_confirming is never counted as required. */
export interface Counts { required: number; held: number; needs_confirming: number; possible: number; not_accepted: number }
/** Where to apply; `confirmed` false: the system or its address could not be confirmed (say so). */
export interface Apply { name: string; url?: string; confirmed: boolean }
export interface DescribedReport extends Omit<Report, 'requirements' | 'answers' | 'plan'> { requirements: DescribedItem[];
  plan: Omit<Report['plan'], 'steps'> & { steps: (Report['plan']['steps'][number] & { name: string; apply?: Apply })[] };
  answers: Record<string, { question: string; answer: string; value: AnswerValue }>; counts: Counts;
  /** what this operator cannot do: not accepted items, and required items with a blocking condition not met
   * (`texts`: those conditions' words; `entity`: it is closed to this entity type) */
  blockers: { id: string; name: string; status: 'not_accepted' | 'required'; texts: string[]; entity: boolean }[] }

export function formatNumber(n: number, lang: Lang): string;
/** An answer in the question's own words: the one place answers are worded. */
export function answerText(q: Question, v: unknown, lang: Lang): string;
/** The questions with every option (those of `options_from` from the catalogue). */
export function questionsFrom(file: QuestionsFile, catalogue: Catalogue): Question[];
/** A report with its words: requirement names, problem texts, answers as {question, answer, value}. */
export function describe(report: Report, words: { catalogue: Catalogue; questions: Question[]; lang: Lang }): DescribedReport;
/** What a result counts (describe puts it on the report as `counts`). */
export function countItems(items: Pick<Item, 'id' | 'status' | 'one_of' | 'held'>[]): Counts;
/** A wording with its {question} placeholders filled with the answers' words (answerText). */
export function fillAnswers(text: string, values: Record<string, unknown>, byId: Map<string, Question>, lang: Lang): string;
/** diagnose()'s causes with their words (title, meaning, fix, rule, implies, confidence). */
export function describeCauses(causes: Cause[], file: CausesFile): (Cause & CausesFile['causes'][string])[];
