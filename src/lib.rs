//! mpcheck: which licences, filings and platform documents a Chinese mini-program needs.
//!
//! The engine core is pure Rust with no I/O: `answers` → `eval` (of the rule base as `program`
//! compiles it) → `report` (+ `plan`), and
//! `diagnose` for pasted rejection messages; `output` writes the JSON that JavaScript sees.
//! The rule base in `rules/` is read and checked by `build.rs` (with `rulefile`, shared through
//! `#[path]`) and embedded in the compact form of `blob`, decoded once on first use (`RULES`). `wasm` is the thin wasm-bindgen adapter.

pub mod answers;
pub mod answers_json;
pub mod blob;
pub mod diagnose;
pub mod error;
pub mod eval;
pub mod expr_parse;
pub mod json;
pub mod model;
pub mod normalise;
pub mod output;
pub mod plan;
pub mod program;
pub mod report;
#[cfg(feature = "loader")]
pub mod rulefile;
pub mod sort_small;
pub mod tape;

mod rulebase;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use answers::{Answers, RawAnswers};
pub use error::EngineError;
pub use model::{Lang, RuleBase};
pub use rulebase::RULES;

/// `zh-CN` (or `zh`, `zh-*`) and `en` (or `en-*`).
pub fn parse_lang(lang: &str) -> Result<Lang, EngineError> {
    let l = lang.to_ascii_lowercase();
    if l == "zh" || l.starts_with("zh-") {
        Ok(Lang::Zh)
    } else if l == "en" || l.starts_with("en-") {
        Ok(Lang::En)
    } else {
        Err(EngineError::InvalidLang {
            lang: lang.chars().take(32).collect(),
        })
    }
}

/// Answers → the report as JSON (docs/api.md).
pub fn evaluate_json(rb: &RuleBase, raw: &RawAnswers, lang: Lang) -> Result<String, EngineError> {
    let answers = Answers::resolve(rb, raw)?;
    let report = report::evaluate(rb, &answers);
    Ok(output::report_json(rb, &report, &answers, lang))
}

/// Pasted text → the likely causes as JSON.
pub fn diagnose_json(rb: &RuleBase, text: &str, lang: Lang) -> Result<String, EngineError> {
    let matches = diagnose::diagnose(rb, text)?;
    Ok(output::diagnose_json(rb, &matches, lang))
}
