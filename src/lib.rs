//! mpcheck: which licences, filings and platform documents a Chinese mini-program needs.
//!
//! Layers, each depending only on those before it:
//! - the rule language (crates/rules, `mpcheck_rules`): the rule base's types, its compact
//!   binary form, and the reader and checker of rule files, shared with `build.rs`;
//! - `engine`: a pure function from answers to a report of ids (`engine::evaluate`) and from
//!   pasted text to rejection-cause ids (`engine::diagnose`); no I/O, no state between calls;
//! - `catalogue`: the wording (names, reasons, questions, causes) as the JSON files the page and
//!   API users read (src/bin/export-catalogue.rs);
//! - `wasm`: the thin wasm-bindgen adapter (answers in as one text and numbers, the report out as
//!   numbers, the causes through serde-wasm-bindgen).

#[cfg(feature = "loader")]
pub use mpcheck_rules::rulefile;
pub use mpcheck_rules::{blob, expr_parse, model, normalise};

pub mod catalogue;
pub mod engine;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use engine::answers::{Answers, RawAnswers};
pub use engine::error::EngineError;
pub use engine::rulebase::RULES;
pub use engine::{diagnose, evaluate};
pub use model::{Lang, RuleBase};

/// Answers → the report as JSON text (native callers: tests, tools).
pub fn evaluate_json(rb: &RuleBase, raw: &RawAnswers) -> Result<String, EngineError> {
    Ok(serde_json::to_string(&evaluate(rb, raw)?).expect("a report is JSON"))
}

/// Pasted text → the likely causes as JSON text (native callers).
pub fn diagnose_json(rb: &RuleBase, text: &str) -> Result<String, EngineError> {
    Ok(serde_json::to_string(&diagnose(rb, text)?).expect("causes are JSON"))
}
