//! Writes the catalogue (names and long texts of requirements, rules, checks and sources) as
//! one JSON file per language: `<dir>/catalogue.zh-CN.json` and `<dir>/catalogue.en.json`.
//!
//! The wasm module carries only what `evaluate`, `questions` and `diagnose` need; the page
//! loads these files beside it (docs/api.md). Run by scripts/build.sh:
//! `cargo run --bin export-catalogue -- pkg`.

use std::path::PathBuf;

use mpcheck::model::Lang;
use mpcheck::output::catalogue_json;
use mpcheck::RULES;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "pkg".into()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    for (lang, tag) in [(Lang::Zh, "zh-CN"), (Lang::En, "en")] {
        let path = dir.join(format!("catalogue.{tag}.json"));
        if let Err(e) = std::fs::write(&path, catalogue_json(&RULES, lang)) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
        println!("{}", path.display());
    }
}
