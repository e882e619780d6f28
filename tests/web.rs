//! The wasm-bindgen adapter in a real browser (headless Chromium through `wasm-pack test --chrome`):
//! the exported functions answer in ids with real results computed from the compiled-in rule base,
//! and bad input becomes a thrown tagged object after which the module keeps answering.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float64Array, Object, Reflect};
use mpcheck::wasm::{diagnose, evaluate, names, version};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// One-of answers as www/engine.js `encode` hands them to `evaluate` (src/wasm/mod.rs `Encoded`).
fn encoded(answers: &[(&str, &str)]) -> (JsValue, JsValue) {
    let mut text = Vec::new();
    let mut shape = vec![answers.len() as f64];
    for (key, value) in answers {
        text.extend([*key, *value]);
        shape.extend([key.len() as f64, 4.0, value.len() as f64]);
    }
    (
        text.join("\0").into(),
        Float64Array::from(&shape[..]).into(),
    )
}

fn json_object() -> JsValue {
    Object::new().into()
}

fn evaluate_raw(text: &str, shape: &[f64]) -> Result<Vec<u32>, JsValue> {
    evaluate(text.into(), Float64Array::from(shape).into())
}

fn evaluate_one_of(answers: &[(&str, &str)]) -> Result<Vec<u32>, JsValue> {
    let (text, shape) = encoded(answers);
    evaluate(text, shape)
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("a property")
}

fn text(value: &JsValue, key: &str) -> String {
    get(value, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string"))
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
fn evaluate_answers_a_company_on_wechat() {
    // The report comes as numbers (src/wasm/tape.rs) over the ids of `names()`; www/engine.js
    // builds the object, and tests/node/ compare it with the native report.
    let names = names().expect("names");
    assert_eq!(text(&names, "version"), version());
    let requirements = Array::from(&get(&names, "requirements"));
    assert!(requirements
        .iter()
        .any(|r| r.as_string().as_deref() == Some("icp-filing")));
    let company =
        evaluate_one_of(&[("platform", "wechat"), ("entity", "company")]).expect("report");
    assert!(company.len() > 20, "a report has items");
    // asked: its length, then question indices; the first asked question is the platform (0).
    assert!(company[0] > 0 && company[1] == 0, "{:?}", &company[..4]);
    let individual =
        evaluate_one_of(&[("platform", "wechat"), ("entity", "individual")]).expect("report");
    assert_ne!(company, individual, "the entity decides things");
}

#[wasm_bindgen_test]
fn errors_are_tagged_objects_and_the_module_keeps_answering() {
    let answers = [("platform", "wechat"), ("entity", "company")];
    let before = evaluate_one_of(&answers).expect("report");

    let e = evaluate_one_of(&[("platform", "mars")]).expect_err("unknown option");
    assert_eq!(kind_of(&e), "unknown_option");
    let e = evaluate_raw("no_such_question", &[1.0, 16.0, 1.0]).expect_err("unknown question");
    assert_eq!(kind_of(&e), "unknown_question");
    let e = evaluate_raw("platform", &[1.0, 8.0, 3.0, 5.0]).expect_err("wrong type");
    assert_eq!(kind_of(&e), "invalid_value");
    let e = evaluate_raw("platform", &[1.0, 8.0, 9.0]).expect_err("not encoded as engine.js does");
    assert_eq!(kind_of(&e), "invalid_answers");
    let e = evaluate_raw("plat", &[1.0, 8.0, 1.0]).expect_err("a length past the text");
    assert_eq!(kind_of(&e), "invalid_answers");
    let e = evaluate(json_object(), JsValue::NULL).expect_err("not a text and numbers");
    assert_eq!(kind_of(&e), "invalid_answers");
    let long = "x".repeat(300);
    let e = evaluate_raw(&long, &[1.0, 300.0, 1.0]).expect_err("a key over 256 bytes");
    assert_eq!(kind_of(&e), "limit_exceeded");
    let e = diagnose(&"审".repeat(30_000)).expect_err("over 64 KB");
    assert_eq!(kind_of(&e), "limit_exceeded");

    let after = evaluate_one_of(&answers).expect("report");
    assert_eq!(
        before, after,
        "the same answers give the same report after errors"
    );
}

#[wasm_bindgen_test]
fn diagnose_returns_causes_best_first() {
    let causes = Array::from(&diagnose("").expect("causes"));
    assert_eq!(causes.length(), 0, "nothing in empty text");
    let causes = Array::from(
        &diagnose("你好，你的小程序涉嫌提供需要前置审批的服务，请补充相关资质后重新提交。")
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
