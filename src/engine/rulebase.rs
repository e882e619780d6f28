//! The shipped rule base: `build.rs` checks `rules/` (or `$MPCHECK_RULES_DIR`) and embeds it in
//! the compact form of `blob`; it is decoded once, on first use, and compiled for evaluation
//! (`PROGRAM`) once too.

use std::sync::LazyLock;

use crate::blob;
use crate::engine::program::Program;
use crate::model::RuleBase;

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rulebase.bin"));

/// The rule base. `build.rs` decodes the blob it writes before the crate compiles, so a
/// damaged blob cannot ship; if one ever did, the rule base would be empty, never a panic.
pub static RULES: LazyLock<RuleBase> = LazyLock::new(|| blob::decode(BLOB).unwrap_or_default());

/// The rule base compiled for evaluation (src/program.rs), once, on first use: what
/// `report::evaluate` runs for `RULES`.
pub static PROGRAM: LazyLock<Program> = LazyLock::new(|| Program::compile(&RULES));
