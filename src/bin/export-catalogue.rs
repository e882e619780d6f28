//! Writes, per language (`zh-CN`, `en`), the JSON files the page loads beside the wasm module
//! (docs/api.md):
//! - `<dir>/questions.<lang>.json`: the questions (as `questions(lang)` returns them, without the
//!   options of a question with `options_from`) and the version, so that the page can show the
//!   first question before the wasm has arrived;
//! - `<dir>/catalogue.<lang>.json`: the core catalogue (names and texts of requirements, rules,
//!   checks and sources) without the WeChat categories' long texts;
//! - `<dir>/categories.<lang>.json`: those long texts (summary, scope, documents) by id, loaded
//!   when the page first needs them.
//!
//! The wasm module carries only what `evaluate`, `questions` and `diagnose` need. Run by
//! scripts/build.sh: `cargo run --bin export-catalogue -- pkg`.

use std::path::PathBuf;

use mpcheck::model::Lang;
use mpcheck::output::{catalogue_core_json, category_details_json, questions_file_json};
use mpcheck::RULES;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "pkg".into()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    for (lang, tag) in [(Lang::Zh, "zh-CN"), (Lang::En, "en")] {
        let files = [
            ("questions", questions_file_json(&RULES, lang)),
            ("catalogue", catalogue_core_json(&RULES, lang)),
            ("categories", category_details_json(&RULES, lang)),
        ];
        for (name, json) in files {
            let path = dir.join(format!("{name}.{tag}.json"));
            if let Err(e) = std::fs::write(&path, json) {
                eprintln!("cannot write {}: {e}", path.display());
                std::process::exit(1);
            }
            println!("{}", path.display());
        }
    }
}
