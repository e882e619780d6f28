//! mpcheck's rule language, shared by the engine and its `build.rs`:
//! - `model`: the checked rule base, as the engine uses it;
//! - `expr_parse`: the condition language's parser;
//! - `normalise`: text folding (diagnose patterns are folded at build time, pasted text at run time);
//! - `blob`: the rule base's compact binary form, written by `build.rs`, read by the engine;
//! - `rulefile` (feature `loader`): TOML rule files → a checked `model::RuleBase`, every problem
//!   at once with file:line:col and the record's id.

pub mod blob;
pub mod expr_parse;
pub mod model;
pub mod normalise;
#[cfg(feature = "loader")]
pub mod rulefile;
