//! One broken rule file per kind of build-time error (tests/broken/*.toml). Each file says in
//! its second line which error it must produce and where: `# expect: <kind> at <line>:<col>`.
//! Each is loaded with tests/broken/_base.toml (valid on its own), except `alone-*` files.
#![cfg(feature = "loader")]

mod common;

use mpcheck::rulefile::{load, LoadOptions, SourceFile};

fn file(name: &str) -> SourceFile {
    let path = common::root().join("tests/broken").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    SourceFile {
        path: name.to_string(),
        text,
    }
}

#[test]
fn the_base_alone_is_valid() {
    let base = load(&[file("_base.toml")], LoadOptions::STRICT);
    assert!(base.is_ok(), "{:?}", base.err());
}

#[test]
fn every_broken_file_gives_its_error_at_its_place() {
    let mut names: Vec<String> = std::fs::read_dir(common::root().join("tests/broken"))
        .expect("tests/broken exists")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".toml") && !n.starts_with('_'))
        .collect();
    names.sort();
    assert!(names.len() >= 30, "only {} broken files", names.len());
    let mut failures = Vec::new();
    let mut kinds = std::collections::BTreeSet::new();
    for name in &names {
        let broken = file(name);
        let expect = broken
            .text
            .lines()
            .nth(1)
            .and_then(|l| l.strip_prefix("# expect: "))
            .map(str::to_string);
        let Some(expect) = expect else {
            failures.push(format!("{name}: no `# expect:` line"));
            continue;
        };
        let (kind, place) = expect.split_once(" at ").unwrap_or((&expect, ""));
        kinds.insert(kind.to_string());
        let files = if name.starts_with("alone-") {
            vec![broken]
        } else {
            vec![file("_base.toml"), broken]
        };
        match load(&files, LoadOptions::STRICT) {
            Ok(_) => failures.push(format!("{name}: loaded without error, expected {expect}")),
            Err(errors) => {
                let hit = errors.iter().any(|e| {
                    e.kind == kind
                        && (e.path == *name || name.starts_with("alone-"))
                        && format!("{}:{}", e.line, e.col) == place
                });
                if !hit {
                    let got: Vec<String> = errors.iter().map(ToString::to_string).collect();
                    failures.push(format!(
                        "{name}: expected {expect}, got:\n  {}",
                        got.join("\n  ")
                    ));
                }
                // Errors in the broken file name the record they belong to (or the file's section).
                for e in errors.iter().filter(|e| {
                    e.path == *name && e.kind != "toml_syntax" && e.kind != "unknown_section"
                }) {
                    if e.id.is_none() && e.kind != "missing_meta" {
                        failures.push(format!("{name}: error without a record id: {e}"));
                    }
                }
            }
        }
    }
    assert!(
        kinds.len() >= 30,
        "only {} error kinds are covered: {kinds:?}",
        kinds.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn all_errors_are_reported_at_once() {
    let a = file("unknown-option.toml");
    let b = file("missing-sources.toml");
    let c = file("invalid-date.toml");
    let errors =
        load(&[file("_base.toml"), a, b, c], LoadOptions::STRICT).expect_err("three broken files");
    let kinds: std::collections::BTreeSet<&str> = errors.iter().map(|e| e.kind).collect();
    for k in ["unknown_option", "missing_sources", "invalid_date"] {
        assert!(kinds.contains(k), "{k} missing from {errors:?}");
    }
}
