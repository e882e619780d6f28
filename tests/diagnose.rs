//! Every case in tests/diagnose/*.toml: the expected causes are all found, and the first one
//! ranks first. The same files run through the built wasm in tests/node/.

mod common;

use mpcheck::engine::diagnose::{diagnose, MAX_TEXT};
use mpcheck::{EngineError, RULES};

#[test]
fn every_rejection_message_is_diagnosed() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (path, table) in common::toml_files("tests/diagnose") {
        for case in common::tables(table.get("case")) {
            count += 1;
            let id = case.get("id").and_then(|v| v.as_str()).unwrap_or("?");
            let text = case.get("text").and_then(|v| v.as_str()).unwrap_or("");
            let expect = common::strings(case.get("expect"));
            let found: Vec<String> = match diagnose(&RULES, text) {
                Ok(m) => m
                    .iter()
                    .map(|m| RULES.causes[m.cause as usize].id.to_string())
                    .collect(),
                Err(e) => {
                    failures.push(format!("{path} [{id}]: {e}"));
                    continue;
                }
            };
            if expect.is_empty() && !found.is_empty() {
                failures.push(format!(
                    "{path} [{id}]: should find nothing, found {found:?}"
                ));
            }
            for e in &expect {
                if !found.contains(e) {
                    failures.push(format!("{path} [{id}]: `{e}` not found (found {found:?})"));
                }
            }
            if let (Some(first), Some(top)) = (expect.first(), found.first()) {
                if first != top {
                    failures.push(format!(
                        "{path} [{id}]: `{first}` should rank first, `{top}` does ({found:?})"
                    ));
                }
            }
        }
    }
    assert!(
        count > 0 || RULES.causes.is_empty(),
        "no diagnose cases found"
    );
    assert!(
        failures.is_empty(),
        "{} problem(s) in {count} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn text_over_the_limit_is_refused_and_text_at_the_limit_is_not() {
    let at = "审".repeat(MAX_TEXT / 3);
    assert!(diagnose(&RULES, &at).is_ok());
    let over = "a".repeat(MAX_TEXT + 1);
    match diagnose(&RULES, &over) {
        Err(EngineError::LimitExceeded { limit, actual, .. }) => {
            assert_eq!((limit, actual), (MAX_TEXT, MAX_TEXT + 1));
        }
        other => panic!("expected a limit error, got {other:?}"),
    }
}

#[test]
fn noise_alone_finds_nothing() {
    let noise = "你的小程序\"测试小店\"，提审时间2024-05-06 10:11:12（测试环境wifi/4G,Andriod 7.0,微信7.0.0,Honor V9）";
    let found = diagnose(&RULES, noise).expect("short text is accepted");
    assert!(
        found.is_empty(),
        "noise matched {:?}",
        found
            .iter()
            .map(|m| &RULES.causes[m.cause as usize].id)
            .collect::<Vec<_>>()
    );
}
