//! Writes, per language (`zh-CN`, `en`), the JSON files the page loads beside the wasm module
//! (docs/api.md):
//! - `<dir>/questions.<lang>.json`: the questions (as `questions(lang)` returns them, without the
//!   options of a question with `options_from`) and the version, so that the page can show the
//!   first question before the wasm has arrived;
//! - `<dir>/catalogue.<lang>.json`: the core catalogue (names and texts of requirements, rules
//!   and sources) without the WeChat categories and the checklist, in its compact form (ids only
//!   as keys; `expandCatalogue` in www/wasm-loader.js restores the core catalogue);
//! - `<dir>/categories.<lang>.json`: those long texts (summary, scope, documents) by id and the
//!   checklist items, loaded when the page first needs them or once idle after the first result;
//! - `<dir>/names.<lang>.json`: the WeChat categories' records (their shared fields once, then
//!   each one's name and own fields), which the page loads when a view shows a category
//!   (`mergeNames` in www/files.js puts them into the core catalogue) and the category picker in the
//!   other language (to match names in both);
//! - `<dir>/causes.<lang>.json`: the rejection causes (texts, implied requirements, confidence)
//!   by id, which the rejection help loads when it is first used.
//!
//! The wasm module carries no texts: it answers in ids, and these files give the words. Run by
//! scripts/build.sh: `cargo run --bin export-catalogue -- pkg`.
//!
//! `cargo run --bin export-catalogue -- <dir> --expanded` writes only
//! `<dir>/catalogue.<lang>.expanded.json`, the core catalogue as it is in memory (not compact), and
//! `<dir>/catalogue-full.<lang>.expanded.json`, the whole catalogue, for the tests that the page's
//! expansion of the compact file gives exactly the first, and with `categories.<lang>.json` merged
//! in, the second (tests/node/catalogue.test.mjs).

use std::path::PathBuf;

use mpcheck::catalogue::{
    catalogue_compact_json, catalogue_core_json, catalogue_json, category_details_json,
    causes_json, option_names_json, questions_file_json,
};
use mpcheck::model::Lang;
use mpcheck::RULES;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let expanded = args.iter().any(|a| a == "--expanded");
    let dir = PathBuf::from(
        args.iter()
            .find(|a| !a.starts_with("--"))
            .map_or("pkg", |s| s),
    );
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    for (lang, tag) in [(Lang::Zh, "zh-CN"), (Lang::En, "en")] {
        let files = if expanded {
            vec![
                ("catalogue", catalogue_core_json(&RULES, lang)),
                ("catalogue-full", catalogue_json(&RULES, lang)),
            ]
        } else {
            vec![
                ("questions", questions_file_json(&RULES, lang)),
                ("catalogue", catalogue_compact_json(&RULES, lang)),
                ("categories", category_details_json(&RULES, lang)),
                ("names", option_names_json(&RULES, lang)),
                ("causes", causes_json(&RULES, lang)),
            ]
        };
        let suffix = if expanded { ".expanded" } else { "" };
        for (name, json) in files {
            let path = dir.join(format!("{name}.{tag}{suffix}.json"));
            if let Err(e) = std::fs::write(&path, json) {
                eprintln!("cannot write {}: {e}", path.display());
                std::process::exit(1);
            }
            println!("{}", path.display());
        }
    }
}
