//! The engine's semantics on a small rule base with known answers (tests/fixtures/engine.toml):
//! three-valued evaluation, statuses, traces, groups, picked entries, eligibility, plan,
//! checklist, next questions, determinism and typed errors.
#![cfg(feature = "loader")]

mod common;

use mpcheck::engine::answers::RawAnswers;
use mpcheck::rulefile::{load, LoadOptions, SourceFile};
use mpcheck::{evaluate_json, EngineError, RuleBase};
use serde_json::{json, Value};

fn base() -> RuleBase {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/engine.toml"
    ))
    .expect("fixture exists");
    let files = [SourceFile {
        path: "engine.toml".into(),
        text,
    }];
    load(&files, LoadOptions::STRICT).unwrap_or_else(|e| panic!("{e:?}"))
}

fn raw(v: Value) -> RawAnswers {
    common::json_answers(v.as_object().expect("answers are an object"))
}

fn report(rb: &RuleBase, answers: Value) -> Value {
    let json = evaluate_json(rb, &raw(answers)).expect("valid answers");
    serde_json::from_str(&json).expect("report is JSON")
}

fn item<'a>(r: &'a Value, id: &str) -> Option<&'a Value> {
    r["requirements"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == id))
}

fn status(r: &Value, id: &str) -> String {
    item(r, id).map_or("absent".into(), |i| {
        i["status"].as_str().unwrap_or("").to_string()
    })
}

#[test]
fn a_rule_that_holds_requires_with_the_answers_that_made_it_hold() {
    let rb = base();
    let r = report(
        &rb,
        json!({"entity": "company", "capital": 500, "sells": ["market"], "video": false}),
    );
    assert_eq!(status(&r, "licence"), "required");
    let because = &item(&r, "licence").unwrap()["because"];
    assert_eq!(
        because,
        &json!([{"rule": "market-needs-licence", "answers": ["sells"]}])
    );
    // The answers cited, as given: their words are the catalogue's (www/describe.js).
    assert_eq!(r["answers"]["sells"], json!(["market"]));
    assert!(item(&r, "licence").unwrap()["problems"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn not_sure_makes_an_outcome_possible_and_names_the_question_that_settles_it() {
    let rb = base();
    let r = report(
        &rb,
        json!({"entity": "company", "capital": 500, "sells": "not_sure", "video": false}),
    );
    assert_eq!(status(&r, "licence"), "possible");
    assert_eq!(item(&r, "licence").unwrap()["settle"], json!(["sells"]));
    assert_eq!(r["flow"]["unsure"], json!(["sells"]));
    assert_eq!(r["next_questions"][0]["id"], "sells");
}

#[test]
fn a_rule_out_gives_not_needed_with_its_reason() {
    let rb = base();
    let r = report(&rb, json!({"entity": "company", "sells": ["own"]}));
    assert_eq!(status(&r, "licence"), "not_needed");
    assert_eq!(
        item(&r, "licence").unwrap()["because"][0]["rule"],
        "own-goods-no-licence"
    );
}

#[test]
fn a_rule_that_cannot_hold_gives_not_needed_with_the_answer_that_ruled_it_out() {
    let rb = base();
    let r = report(
        &rb,
        json!({"entity": "company", "sells": [], "video": false}),
    );
    assert_eq!(status(&r, "registration"), "not_needed");
    assert_eq!(
        item(&r, "registration").unwrap()["because"][0]["answers"],
        json!(["sells"])
    );
    assert_eq!(status(&r, "video-licence"), "not_needed");
}

#[test]
fn eligibility_problems_are_certain_or_uncertain() {
    let rb = base();
    let person = report(&rb, json!({"entity": "person", "sells": ["market"]}));
    let problems = &item(&person, "licence").unwrap()["problems"];
    // Eligibility entry 0 (its text is the catalogue's), with the answer it compared.
    assert_eq!(
        problems,
        &json!([{"eligibility": 0, "blocks": true, "certain": true, "answers": ["entity"], "settle": []}])
    );
    assert_eq!(person["answers"]["entity"], "person");
    // The capital condition is not "met" for a person, who is never asked the capital.
    assert_eq!(item(&person, "licence").unwrap()["met"], json!([]));
    let unsure = report(
        &rb,
        json!({"entity": "company", "capital": "not_sure", "sells": ["market"]}),
    );
    let problems = &item(&unsure, "licence").unwrap()["problems"];
    assert_eq!(problems.as_array().unwrap().len(), 1, "{problems}");
    assert_eq!(problems[0]["eligibility"], 1);
    assert_eq!(problems[0]["certain"], false);
    // Uncertain: it names the question that settles it; the entity condition is met.
    assert_eq!(problems[0]["settle"], json!(["capital"]));
    assert_eq!(item(&unsure, "licence").unwrap()["met"], json!([0]));
    let small = report(
        &rb,
        json!({"entity": "company", "capital": 50, "sells": ["market"]}),
    );
    assert_eq!(
        item(&small, "licence").unwrap()["problems"][0]["certain"],
        true
    );
    // Enough capital: both conditions met, no problem.
    let big = report(
        &rb,
        json!({"entity": "company", "capital": 5000, "sells": ["market"]}),
    );
    let licence = item(&big, "licence").unwrap();
    assert_eq!(licence["problems"], json!([]));
    assert_eq!(licence["met"], json!([0, 1]));
    assert_eq!(big["answers"]["capital"], 5000.0);
}

#[test]
fn questions_are_asked_only_when_their_condition_holds() {
    let rb = base();
    let person = report(&rb, json!({"entity": "person"}));
    assert_eq!(
        person["flow"]["asked"],
        json!(["entity", "sells", "video", "cats"])
    );
    // The next question is the best-ranked one.
    assert_eq!(person["flow"]["next"], person["next_questions"][0]["id"]);
    // A company's capital is asked once it can matter: when the licence may be needed.
    let company = report(&rb, json!({"entity": "company"}));
    let ids = |r: &Value| -> Vec<String> {
        r["next_questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(ids(&company).contains(&"capital".to_string()), "{company}");
    let market = report(
        &rb,
        json!({"entity": "company", "sells": ["market"], "video": false, "cats": []}),
    );
    assert_eq!(market["flow"]["next"], "capital");
    // Selling only one's own goods needs no licence: the capital cannot matter, and is not asked.
    let own = report(
        &rb,
        json!({"entity": "company", "sells": ["own"], "video": false, "cats": []}),
    );
    assert!(!ids(&own).contains(&"capital".to_string()), "{own}");
    assert_eq!(own["flow"]["next"], Value::Null, "{own}");
    // An answer to a question that is not asked is ignored: a person's capital tests false.
    let r = report(
        &rb,
        json!({"entity": "person", "capital": 5, "sells": ["market"]}),
    );
    let entries: Vec<u64> = item(&r, "licence").unwrap()["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["eligibility"].as_u64().unwrap())
        .collect();
    assert_eq!(entries, vec![0]);
}

#[test]
fn one_of_groups_offer_alternatives_and_respect_not_accepted() {
    let rb = base();
    let r = report(&rb, json!({"entity": "person", "video": true}));
    assert_eq!(status(&r, "cat-a"), "not_accepted");
    assert_eq!(status(&r, "cat-b"), "required");
    assert_eq!(
        item(&r, "cat-b").unwrap()["one_of"],
        json!(["cat-a", "cat-b"])
    );
    // Picking a member meets the group: the other is no longer listed.
    let picked = report(
        &rb,
        json!({"entity": "company", "video": true, "cats": ["cat-b"]}),
    );
    assert_eq!(status(&picked, "cat-b"), "required");
    assert_eq!(
        item(&picked, "cat-b").unwrap()["because"][0]["rule"],
        "picked"
    );
    assert_eq!(status(&picked, "cat-a"), "absent");
}

#[test]
fn a_picked_entry_outside_the_entity_is_not_accepted() {
    let rb = base();
    let r = report(&rb, json!({"entity": "person", "cats": ["cat-a"]}));
    assert_eq!(status(&r, "cat-a"), "not_accepted");
    assert_eq!(
        item(&r, "cat-a").unwrap()["because"][0],
        json!({"rule": "entity", "answers": ["entity"]})
    );
}

#[test]
fn the_plan_follows_prerequisites_and_adds_lead_times() {
    let rb = base();
    let r = report(
        &rb,
        json!({"entity": "company", "capital": 500, "sells": ["market"]}),
    );
    let plan = &r["plan"];
    assert_eq!(
        plan["steps"][0],
        json!({"id": "registration", "step": "entity", "start": [0, 0], "finish": [3, 5], "lead_time": [3, 5]})
    );
    assert_eq!(
        plan["steps"][1],
        json!({"id": "licence", "step": "licence", "start": [3, 5], "finish": [23, 65], "lead_time": [20, 60]})
    );
    assert_eq!(plan["total"], json!([23, 65]));
    // Every lead time is known: the total leaves nothing out.
    assert_eq!(plan["unknown"], json!([]));
}

#[test]
fn the_checklist_holds_always_items_and_conditional_ones() {
    let rb = base();
    let r = report(&rb, json!({}));
    let checks: Vec<(&str, &str)> = r["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        checks,
        vec![("always", "required"), ("video-check", "possible")]
    );
    let no = report(&rb, json!({"video": false}));
    assert_eq!(no["checklist"].as_array().unwrap().len(), 1);
}

#[test]
fn the_most_useful_question_comes_first() {
    let rb = base();
    let r = report(&rb, json!({"entity": "company", "capital": 500}));
    // Ranked by the order of magnitude of what each settles, then in the questionnaire's order.
    let next = r["next_questions"].as_array().unwrap();
    let rank = |n: &Value| n["settles"].as_u64().unwrap().ilog2();
    for pair in next.windows(2) {
        assert!(rank(&pair[0]) >= rank(&pair[1]), "{next:?}");
    }
    let video = next
        .iter()
        .find(|n| n["id"] == "video")
        .expect("video is open");
    assert!(video["settles"].as_u64().unwrap() >= 3);
    assert_eq!(rank(&next[0]), rank(video), "{next:?}");
    assert_eq!(r["flow"]["next"], next[0]["id"]);
}

#[test]
fn the_same_answers_give_byte_identical_json_in_any_key_order() {
    let rb = base();
    let a = evaluate_json(
        &rb,
        &raw(json!({"entity": "company", "sells": ["market", "own"], "video": true})),
    );
    let mut reversed = raw(json!({"entity": "company", "sells": ["own", "market"], "video": true}));
    reversed.0.reverse();
    let b = evaluate_json(&rb, &reversed);
    assert_eq!(a.unwrap(), b.unwrap());
}

#[test]
fn bad_answers_are_typed_errors() {
    let rb = base();
    let err = |v: Value| evaluate_json(&rb, &raw(v)).unwrap_err();
    assert!(matches!(
        err(json!({"nope": true})),
        EngineError::UnknownQuestion { .. }
    ));
    assert!(matches!(
        err(json!({"entity": "robot"})),
        EngineError::UnknownOption { .. }
    ));
    assert!(matches!(
        err(json!({"video": "yes"})),
        EngineError::InvalidValue { .. }
    ));
    assert!(matches!(
        err(json!({"entity": "not_sure"})),
        EngineError::InvalidValue { .. }
    ));
    assert!(matches!(
        err(json!({"sells": ["own", "x"]})),
        EngineError::UnknownOption { .. }
    ));
    // After an error the engine still answers.
    assert_eq!(
        status(&report(&rb, json!({"sells": ["market"]})), "licence"),
        "required"
    );
}

#[test]
fn the_compact_form_round_trips_and_evaluates_the_same() {
    let rb = base();
    let bytes = mpcheck::blob::encode(&rb);
    let back = mpcheck::blob::decode(&bytes).expect("decodes");
    assert_eq!(mpcheck::blob::encode(&back), bytes);
    let answers =
        json!({"entity": "person", "sells": ["market"], "video": "not_sure", "cats": ["cat-a"]});
    let a = evaluate_json(&rb, &raw(answers.clone())).unwrap();
    let b = evaluate_json(&back, &raw(answers)).unwrap();
    assert_eq!(a, b);
    // A damaged blob is refused, never misread.
    assert!(mpcheck::blob::decode(&bytes[..bytes.len() - 1]).is_none());
    let mut flipped = bytes.clone();
    flipped[3] ^= 0xff;
    assert!(mpcheck::blob::decode(&flipped).is_none());
    // Any single damaged byte or cut: decoded to something or refused, never a panic (string
    // back-references included).
    for i in 8..bytes.len() {
        for x in [0x01, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[i] ^= x;
            let _ = mpcheck::blob::decode(&b);
        }
        let _ = mpcheck::blob::decode(&bytes[..i]);
    }
}

#[test]
fn the_compact_form_writes_a_repeated_string_once() {
    let bytes = mpcheck::blob::encode(&mpcheck::RULES);
    // Every WeChat category has group "wechat_category": written once, then referred to.
    let needle = b"wechat_category";
    let count = bytes.windows(needle.len()).filter(|w| w == needle).count();
    assert_eq!(count, 1, "\"wechat_category\" is written {count} times");
    assert!(
        mpcheck::RULES
            .requirements
            .iter()
            .filter(|r| r.group.as_deref() == Some("wechat_category"))
            .count()
            > 500
    );
    let back = mpcheck::blob::decode(&bytes).expect("decodes");
    assert_eq!(back.requirements.len(), mpcheck::RULES.requirements.len());
    assert!(
        back.requirements
            .iter()
            .filter(|r| r.group.as_deref() == Some("wechat_category"))
            .count()
            > 500
    );
}

#[test]
fn a_possible_item_shows_certain_problems_only() {
    let rb = base();
    let unsure = report(
        &rb,
        json!({"entity": "company", "capital": "not_sure", "sells": "not_sure"}),
    );
    assert_eq!(status(&unsure, "licence"), "possible");
    assert_eq!(item(&unsure, "licence").unwrap()["problems"], json!([]));
    let person = report(&rb, json!({"entity": "person", "sells": "not_sure"}));
    assert_eq!(
        item(&person, "licence").unwrap()["problems"][0]["certain"],
        true
    );
}

/// The fixture with a `confirm` rule added: when there is video, the licence and category A
/// need confirming.
fn base_with_confirm() -> RuleBase {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/engine.toml"
    ))
    .expect("fixture exists");
    let confirm = r#"
[[rule]]
id = "video-confirm"
when = 'video'
confirm = ["licence", "cat-a"]
ask = { zh = "向省局咨询", en = "Ask the provincial office" }
zh = "有视频时是否需要，各省做法不一"
en = "Whether video needs them varies by province"
sources = ["s-off"]
confidence = "unconfirmed"
"#;
    let files = [
        SourceFile {
            path: "engine.toml".into(),
            text,
        },
        SourceFile {
            path: "confirm.toml".into(),
            text: confirm.into(),
        },
    ];
    load(&files, LoadOptions::STRICT).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn needs_confirming_sits_between_required_and_possible() {
    let rb = base_with_confirm();
    // Beats a rule_out: "own goods need none" holds, yet the licence needs confirming.
    let r = report(
        &rb,
        json!({"entity": "company", "sells": ["own"], "video": true}),
    );
    assert_eq!(status(&r, "licence"), "needs_confirming");
    let because = &item(&r, "licence").unwrap()["because"];
    assert_eq!(because.as_array().unwrap().len(), 1, "{because}");
    assert_eq!(because[0]["rule"], "video-confirm");
    assert_eq!(because[0]["answers"], json!(["video"]));
    assert_eq!(item(&r, "licence").unwrap()["settle"], json!([]));
    // Required beats it.
    let r = report(
        &rb,
        json!({"entity": "company", "sells": ["market"], "video": true}),
    );
    assert_eq!(status(&r, "licence"), "required");
    // Not accepted beats it.
    let r = report(&rb, json!({"entity": "person", "sells": [], "video": true}));
    assert_eq!(status(&r, "cat-a"), "not_accepted");
    assert_eq!(status(&r, "licence"), "needs_confirming");
    // Unknown: possible, settled by the question, even where a rule_out holds.
    let r = report(
        &rb,
        json!({"entity": "company", "sells": ["own"], "video": "not_sure"}),
    );
    assert_eq!(status(&r, "licence"), "possible");
    assert_eq!(item(&r, "licence").unwrap()["settle"], json!(["video"]));
    // False, with nothing else: not needed.
    let r = report(
        &rb,
        json!({"entity": "company", "sells": [], "video": false}),
    );
    assert_eq!(status(&r, "licence"), "not_needed");
    // Needs confirming is not a step of the plan.
    let r = report(
        &rb,
        json!({"entity": "company", "sells": ["own"], "video": true}),
    );
    let plan = r["plan"]["steps"].as_array().unwrap();
    assert!(plan.iter().all(|s| s["id"] != "licence"), "{plan:?}");
}
