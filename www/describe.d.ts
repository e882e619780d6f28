// Types for describe.js: the words for the engine's ids, from the catalogue files (docs/api.md).
import type { AnswerValue, Cause, Item, Problem, Report } from './engine.js';

export type Lang = 'zh-CN' | 'en';
export interface Question { id: string; kind: 'yes_no' | 'one_of' | 'several_of' | 'number'; text: string; help?: string;
  not_sure: boolean; options: { id: string; label: string; help?: string }[]; options_from?: string; unit?: string;
  min?: number; max?: number; ask_when?: string }
export interface QuestionsFile { version: string; questions: Question[] }
export interface Requirement { id: string; name: string; layer?: string; kind?: string; step?: string; group?: string;
  eligibility?: { text: string; blocks: boolean; when?: string; sources?: string[] }[]; [field: string]: unknown }
export interface Catalogue { version: string; reviewed: string; requirements: Record<string, Requirement>;
  rules: Record<string, { id: string; text: string; ask?: string; when?: string; sources?: string[]; confidence?: string }>;
  checks: Record<string, { id: string; title: string; why: string; how: string; sources?: string[]; confidence?: string }>;
  sources: Record<string, { id: string; title: string; url?: string; checked: string; tag: string; note?: string }> }
export interface CausesFile { version: string; causes: Record<string, { title: string; meaning: string; fix: string; rule: string;
  implies: string[]; confidence: string }> }
export interface DescribedItem extends Item { name: string; problems: (Problem & { text: string })[];
  /** needs_confirming items: whom to ask (the deciding rules' `ask`, in the core catalogue) */ ask?: string[] }
export interface DescribedReport extends Omit<Report, 'requirements' | 'answers'> { requirements: DescribedItem[];
  answers: Record<string, { question: string; answer: string; value: AnswerValue }> }

export function formatNumber(n: number, lang: Lang): string;
/** An answer in the question's own words: the one place answers are worded. */
export function answerText(q: Question, v: unknown, lang: Lang): string;
/** The questions with every option (those of `options_from` from the catalogue). */
export function questionsFrom(file: QuestionsFile, catalogue: Catalogue): Question[];
/** A report with its words: requirement names, problem texts, answers as {question, answer, value}. */
export function describe(report: Report, words: { catalogue: Catalogue; questions: Question[]; lang: Lang }): DescribedReport;
/** diagnose()'s causes with their words (title, meaning, fix, rule, implies, confidence). */
export function describeCauses(causes: Cause[], file: CausesFile): (Cause & CausesFile['causes'][string])[];
