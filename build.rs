//! Reads every `*.toml` below `rules/` (or `$MPCHECK_RULES_DIR`), checks it, and writes the
//! checked rule base in its compact binary form (`blob`) into `$OUT_DIR/rulebase.bin`. On any
//! problem the build fails with all of them, each as `file:line:col: [id] message (kind)`.
//! The reader and checker are the rule language's crate, crates/rules.

use mpcheck_rules::{blob, model, rulefile};

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

/// For the wasm module: drops every text and everything else only the catalogue shows (names,
/// questions' and options' wording, summaries, eligibility, rule and cause texts, sources,
/// conditions' source text). The engine speaks ids; the page and API users get the words from the
/// catalogue JSON files (src/bin/export-catalogue.rs), so they are downloaded once.
fn strip(rb: &mut model::RuleBase) {
    use model::Text;
    use std::borrow::Cow::Borrowed;
    let blank = || Text {
        zh: Borrowed(""),
        en: Borrowed(""),
    };
    let mut questions = rb.questions.to_vec();
    for q in questions.iter_mut() {
        q.text = blank();
        q.help = None;
        q.unit = None;
        q.ask_when_src = Borrowed("");
        let mut options = q.options.to_vec();
        for o in options.iter_mut() {
            o.text = blank();
            o.help = None;
        }
        q.options = options.into();
    }
    rb.questions = questions.into();
    let mut reqs = rb.requirements.to_vec();
    for r in reqs.iter_mut() {
        r.name = blank();
        (r.summary, r.authority, r.validity, r.scope) = (None, None, None, None);
        (r.documents, r.myth, r.checked, r.apply) = (None, None, None, None);
        r.sources = Borrowed(&[]);
        let mut el = r.eligibility.to_vec();
        for e in el.iter_mut() {
            e.text = blank();
            // Keep whether it is a condition or a note (the engine reports met conditions only).
            e.met = e.met.as_ref().map(|_| blank());
            e.when_src = Borrowed("");
            e.sources = Borrowed(&[]);
        }
        r.eligibility = el.into();
    }
    rb.requirements = reqs.into();
    let mut rules = rb.rules.to_vec();
    for r in rules.iter_mut() {
        (r.text, r.ask, r.when_src, r.sources) = (blank(), None, Borrowed(""), Borrowed(&[][..]));
    }
    rb.rules = rules.into();
    let mut checks = rb.checks.to_vec();
    for c in checks.iter_mut() {
        (c.title, c.why, c.how, c.sources) = (blank(), blank(), blank(), Borrowed(&[][..]));
    }
    rb.checks = checks.into();
    let mut causes = rb.causes.to_vec();
    for c in causes.iter_mut() {
        (c.title, c.meaning, c.fix, c.rule) = (blank(), blank(), blank(), blank());
        c.on = None;
        c.sources = Borrowed(&[]);
    }
    rb.causes = causes.into();
    rb.sources = Borrowed(&[]);
}

fn main() {
    println!("cargo:rerun-if-env-changed=MPCHECK_RULES_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    // Relative to the crate; `join` keeps an absolute $MPCHECK_RULES_DIR as it is.
    let dir = root.join(std::env::var("MPCHECK_RULES_DIR").unwrap_or_else(|_| "rules".into()));
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
            // The wasm module carries only what evaluate and diagnose need: no texts.
            if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
                strip(&mut rb);
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
