//! The wasm-bindgen API in a real browser (headless Chromium through `wasm-pack test --chrome`):
//! the exported functions answer with real results computed from the compiled-in rule base, and
//! bad input becomes a thrown tagged object after which the module keeps answering.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use mpcheck::wasm::{diagnose, evaluate, questions, version};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn json(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("a property")
}

fn text(value: &JsValue, key: &str) -> String {
    get(value, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string"))
}

fn stringify(value: &JsValue) -> String {
    JSON::stringify(value).expect("stringify").into()
}

fn kind_of(error: &JsValue) -> String {
    assert!(
        error.is_object(),
        "errors are thrown as objects, not {error:?}"
    );
    assert!(!text(error, "message").is_empty(), "an error has a message");
    text(error, "kind")
}

#[wasm_bindgen_test]
fn questions_start_with_the_platform_in_both_languages() {
    let zh = Array::from(&questions(JsValue::from_str("zh-CN")).expect("questions"));
    let en = Array::from(&questions(JsValue::from_str("en")).expect("questions"));
    assert!(zh.length() > 3, "there are questions");
    assert_eq!(zh.length(), en.length());
    let first = zh.get(0);
    assert_eq!(text(&first, "id"), "platform");
    assert_eq!(text(&first, "text"), "小程序要在哪个平台上架？");
    assert_eq!(
        text(&en.get(0), "text"),
        "Which platform will the mini-program be listed on?"
    );
    let options = Array::from(&get(&first, "options"));
    let ids: Vec<String> = options.iter().map(|o| text(&o, "id")).collect();
    assert!(ids.iter().any(|id| id == "wechat"), "options {ids:?}");
}

#[wasm_bindgen_test]
fn evaluate_answers_a_company_on_wechat() {
    let report = evaluate(
        json(r#"{"platform":"wechat","entity":"company"}"#),
        JsValue::from_str("en"),
    )
    .expect("report");
    assert_eq!(text(&report, "version"), version());
    let words = get(&get(&report, "answers"), "platform");
    assert_eq!(text(&words, "answer"), "WeChat");
    let flow = get(&report, "flow");
    let asked: Vec<String> = Array::from(&get(&flow, "asked"))
        .iter()
        .map(|q| q.as_string().expect("question id"))
        .collect();
    assert_eq!(asked.first().map(String::as_str), Some("platform"));
    assert_ne!(get(&flow, "next").as_string().as_deref(), Some("platform"));

    let requirements = Array::from(&get(&report, "requirements"));
    assert!(requirements.length() > 0, "a report lists requirements");
    for item in requirements.iter() {
        let id = text(&item, "id");
        assert!(!id.is_empty(), "an item has an id");
        let layer = text(&item, "layer");
        assert!(
            ["law", "filing", "platform"].contains(&layer.as_str()),
            "{id}: layer {layer}"
        );
        let status = text(&item, "status");
        assert!(
            [
                "required",
                "possible",
                "not_accepted",
                "not_needed",
                "needs_confirming"
            ]
            .contains(&status.as_str()),
            "{id}: status {status}"
        );
    }
    // Every mini-program serving users in mainland China needs its own ICP filing.
    let filing = requirements
        .iter()
        .find(|i| text(i, "id") == "icp-filing")
        .expect("icp-filing is in the report");
    assert_eq!(text(&filing, "status"), "required");
    assert_eq!(text(&filing, "layer"), "filing");
    // The entity decides things: an individual gets a different report from a company.
    let individual = evaluate(
        json(r#"{"platform":"wechat","entity":"individual"}"#),
        JsValue::from_str("en"),
    )
    .expect("report");
    assert_ne!(
        stringify(&get(&individual, "requirements")),
        stringify(&get(&report, "requirements"))
    );
}

#[wasm_bindgen_test]
fn errors_are_tagged_objects_and_the_module_keeps_answering() {
    let answers = r#"{"platform":"wechat","entity":"company"}"#;
    let before = stringify(&evaluate(json(answers), JsValue::from_str("zh-CN")).expect("report"));

    let e = evaluate(json(r#"{"platform":"mars"}"#), JsValue::from_str("en"))
        .expect_err("unknown option");
    assert_eq!(kind_of(&e), "unknown_option");
    let e = evaluate(
        json(r#"{"no_such_question":true}"#),
        JsValue::from_str("en"),
    )
    .expect_err("unknown question");
    assert_eq!(kind_of(&e), "unknown_question");
    let e = evaluate(json(r#"{"platform":5}"#), JsValue::from_str("en")).expect_err("wrong type");
    assert_eq!(kind_of(&e), "invalid_value");
    let e = evaluate(json("[1,2]"), JsValue::from_str("en")).expect_err("not an object");
    assert_eq!(kind_of(&e), "invalid_answers");
    let e = evaluate(json(answers), JsValue::from_str("fr")).expect_err("unknown language");
    assert_eq!(kind_of(&e), "invalid_lang");
    let e = diagnose(
        JsValue::from_str(&"审".repeat(30_000)),
        JsValue::from_str("zh-CN"),
    )
    .expect_err("over 64 KB");
    assert_eq!(kind_of(&e), "limit_exceeded");

    let after = stringify(&evaluate(json(answers), JsValue::from_str("zh-CN")).expect("report"));
    assert_eq!(
        before, after,
        "the same answers give the same report after errors"
    );
}

#[wasm_bindgen_test]
fn diagnose_returns_causes_best_first() {
    let causes =
        Array::from(&diagnose(JsValue::from_str(""), JsValue::from_str("zh-CN")).expect("causes"));
    assert_eq!(causes.length(), 0, "nothing in empty text");
    let causes = Array::from(
        &diagnose(
            JsValue::from_str(
                "你好，你的小程序涉嫌提供需要前置审批的服务，请补充相关资质后重新提交。",
            ),
            JsValue::from_str("zh-CN"),
        )
        .expect("causes"),
    );
    let scores: Vec<f64> = causes
        .iter()
        .map(|c| get(&c, "score").as_f64().expect("score"))
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
}
