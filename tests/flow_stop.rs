//! Issue 19: the questions stop only when nothing unanswered can change a result. Seeded random
//! walks answer the engine's `flow.next` (now and then "not sure") until it is none; at every
//! stop, each asked question still unanswered is answered every way (every option alone, none,
//! all, some random sets; yes and no; numbers around the thresholds) and no requirement's status
//! or problems may change. A wrong "not needed" from stopping too early is what this guards.
//! Questions offered on the results page (`on_results`: what the operator already holds) are not
//! part of the walk to the first result: the engine never names them next, and the results page
//! offers them whenever they can change an item (checked here too).

mod common;

use common::Rng;
use mpcheck::model::QKind;
use mpcheck::{evaluate_json, RULES};
use serde_json::{json, Map, Value};

/// Seeded walks: 250 in the test command's debug build (about a minute on two cores), 1,500 with
/// `cargo test --release --test flow_stop`.
const WALKS: usize = if cfg!(debug_assertions) { 250 } else { 1500 };
const SEED: u64 = 1_920_261_206;

const MARKS: [f64; 22] = [
    0.0, 0.5, 1.0, 10.0, 29.0, 30.0, 50.0, 99.0, 100.0, 101.0, 200.0, 499.0, 500.0, 501.0, 999.0,
    1000.0, 1001.0, 4999.0, 5000.0, 5001.0, 10_000.0, 100_000.0,
];

/// Every value worth trying for one question (a few random sets for long lists).
fn values(q: &mpcheck::model::Question, r: &mut Rng) -> Vec<Value> {
    let opts: Vec<String> = q.options.iter().map(|o| o.id.to_string()).collect();
    match q.kind {
        QKind::YesNo => vec![json!(true), json!(false)],
        QKind::OneOf => opts.iter().map(|o| json!(o)).collect(),
        QKind::SeveralOf => {
            let mut v = vec![json!([]), json!(opts)];
            // Each option alone (a random 40 of a long list: the categories).
            if opts.len() <= 40 {
                v.extend(opts.iter().map(|o| json!([o])));
            } else {
                v.extend((0..40).map(|_| json!([&opts[r.below(opts.len())]])));
            }
            for _ in 0..6 {
                let n = 2 + r.below(3);
                let pick: Vec<&String> = (0..n).map(|_| &opts[r.below(opts.len())]).collect();
                v.push(json!(pick));
            }
            v
        }
        QKind::Number => {
            let lo = q.min.unwrap_or(0.0);
            let hi = q.max.unwrap_or(1e6);
            let mut v: Vec<Value> = MARKS
                .iter()
                .filter(|&&m| m >= lo && m <= hi)
                .map(|&m| json!(m))
                .collect();
            v.push(json!(lo));
            v.push(json!(hi));
            v
        }
    }
}

fn report(answers: &Map<String, Value>) -> Value {
    serde_json::from_str(
        &evaluate_json(&RULES, &common::json_answers(answers)).expect("valid answers"),
    )
    .expect("JSON")
}

/// What a result says about each requirement: its status and its problems (which, how sure).
/// "Not needed" and not listed say the same (nothing to do), so not-needed items are left out.
fn statuses(report: &Value) -> Vec<Value> {
    report["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["status"] != "not_needed")
        .map(|i| {
            let problems: Vec<Value> = i["problems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| json!([p["eligibility"], p["rule"], p["certain"]]))
                .collect();
            json!([i["id"], i["status"], problems])
        })
        .collect()
}

#[test]
fn the_questions_stop_only_when_no_answer_can_change_a_status() {
    let mut r = Rng(SEED);
    let (mut stops, mut tried, mut lengths) = (0, 0usize, Vec::new());
    for _ in 0..WALKS {
        let mut answers = Map::new();
        let mut rep = report(&answers);
        let mut steps = 0;
        while let Some(next) = rep["flow"]["next"].as_str().map(str::to_string) {
            let q = RULES
                .questions
                .iter()
                .find(|q| q.id == next)
                .expect("a known question");
            let v = if q.not_sure && r.below(10) == 0 {
                json!("not_sure")
            } else {
                let vs = values(q, &mut r);
                vs[r.below(vs.len())].clone()
            };
            answers.insert(next.clone(), v);
            rep = report(&answers);
            steps += 1;
            assert!(
                steps <= RULES.questions.len(),
                "the walk asked {next} again: {answers:?}"
            );
        }
        stops += 1;
        lengths.push(steps);
        let before = statuses(&rep);
        for qid in rep["flow"]["asked"].as_array().unwrap() {
            let qid = qid.as_str().unwrap();
            if answers.contains_key(qid) {
                continue;
            }
            let q = RULES.questions.iter().find(|q| q.id == qid).unwrap();
            if q.on_results {
                // Offered on the results page: ranked among the next questions whenever it can
                // change an item, so that the page shows it.
                let changes = values(q, &mut r).into_iter().any(|v| {
                    let mut more = answers.clone();
                    more.insert(qid.to_string(), v);
                    statuses(&report(&more)) != before
                });
                let ranked = rep["next_questions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|n| n["id"] == qid);
                assert!(
                    !changes || ranked,
                    "{qid} can change a result at {answers:?} but is not ranked for the results page"
                );
                continue;
            }
            for v in values(q, &mut r) {
                let mut more = answers.clone();
                more.insert(qid.to_string(), v.clone());
                tried += 1;
                let after = statuses(&report(&more));
                let changed: Vec<_> = after.iter().filter(|a| !before.contains(a)).collect();
                let gone: Vec<_> = before.iter().filter(|b| !after.contains(b)).collect();
                assert!(
                    changed.is_empty() && gone.is_empty(),
                    "the questions stopped at {answers:?}, but answering {qid} = {v} changes {gone:?} to {changed:?}"
                );
            }
        }
    }
    lengths.sort();
    eprintln!(
        "{stops} stops checked with {tried} further answers; questions per walk: median {}, max {}",
        lengths[lengths.len() / 2],
        lengths.last().unwrap()
    );
    assert!(tried > 1000, "the property was tried too rarely ({tried})");
}

/// Questions the page asks as one while both are left (www/app/pairs.js: 「微信小游戏」 in one tap).
const PAIRS: [(&str, &str); 1] = [("platform", "product")];

/// The typical operators (tests/flows/operators.toml) through the engine's next question alone:
/// every question it asks is one the operator's table answers, and the counts (printed) are the
/// same walk tests/e2e/flows.test.mjs makes on the page (a pair asked as one counts once).
#[test]
fn typical_operators_are_asked_only_what_their_table_answers() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/flows/operators.toml"
    ))
    .unwrap();
    let file: toml::Table = text.parse().unwrap();
    let mut counts = Vec::new();
    for op in file["operator"].as_array().unwrap() {
        let id = op["id"].as_str().unwrap();
        let table: Value = serde_json::to_value(&op["answers"]).unwrap();
        let mut answers = Map::new();
        let mut asked = Vec::new();
        loop {
            let rep = report(&answers);
            let Some(next) = rep["flow"]["next"].as_str() else {
                break;
            };
            let v = table
                .get(next)
                .unwrap_or_else(|| panic!("{id} is asked {next}, which its table does not answer"));
            // The page's pair: the other question of a pair, also left to ask, is answered with it.
            let left = |q: &str| {
                !answers.contains_key(q)
                    && rep["flow"]["asked"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|a| a == q)
                    && rep["next_questions"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|n| n["id"] == q)
            };
            let pair = PAIRS
                .iter()
                .find(|&&(a, b)| (next == a && left(b)) || (next == b && left(a)));
            if let Some(&(a, b)) = pair {
                for q in [a, b] {
                    let v = table.get(q).unwrap_or_else(|| {
                        panic!("{id} is asked {q}, which its table does not answer")
                    });
                    answers.insert(q.to_string(), v.clone());
                }
                asked.push(format!("{a}+{b}"));
                continue;
            }
            answers.insert(next.to_string(), v.clone());
            asked.push(next.to_string());
            // An empty category list is the picker left empty: the page leaves it unanswered.
            if v.as_array().is_some_and(|a| a.is_empty())
                && RULES
                    .questions
                    .iter()
                    .any(|q| q.id == next && q.options_from.is_some())
            {
                break;
            }
        }
        eprintln!("{id:<22} {:>2}  {}", asked.len(), asked.join(" "));
        counts.push(asked.len());
    }
    counts.sort();
    eprintln!(
        "median {}, max {}",
        counts[counts.len() / 2],
        counts.last().unwrap()
    );
    assert!(counts.len() >= 12);
}
