//! Runs every scenario in tests/scenarios/*.toml against the shipped rule base (format in
//! tests/README.md), and fails if any rule never holds in any scenario.
//! The same files run through the built wasm in tests/node/.

mod common;

use std::collections::BTreeSet;

use mpcheck::engine::eval::{State, Tri};
use mpcheck::{evaluate_json, Answers, RULES};
use serde_json::Value;

fn status_of<'a>(report: &'a Value, id: &str) -> Option<&'a Value> {
    report["requirements"]
        .as_array()?
        .iter()
        .find(|i| i["id"] == id)
}

fn ids(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Checks one scenario's expectations; returns what failed.
fn check(report: &Value, expect: &toml::Table) -> Vec<String> {
    let mut fails = Vec::new();
    const KEYS: [&str; 13] = [
        "required",
        "possible",
        "not_accepted",
        "not_needed",
        "needs_confirming",
        "absent",
        "checklist",
        "next",
        "because",
        "settle",
        "problem",
        "held",
        "met",
    ];
    for key in expect.keys() {
        if !KEYS.contains(&key.as_str()) {
            fails.push(format!(
                "unknown `expect` key `{key}` (known: {})",
                KEYS.join(", ")
            ));
        }
    }
    for (key, status) in [
        ("required", "required"),
        ("possible", "possible"),
        ("not_accepted", "not_accepted"),
        ("not_needed", "not_needed"),
        ("needs_confirming", "needs_confirming"),
    ] {
        for id in common::strings(expect.get(key)) {
            let got =
                status_of(report, &id).map_or("absent".to_string(), |i| i["status"].to_string());
            if got.trim_matches('"') != status {
                fails.push(format!("`{id}` should be {status}, is {got}"));
            }
        }
    }
    for id in common::strings(expect.get("absent")) {
        if let Some(i) = status_of(report, &id) {
            if i["status"] == "required" || i["status"] == "possible" {
                fails.push(format!("`{id}` should be absent, is {}", i["status"]));
            }
        }
    }
    let checklist: BTreeSet<String> = report["checklist"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| c["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    for id in common::strings(expect.get("checklist")) {
        if !checklist.contains(&id) {
            fails.push(format!("checklist should include `{id}`"));
        }
    }
    if let Some(next) = expect.get("next").and_then(|v| v.as_str()) {
        let got = report["flow"]["next"].as_str().unwrap_or("");
        if got != next {
            fails.push(format!("next question should be `{next}`, is `{got}`"));
        }
    }
    for b in common::tables(expect.get("because")) {
        let id = b.get("id").and_then(|v| v.as_str()).unwrap_or("");
        let rule = b.get("rule").and_then(|v| v.as_str()).unwrap_or("");
        let want: BTreeSet<String> = common::strings(b.get("answers")).into_iter().collect();
        let found = status_of(report, id).and_then(|i| {
            i["because"]
                .as_array()?
                .iter()
                .find(|x| x["rule"] == rule)
                .map(|x| ids(&x["answers"]))
        });
        match found {
            None => fails.push(format!("`{id}` should be because of rule `{rule}`")),
            Some(got) if b.contains_key("answers") && got != want => fails.push(format!(
                "`{id}` because `{rule}` should cite {want:?}, cites {got:?}"
            )),
            _ => {}
        }
    }
    for s in common::tables(expect.get("settle")) {
        let id = s.get("id").and_then(|v| v.as_str()).unwrap_or("");
        let want: BTreeSet<String> = common::strings(s.get("questions")).into_iter().collect();
        let got = status_of(report, id).map(|i| ids(&i["settle"]));
        if got.as_ref() != Some(&want) {
            fails.push(format!("`{id}` should be settled by {want:?}, is {got:?}"));
        }
    }
    for id in common::strings(expect.get("held")) {
        if status_of(report, &id).map(|i| &i["held"]) != Some(&Value::Bool(true)) {
            fails.push(format!("`{id}` should be held"));
        }
    }
    for id in common::strings(expect.get("met")) {
        let met = status_of(report, &id).and_then(|i| i["met"].as_array());
        if met.is_none_or(|m| m.is_empty()) {
            fails.push(format!("`{id}` should have an eligibility condition met"));
        }
    }
    // Whatever the scenario: an item the operator holds is not a plan step.
    for step in report["plan"]["steps"].as_array().into_iter().flatten() {
        let id = step["id"].as_str().unwrap_or("");
        if status_of(report, id).is_some_and(|i| i["held"] == true) {
            fails.push(format!("`{id}` is held but is a plan step"));
        }
    }
    for p in common::tables(expect.get("problem")) {
        let id = p.get("id").and_then(|v| v.as_str()).unwrap_or("");
        let blocks = p.get("blocks").and_then(|v| v.as_bool()).unwrap_or(true);
        let ok = status_of(report, id)
            .and_then(|i| i["problems"].as_array())
            .is_some_and(|ps| ps.iter().any(|x| x["blocks"] == blocks));
        if !ok {
            fails.push(format!(
                "`{id}` should have a problem with blocks = {blocks}"
            ));
        }
    }
    fails
}

#[test]
fn every_scenario_holds_and_every_rule_is_exercised() {
    let files = common::toml_files("tests/scenarios");
    let mut fired = vec![false; RULES.rules.len()];
    let mut failures = Vec::new();
    let mut count = 0;
    let mut seen = BTreeSet::new();
    // Every scenario's report, for tests/node/scenarios.test.mjs to compare the wasm's reports with.
    let mut native = serde_json::Map::new();
    let program = mpcheck::engine::program::Program::compile(&RULES);
    for (path, table) in &files {
        for sc in common::tables(table.get("scenario")) {
            count += 1;
            let id = sc.get("id").and_then(|v| v.as_str()).unwrap_or("?");
            if !seen.insert(id.to_string()) {
                failures.push(format!("{path}: scenario id `{id}` is used twice"));
            }
            let empty = toml::Table::new();
            let answers = sc
                .get("answers")
                .and_then(|v| v.as_table())
                .unwrap_or(&empty);
            let raw = common::raw_answers(answers);
            let json = match evaluate_json(&RULES, &raw) {
                Ok(j) => j,
                Err(e) => {
                    failures.push(format!("{path} [{id}]: {e}"));
                    continue;
                }
            };
            let report: Value = serde_json::from_str(&json).expect("the report is JSON");
            native.insert(id.to_string(), report.clone());
            let expect = sc
                .get("expect")
                .and_then(|v| v.as_table())
                .unwrap_or(&empty);
            for f in check(&report, expect) {
                failures.push(format!("{path} [{id}]: {f}"));
            }
            if let Ok(a) = Answers::resolve(&RULES, &raw) {
                let state = State::new(&RULES, &program, &a);
                for (i, &at) in program.rule_at.iter().enumerate() {
                    fired[i] |= state.eval(at).value == Tri::True;
                }
            }
        }
    }
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/native-reports.json");
    std::fs::create_dir_all(out.parent().expect("target/")).expect("target/ can be created");
    std::fs::write(&out, Value::Object(native).to_string()).expect("target/ is writable");
    let never: Vec<&str> = RULES
        .rules
        .iter()
        .zip(&fired)
        .filter(|(_, f)| !**f)
        .map(|(r, _)| &*r.id)
        .collect();
    if !never.is_empty() {
        failures.push(format!(
            "{} rule(s) never hold in any scenario: {}",
            never.len(),
            never.join(", ")
        ));
    }
    assert!(count >= 1 || RULES.rules.is_empty(), "no scenarios found");
    assert!(
        failures.is_empty(),
        "{} of {count} scenarios' checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
