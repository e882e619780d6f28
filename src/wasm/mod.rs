//! The wasm-bindgen adapter: one value in (the answers, read with js-sys), one value out (the
//! report as numbers, `tape`, which www/engine.js builds into the object; the causes through
//! serde-wasm-bindgen).
//!
//! JS calls these through www/engine.js, which reads the caller's answers once into a plain
//! object (limits checked before anything is walked; getters and Proxy traps run at most once,
//! and no JS runs while the module is on the stack), so nothing here can throw into JS frames
//! above wasm ones. Errors come back as tagged objects `{kind, message, …}`.

use js_sys::{Array, Object};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::answers::{
    Answers, RawAnswers, RawValue, MAX_ITEMS, MAX_KEYS, MAX_STRING, MAX_TOTAL,
};
use crate::engine::error::{EngineError, FieldValue};
use crate::RULES;

fn over(what: &str, limit: usize, actual: usize) -> EngineError {
    EngineError::LimitExceeded {
        what: what.into(),
        limit,
        actual,
    }
}

/// A string within `MAX_STRING` bytes.
fn short(v: &JsValue) -> Result<String, EngineError> {
    let s = v.as_string().ok_or_else(|| EngineError::InvalidAnswers {
        message: "keys and list items must be strings".into(),
    })?;
    match s.len() > MAX_STRING {
        true => Err(over("string", MAX_STRING, s.len())),
        false => Ok(s),
    }
}

/// The plain answers object www/engine.js passes (its own copy, so reading it cannot throw) →
/// `RawAnswers`, each limit checked before what it limits is read. Read with js-sys rather than
/// serde-wasm-bindgen's deserializer, which brings core's float formatting (its error messages)
/// and made the module 10 KB gzip larger than the 76 KB budget (README, Crates).
fn read_answers(answers: &JsValue) -> Result<RawAnswers, EngineError> {
    if answers.is_undefined() || answers.is_null() {
        return Ok(RawAnswers::default());
    }
    if !answers.is_object() || Array::is_array(answers) {
        let message = "answers must be an object of question ids".into();
        return Err(EngineError::InvalidAnswers { message });
    }
    let entries = Object::entries(answers.unchecked_ref());
    let n = entries.length() as usize;
    if n > MAX_KEYS {
        return Err(over("keys", MAX_KEYS, n));
    }
    let mut out = Vec::with_capacity(n);
    let mut total = 0;
    for pair in entries.iter() {
        let pair: Array = pair.unchecked_into();
        let key = short(&pair.get(0))?;
        let v = pair.get(1);
        let value = if v.is_null() || v.is_undefined() {
            RawValue::Null
        } else if let Some(b) = v.as_bool() {
            RawValue::Bool(b)
        } else if let Some(x) = v.as_f64() {
            RawValue::Num(x)
        } else if v.is_string() {
            RawValue::Str(short(&v)?)
        } else if Array::is_array(&v) {
            let list: Array = v.unchecked_into();
            let len = list.length() as usize;
            if len > MAX_ITEMS {
                return Err(over("items", MAX_ITEMS, len));
            }
            RawValue::List(list.iter().map(|x| short(&x)).collect::<Result<_, _>>()?)
        } else {
            let message = "an answer cannot be an object".into();
            return Err(EngineError::InvalidValue {
                question: key,
                message,
            });
        };
        out.push((key, value));
        total += RawAnswers::text_bytes(&out[out.len() - 1..]);
        if total > MAX_TOTAL {
            return Err(over("total", MAX_TOTAL, total));
        }
    }
    Ok(RawAnswers(out))
}

/// The report or the error, as JS values (maps as plain objects, None as null).
fn to_js<T: Serialize>(value: Result<T, EngineError>) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    match value {
        Ok(v) => v.serialize(&serializer).map_err(JsValue::from),
        Err(e) => Err(tagged(&e)),
    }
}

/// A typed error as a plain JS object `{kind, message, …fields}`.
fn tagged(e: &EngineError) -> JsValue {
    let obj = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        // Setting a property of a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), &v);
    };
    set("kind", JsValue::from_str(e.kind()));
    set("message", JsValue::from_str(&e.to_string()));
    for (k, v) in e.fields() {
        set(
            k,
            match v {
                FieldValue::Text(s) => JsValue::from_str(&s),
                FieldValue::Num(n) => JsValue::from_f64(n),
            },
        );
    }
    obj.into()
}

#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "debug-panic")]
    console_error_panic_hook::set_once();
}

/// The rule-base version.
#[wasm_bindgen]
pub fn version() -> String {
    RULES.version.to_string()
}

/// Every id a report names (a constant of the rule base: www/engine.js asks once).
#[wasm_bindgen]
pub fn names() -> Result<JsValue, JsValue> {
    to_js(Ok::<_, EngineError>(tape::names(&RULES)))
}

/// Answers (a plain object, as www/engine.js passes them) → the report as numbers (src/wasm/tape.rs).
#[wasm_bindgen]
pub fn evaluate(answers: JsValue) -> Result<Vec<u32>, JsValue> {
    let raw = read_answers(&answers).map_err(|e| tagged(&e))?;
    let answers = Answers::resolve(&RULES, &raw).map_err(|e| tagged(&e))?;
    let report = crate::engine::report::evaluate(&RULES, &answers);
    Ok(tape::tape(&RULES, &report, &answers))
}

/// Pasted rejection text → the likely causes in ids, best first.
#[wasm_bindgen]
pub fn diagnose(text: &str) -> Result<JsValue, JsValue> {
    to_js(crate::diagnose(&RULES, text))
}

#[cfg(feature = "bench")]
mod bench;
mod tape;
