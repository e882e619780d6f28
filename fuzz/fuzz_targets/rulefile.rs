//! Arbitrary text as a rule file: `rulefile::load` either builds a rule base or returns typed
//! errors with positions inside the text; it never panics. A base that loads must evaluate.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mpcheck::engine::answers::RawAnswers;
use mpcheck::rulefile::{load, LoadOptions, SourceFile};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options, so both the strict and the bench checks are explored.
    let (opts, rest) = match data.split_first() {
        Some((b, rest)) if b % 2 == 0 => (LoadOptions::STRICT, rest),
        Some((_, rest)) => (LoadOptions::BENCH, rest),
        None => (LoadOptions::STRICT, data),
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let lines = text.lines().count().max(1);
    let files = [SourceFile {
        path: "fuzz.toml".into(),
        text,
    }];
    match load(&files, opts) {
        Ok(rb) => {
            let json = mpcheck::evaluate_json(&rb, &RawAnswers::default())
                .expect("empty answers evaluate on any loaded base");
            assert!(json.starts_with('{') && json.ends_with('}'));
            let _ = mpcheck::diagnose_json(&rb, "审核未通过 3.4").expect("short text");
        }
        Err(errors) => {
            assert!(
                !errors.is_empty(),
                "a refused rule file names at least one problem"
            );
            for e in &errors {
                assert_eq!(e.path, "fuzz.toml");
                assert!(
                    e.line >= 1 && e.line <= lines + 1,
                    "line {} of {}: {e}",
                    e.line,
                    lines
                );
                assert!(e.col >= 1);
                assert!(!e.kind.is_empty() && !e.message.is_empty());
            }
        }
    }
});
