//! Arbitrary text as a condition: `expr_parse::parse` returns a tree or an error whose offset
//! lies inside the text (or at its end); it never panics and never recurses without bound.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    match mpcheck::expr_parse::parse(src) {
        Ok(cond) => {
            // A parsed condition is deterministic.
            assert_eq!(mpcheck::expr_parse::parse(src), Ok(cond));
        }
        Err(e) => {
            assert!(
                e.offset <= src.len(),
                "offset {} past the end ({})",
                e.offset,
                src.len()
            );
            assert!(!e.message.is_empty());
        }
    }
});
