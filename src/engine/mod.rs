//! The engine: answers → a report of ids, pasted rejection text → cause ids. Pure: no I/O and no
//! state between calls (the shipped rule base is decoded and compiled once, on first use).
//!
//! `answers` (reading and checking answers) → `eval` (three-valued conditions, run from the rule
//! base `program` compiles) → `report` (statuses, reasons, checklist, next questions) with
//! `plan` → `out` (the report as ids, for serde). `diagnose` scores rejection causes.

pub mod answers;
pub mod diagnose;
pub mod error;
pub mod eval;
pub mod out;
pub mod plan;
pub mod program;
pub mod report;
pub mod rulebase;
pub mod sort_small;

use crate::model::RuleBase;
use answers::{Answers, RawAnswers};
use error::EngineError;

/// Answers → the report, in ids (docs/api.md). The first problem with the answers is the error.
pub fn evaluate<'a>(rb: &'a RuleBase, raw: &RawAnswers) -> Result<out::Report<'a>, EngineError> {
    let answers = Answers::resolve(rb, raw)?;
    let report = report::evaluate(rb, &answers);
    Ok(out::report(rb, &report, &answers))
}

/// `evaluate` with `rb` compiled beforehand (the benchmark's generated rule bases).
pub fn evaluate_compiled<'a>(
    rb: &'a RuleBase,
    program: &program::Program,
    raw: &RawAnswers,
) -> Result<out::Report<'a>, EngineError> {
    let answers = Answers::resolve(rb, raw)?;
    let report = report::evaluate_compiled(rb, program, &answers);
    Ok(out::report(rb, &report, &answers))
}

/// Pasted text → the likely rejection causes, best first, in ids.
pub fn diagnose<'a>(rb: &'a RuleBase, text: &str) -> Result<Vec<out::Cause<'a>>, EngineError> {
    Ok(out::causes(rb, diagnose::diagnose(rb, text)?))
}
