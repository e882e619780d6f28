//! The wasm-bindgen adapter: the answers in (a text and numbers, `Encoded`), the report out as
//! numbers (`tape`), which www/engine.js builds into the object; the causes through
//! serde-wasm-bindgen.
//!
//! JS calls these through www/engine.js, which reads the caller's answers once (its header says
//! how): no JS runs while the module is on the stack, so nothing here can throw into JS frames
//! above wasm ones. Errors come back as tagged objects `{kind, message, …}`.

use js_sys::Float64Array;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::answers::{Answers, RawAnswers, RawValue};
use crate::engine::answers::{MAX_ITEMS, MAX_KEYS, MAX_STRING, MAX_TOTAL};
use crate::engine::error::{EngineError, FieldValue};
use crate::RULES;

/// `actual` when within `limit`, else the `limit_exceeded` error.
fn within(what: &str, limit: usize, actual: usize) -> Result<usize, EngineError> {
    if actual <= limit {
        return Ok(actual);
    }
    let what = what.into();
    Err(EngineError::LimitExceeded {
        what,
        limit,
        actual,
    })
}

/// The answers as www/engine.js `readAnswers` hands them over (its comment gives the format): every key
/// and string in one text, and numbers saying how to cut it; one crossing rather than one per key
/// and string, which cost 20 µs a report (README, Benchmark).
struct Encoded<'a> {
    text: &'a str,
    shape: std::slice::Iter<'a, f64>,
    /// Bytes of the keys and strings read so far.
    total: usize,
}

fn malformed() -> EngineError {
    let message = "the answers were not encoded as www/engine.js encodes them".into();
    EngineError::InvalidAnswers { message }
}

impl<'a> Encoded<'a> {
    fn number(&mut self) -> Result<f64, EngineError> {
        self.shape.next().copied().ok_or_else(malformed)
    }

    /// A kind, a count or a length: a whole number ≥ 0.
    fn count(&mut self) -> Result<usize, EngineError> {
        match self.number()? {
            x if (0.0..=u32::MAX as f64).contains(&x) && x.fract() == 0.0 => Ok(x as usize),
            _ => Err(malformed()),
        }
    }

    /// The next key or string (`count()` UTF-16 units; counted on the UTF-8 bytes: one a
    /// character, two for a four-byte one), within `MAX_STRING` bytes and all of them within
    /// `MAX_TOTAL`.
    fn piece(&mut self) -> Result<&'a str, EngineError> {
        let (mut left, mut end) = (self.count()?, 0);
        for &b in self.text.as_bytes() {
            if b & 0xC0 != 0x80 {
                if left == 0 {
                    break;
                }
                let units = 1 + usize::from(b >= 0xF0);
                left = left.checked_sub(units).ok_or_else(malformed)?;
            }
            end += 1;
        }
        if left > 0 {
            return Err(malformed());
        }
        let (piece, rest) = self.text.split_at(end);
        self.text = rest.strip_prefix('\0').unwrap_or(rest);
        within("string", MAX_STRING, piece.len())?;
        self.total = within("total", MAX_TOTAL, self.total + piece.len())?;
        Ok(piece)
    }
}

/// The encoded answers (see `Encoded`: a string and a Float64Array; anything else is refused) →
/// `RawAnswers`, each limit checked before what it limits is read.
fn read_answers(text: &JsValue, shape: &JsValue) -> Result<RawAnswers, EngineError> {
    let (Some(text), Some(shape)) = (text.as_string(), shape.dyn_ref::<Float64Array>()) else {
        return Err(malformed());
    };
    let shape = shape.to_vec();
    let mut e = Encoded {
        text: &text,
        shape: shape.iter(),
        total: 0,
    };
    let n = within("keys", MAX_KEYS, e.count()?)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let key = e.piece()?;
        let value = match e.count()? {
            0 => RawValue::Null,
            1 => RawValue::Bool(true),
            2 => RawValue::Bool(false),
            3 => RawValue::Num(e.number()?),
            4 => RawValue::Str(e.piece()?.into()),
            5 => {
                let len = within("items", MAX_ITEMS, e.count()?)?;
                let items = (0..len).map(|_| e.piece().map(String::from));
                RawValue::List(items.collect::<Result<_, _>>()?)
            }
            _ => return Err(malformed()),
        };
        out.push((key.into(), value));
    }
    let done = e.shape.len() == 0 && e.text.is_empty();
    done.then_some(RawAnswers(out)).ok_or_else(malformed)
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
    for (k, v) in e.fields() {
        let v = match v {
            FieldValue::Text(s) => JsValue::from_str(&s),
            FieldValue::Num(n) => JsValue::from_f64(n),
        };
        // Setting a property of a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), &v);
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

/// Answers (encoded by www/engine.js, see `Encoded`) → the report as numbers (src/wasm/tape.rs).
#[wasm_bindgen]
pub fn evaluate(text: JsValue, shape: JsValue) -> Result<Vec<u32>, JsValue> {
    let raw = read_answers(&text, &shape).map_err(|e| tagged(&e))?;
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
