//! Reads every `*.toml` below `rules/` (or `$MPCHECK_RULES_DIR`), checks it, and writes the
//! checked rule base in its compact binary form (`src/blob.rs`) into `$OUT_DIR/rulebase.bin`. On any problem the build
//! fails with all of them, each as `file:line:col: [id] message (kind)`.
//! The reader and checker are the crate's own modules, shared through `#[path]`.
#![allow(dead_code)]

#[path = "src/blob.rs"]
mod blob;
#[path = "src/expr_parse.rs"]
mod expr_parse;
#[path = "src/model.rs"]
mod model;
#[path = "src/normalise.rs"]
mod normalise;
#[path = "src/rulefile/mod.rs"]
mod rulefile;

use std::path::{Path, PathBuf};

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            toml_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "toml") {
            out.push(p);
        }
    }
}

/// Drops what only the catalogue shows: summaries, authorities, scopes, documents, myths,
/// checklist texts, most rule texts and sources. Names, question texts, eligibility texts and
/// the texts of `not_accepted` rules (used in reports) and rejection causes (used by
/// diagnose) stay.
fn slim(rb: &mut model::RuleBase) {
    use std::borrow::Cow;
    let reqs: Vec<model::Requirement> = rb
        .requirements
        .iter()
        .cloned()
        .map(|mut r| {
            r.summary = None;
            r.authority = None;
            r.validity = None;
            r.scope = None;
            r.documents = None;
            r.myth = None;
            r.checked = None;
            r.sources = Cow::Borrowed(&[]);
            r.eligibility = r
                .eligibility
                .iter()
                .cloned()
                .map(|mut e| {
                    e.sources = Cow::Borrowed(&[]);
                    e
                })
                .collect();
            r
        })
        .collect();
    rb.requirements = reqs.into();
    let empty = || model::Text {
        zh: Cow::Borrowed(""),
        en: Cow::Borrowed(""),
    };
    let checks: Vec<model::Check> = rb
        .checks
        .iter()
        .cloned()
        .map(|mut c| {
            c.title = empty();
            c.why = empty();
            c.how = empty();
            c.sources = Cow::Borrowed(&[]);
            c
        })
        .collect();
    rb.checks = checks.into();
    let rules: Vec<model::Rule> = rb
        .rules
        .iter()
        .cloned()
        .map(|mut r| {
            r.sources = Cow::Borrowed(&[]);
            r.when_src = Cow::Borrowed("");
            // Whom to ask is in the catalogue.
            r.ask = None;
            // A rule's text appears in a report only as an uncertain "not accepted" problem.
            if r.not_accepted.is_empty() {
                r.text = empty();
            }
            r
        })
        .collect();
    rb.rules = rules.into();
    let causes: Vec<model::Cause> = rb
        .causes
        .iter()
        .cloned()
        .map(|mut c| {
            c.sources = Cow::Borrowed(&[]);
            c
        })
        .collect();
    rb.causes = causes.into();
    rb.sources = Cow::Borrowed(&[]);
}

/// For the page's module (cargo feature `page`): also drops every text `slim` keeps. The page
/// gives them back from the JSON files it loads anyway (src/js/texts.js). Optional texts stay
/// `Some` (empty), so the module's answers keep their shape and the page fills them in place.
fn lean(rb: &mut model::RuleBase) {
    use std::borrow::Cow;
    let blank = |t: &mut model::Text| {
        t.zh = Cow::Borrowed("");
        t.en = Cow::Borrowed("");
    };
    let mut questions = rb.questions.to_vec();
    for q in questions.iter_mut() {
        blank(&mut q.text);
        for t in [q.help.as_mut(), q.unit.as_mut()].into_iter().flatten() {
            blank(t);
        }
        let mut options = q.options.to_vec();
        for o in options.iter_mut() {
            blank(&mut o.text);
            if let Some(h) = o.help.as_mut() {
                blank(h);
            }
        }
        q.options = options.into();
    }
    rb.questions = questions.into();
    let mut reqs = rb.requirements.to_vec();
    for r in reqs.iter_mut() {
        blank(&mut r.name);
        let mut el = r.eligibility.to_vec();
        for e in el.iter_mut() {
            blank(&mut e.text);
            e.when_src = Cow::Borrowed("");
        }
        r.eligibility = el.into();
    }
    rb.requirements = reqs.into();
    let mut rules = rb.rules.to_vec();
    for r in rules.iter_mut() {
        blank(&mut r.text);
    }
    rb.rules = rules.into();
    let mut causes = rb.causes.to_vec();
    for c in causes.iter_mut() {
        blank(&mut c.title);
        blank(&mut c.meaning);
        blank(&mut c.fix);
        blank(&mut c.rule);
    }
    rb.causes = causes.into();
}

fn main() {
    println!("cargo:rerun-if-env-changed=MPCHECK_RULES_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let dir = std::env::var("MPCHECK_RULES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("rules"));
    let dir = if dir.is_absolute() {
        dir
    } else {
        root.join(dir)
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut paths = Vec::new();
    toml_files(&dir, &mut paths);
    let mut files = Vec::new();
    for p in &paths {
        println!("cargo:rerun-if-changed={}", p.display());
        let text = match std::fs::read_to_string(p) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: cannot read: {e}", p.display());
                std::process::exit(1);
            }
        };
        let path = p.strip_prefix(&root).unwrap_or(p).display().to_string();
        files.push(rulefile::SourceFile { path, text });
    }
    match rulefile::load(&files, rulefile::LoadOptions::STRICT) {
        Ok(mut rb) => {
            // The wasm module carries only what evaluate, questions and diagnose need; the
            // catalogue's long texts ship as JSON beside it (src/bin/export-catalogue.rs).
            if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
                slim(&mut rb);
                if std::env::var_os("CARGO_FEATURE_PAGE").is_some() {
                    lean(&mut rb);
                }
            }
            let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
                .join("rulebase.bin");
            let bytes = blob::encode(&rb);
            // The crate decodes this at run time: prove now that it round-trips.
            if blob::decode(&bytes).map(|back| blob::encode(&back)) != Some(bytes.clone()) {
                eprintln!("the encoded rule base does not decode to itself");
                std::process::exit(1);
            }
            if let Err(e) = std::fs::write(&out, bytes) {
                eprintln!("cannot write {}: {e}", out.display());
                std::process::exit(1);
            }
        }
        Err(errors) => {
            eprintln!("\nThe rule base has {} problem(s):\n", errors.len());
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!();
            std::process::exit(1);
        }
    }
}
