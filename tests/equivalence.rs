//! The engine against tests/fixtures/equivalence.jsonl: 3,000 seeded random answer sets and what
//! the engine answered for each (statuses, `because` rule and answer ids, settle questions,
//! eligibility problems, met conditions, held, checklist, plan with each step's lead time, next questions, flow). The fixture was made once from
//! the engine before issue 14's rewrite (see its first line) and stays as a regression fixture: a
//! change in any report fails this test. It is regenerated only on purpose, when the rules change:
//!
//!     MPCHECK_REGENERATE=1 cargo test --test equivalence
//!
//! (then review the diff: every changed line is a changed answer).

use std::fmt::Write as _;

mod common;

use common::Rng;
use mpcheck::model::QKind;
use mpcheck::{evaluate_json, RULES};
use serde_json::{json, Map, Value};

const CASES: usize = 3000;
const SEED: u64 = 20261206;
const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/equivalence.jsonl"
);

/// A random, valid answers object: each question unanswered, "not sure" (where offered) or
/// answered with a random value of its kind.
fn random_answers(r: &mut Rng) -> Map<String, Value> {
    let mut out = Map::new();
    for q in RULES.questions.iter() {
        if r.below(4) == 0 {
            continue;
        }
        if q.not_sure && r.below(8) == 0 {
            out.insert(q.id.to_string(), json!("not_sure"));
            continue;
        }
        let opts = &q.options;
        let v = match q.kind {
            QKind::YesNo => json!(r.below(2) == 0),
            QKind::OneOf => json!(opts[r.below(opts.len())].id.to_string()),
            QKind::SeveralOf => {
                // Few picks from long lists (the categories), any subset of short ones.
                let n = if opts.len() > 16 {
                    r.below(4)
                } else {
                    r.below(opts.len() + 1)
                };
                let picks: Vec<String> = (0..n)
                    .map(|_| opts[r.below(opts.len())].id.to_string())
                    .collect();
                json!(picks)
            }
            QKind::Number => {
                let lo = q.min.unwrap_or(0.0);
                let hi = q.max.unwrap_or(1e6).min(1e6);
                let marks = [
                    lo, 1.0, 10.0, 30.0, 50.0, 99.0, 100.0, 101.0, 500.0, 1000.0, 5000.0, hi,
                ];
                let n = if r.below(3) == 0 {
                    (lo + (hi - lo) * (r.below(10_000) as f64 / 10_000.0)).round()
                } else {
                    marks[r.below(marks.len())]
                };
                json!(n.clamp(lo, hi))
            }
        };
        out.insert(q.id.to_string(), v);
    }
    out
}

/// A problem as an id: `e<k>` for the requirement's k-th eligibility entry, `rule:<id>` for an
/// uncertain `not_accepted` rule. (The engine before issue 14 gave the text: it is found again.)
fn problem_id(req: &str, p: &Value) -> String {
    if let Some(k) = p["eligibility"].as_u64() {
        return format!("e{k}");
    }
    if let Some(rule) = p["rule"].as_str() {
        return format!("rule:{rule}");
    }
    let text = p["text"].as_str().unwrap_or("");
    let r = RULES
        .requirements
        .iter()
        .find(|r| r.id == req)
        .expect("known requirement");
    if let Some(k) = r.eligibility.iter().position(|e| e.text.zh == text) {
        return format!("e{k}");
    }
    let rule = RULES
        .rules
        .iter()
        .find(|x| x.text.zh == text)
        .expect("a rule's text");
    format!("rule:{}", rule.id)
}

fn because(v: &Value) -> Value {
    Value::Array(
        v.as_array()
            .unwrap()
            .iter()
            .map(|b| json!([b["rule"], b["answers"]]))
            .collect(),
    )
}

/// The parts of a report the fixture keeps, in a compact, text-free form.
fn normalise(report: &Value) -> Value {
    let items: Vec<Value> = report["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let id = i["id"].as_str().unwrap();
            let problems: Vec<Value> = i["problems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| json!([problem_id(id, p), p["blocks"], p["certain"], p["settle"]]))
                .collect();
            json!([
                id,
                i["status"],
                because(&i["because"]),
                i["settle"],
                i.get("one_of").cloned().unwrap_or(Value::Null),
                problems,
                i["met"],
                i["held"]
            ])
        })
        .collect();
    let checklist: Vec<Value> = report["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!([c["id"], c["status"], because(&c["because"]), c["settle"]]))
        .collect();
    let next: Vec<Value> = report["next_questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| json!([n["id"], n["settles"]]))
        .collect();
    let plan: Vec<Value> = report["plan"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| json!([s["id"], s["step"], s["start"], s["finish"], s["lead_time"]]))
        .collect();
    json!({
        "flow": [report["flow"]["asked"], report["flow"]["next"], report["flow"]["unsure"]],
        "requirements": items,
        "checklist": checklist,
        "next_questions": next,
        "plan": [plan, report["plan"]["total"], report["plan"]["unknown"]],
    })
}

fn report_of(answers: &Map<String, Value>) -> Value {
    let json = evaluate_json(&RULES, &common::json_answers(answers)).expect("valid answers");
    normalise(&serde_json::from_str(&json).expect("JSON"))
}

fn header() -> Value {
    json!({
        "about": "mpcheck equivalence fixture: 3,000 seeded random answer sets (tests/equivalence.rs, seed 20261206) and the engine's report of each, without texts",
        "made_from": "first from commit d7e8fad (the engine of 64270e7, before issue 14 rewrote it, with the confirm/needs_confirming commit on top), which the rewritten engine reproduced on those rules; regenerated on purpose 2026-12-06 by the rewritten engine when the rule base's round 2 (issues 16 and 17, rules 2026.12.1) changed the questions and answers; again on purpose 2026-12-06 for issue 18 (rules 2026.12.1 plus: eligibility conditions reported `met`, the `held` question and `held_when`, notes split from conditions, each problem's `settle`, plan steps with their own `lead_time` and the plan's `unknown`, WeChat's game content review merged into the filing's pre-approval); again for issue 19 (the next questions are those that can still change a status or a problem, the checklist no longer counts; the WeChat category question asked of mini-programs only), regenerated after merging both; again for issue 18's per-platform wording (checklist items that named several platforms split into a WeChat item and one for the other platforms, Douyin's main category its own item: checklist ids change); again for issue 19's question counts (`flow.next` never names a question offered on the results page, `held`: only flow.next changes), and again when `special_goods` was folded into `goods`, `communication` and `personalised_feed` into `content` (the random answers and their reports change)",
        "regenerate": "only on purpose, when the rules change: MPCHECK_REGENERATE=1 cargo test --test equivalence (then review the diff)",
        "rules_version": RULES.version.to_string(),
    })
}

/// The fixture's form: each case's items and checklist entries as numbers into tables of the
/// distinct ones (most recur from case to case: the file is a tenth of the size).
#[derive(Default)]
struct Tables {
    items: Vec<Value>,
    checks: Vec<Value>,
    index: std::collections::HashMap<String, usize>,
}

impl Tables {
    fn number(&mut self, checks: bool, v: &Value) -> usize {
        let key = format!("{}{v}", if checks { 'c' } else { 'i' });
        if let Some(&n) = self.index.get(&key) {
            return n;
        }
        let list = if checks {
            &mut self.checks
        } else {
            &mut self.items
        };
        list.push(v.clone());
        self.index.insert(key, list.len() - 1);
        list.len() - 1
    }

    /// A normalised report with its items and checklist entries as numbers.
    fn pack(&mut self, report: &Value) -> Value {
        let mut out = report.clone();
        for (key, checks) in [("requirements", false), ("checklist", true)] {
            let numbers: Vec<usize> = report[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| self.number(checks, v))
                .collect();
            out[key] = json!(numbers);
        }
        out
    }

    fn unpack(&self, packed: &Value) -> Value {
        let mut out = packed.clone();
        for (key, list) in [("requirements", &self.items), ("checklist", &self.checks)] {
            let values: Vec<Value> = packed[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| list[n.as_u64().unwrap() as usize].clone())
                .collect();
            out[key] = Value::Array(values);
        }
        out
    }
}

#[test]
fn every_report_equals_the_fixture() {
    let mut r = Rng(SEED);
    if std::env::var_os("MPCHECK_REGENERATE").is_some() {
        let cases: Vec<Map<String, Value>> = (0..CASES).map(|_| random_answers(&mut r)).collect();
        let mut tables = Tables::default();
        let packed: Vec<Value> = cases.iter().map(|a| tables.pack(&report_of(a))).collect();
        let mut out = String::new();
        writeln!(out, "{}", header()).unwrap();
        writeln!(out, "{}", json!({"items": tables.items})).unwrap();
        writeln!(out, "{}", json!({"checks": tables.checks})).unwrap();
        for (a, p) in cases.iter().zip(packed) {
            writeln!(out, "{}", json!({"answers": a, "report": p})).unwrap();
        }
        std::fs::write(PATH, out).expect("fixture written");
        return;
    }
    let text = std::fs::read_to_string(PATH).expect("tests/fixtures/equivalence.jsonl exists");
    let mut lines = text.lines();
    let mut next =
        || -> Value { serde_json::from_str(lines.next().unwrap_or("")).expect("a JSON line") };
    let head = next();
    assert!(head["about"].is_string(), "the first line is the header");
    let tables = Tables {
        items: next()["items"].as_array().expect("the items line").clone(),
        checks: next()["checks"]
            .as_array()
            .expect("the checks line")
            .clone(),
        ..Tables::default()
    };
    let mut compared = 0;
    let mut failures = Vec::new();
    for n in 0..CASES {
        let case = next();
        let answers = case["answers"].as_object().expect("answers");
        // The fixture's own answers are replayed (the generator only made them).
        let want = tables.unpack(&case["report"]);
        let got = report_of(answers);
        if got != want && failures.len() < 5 {
            failures.push(format!(
                "case {n}: answers {}\n  want {want}\n  got  {got}",
                case["answers"]
            ));
        }
        compared += 1;
    }
    assert_eq!(compared, CASES, "the fixture holds every case");
    assert!(
        failures.is_empty(),
        "reports differ from the fixture:\n{}",
        failures.join("\n")
    );
}
