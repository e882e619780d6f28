//! Arbitrary pasted text: `diagnose` returns causes (best first, each with evidence) or refuses
//! text over the limit; it never panics, and its JSON is valid.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mpcheck::engine::diagnose::{diagnose, MAX_TEXT, MIN_SCORE};
use mpcheck::RULES;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match diagnose(&RULES, &text) {
        Ok(matches) => {
            assert!(text.len() <= MAX_TEXT);
            for w in matches.windows(2) {
                assert!(w[0].score >= w[1].score, "not best first");
            }
            for m in &matches {
                assert!(m.score >= MIN_SCORE);
                assert!(!m.evidence.is_empty());
                assert!((m.cause as usize) < RULES.causes.len());
            }
            let json = mpcheck::diagnose_json(&RULES, &text).expect("accepted once");
            serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
        }
        Err(e) => {
            assert_eq!(e.kind(), "limit_exceeded");
            assert!(text.len() > MAX_TEXT);
        }
    }
});
