//! The wasm-bindgen adapter: the only place that knows about JavaScript.
//!
//! Every function returns `Result<JsValue, JsValue>`: on error JS receives a thrown tagged
//! object `{kind, message, …}`. Reports are built as JSON text by the core and parsed once
//! by the JS engine (`JSON.parse`), which is faster than building objects field by field.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::answers::{RawAnswers, RawValue, MAX_ITEMS, MAX_KEYS, MAX_STRING, MAX_TOTAL};
use crate::error::{EngineError, FieldValue};
use crate::model::RuleBase;
use crate::{output, parse_lang, RULES};

// The catalogue (names and long texts) is not in the module: it ships as
// `catalogue.<lang>.json` beside it (src/bin/export-catalogue.rs, docs/api.md).

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Thrown by every function on bad input; the module keeps working afterwards. */
export interface MpcheckError {
  kind: 'invalid_answers' | 'unknown_question' | 'unknown_option' | 'invalid_value' | 'limit_exceeded' | 'invalid_lang' | 'internal';
  message: string; question?: string; option?: string; what?: string; limit?: number; actual?: number; lang?: string;
}
export type Lang = 'zh-CN' | 'en';
export type AnswerValue = boolean | number | string | string[] | null;
export type Answers = Record<string, AnswerValue>;
export interface Question { id: string; kind: 'yes_no' | 'one_of' | 'several_of' | 'number'; text: string; help?: string;
  not_sure: boolean; options: { id: string; label: string; help?: string }[]; options_from?: string; unit?: string;
  min?: number; max?: number; ask_when?: string }
export interface Because { rule: string; answers: string[] }
export interface Item { id: string; layer: 'law' | 'filing' | 'platform';
  status: 'required' | 'possible' | 'not_accepted' | 'not_needed'; because: Because[]; settle: string[];
  one_of?: string[]; problems: { text: string; blocks: boolean; certain: boolean }[] }
export interface Report { version: string; flow: { asked: string[]; next: string | null; unsure: string[] };
  requirements: Item[]; checklist: { id: string; status: 'required' | 'possible'; because: Because[]; settle: string[] }[];
  next_questions: { id: string; settles: number }[];
  plan: { steps: { id: string; step: string; start: [number, number]; finish: [number, number] }[]; total: [number, number] };
  answers: Record<string, { question: string; answer: string }> }
export interface Cause { id: string; score: number; title: string; meaning: string; fix: string; rule: string;
  implies: string[]; matched: string[]; confidence: 'official' | 'secondary' | 'unconfirmed' }
export type DocItem = string | Docs;
export interface Docs { label?: string; all: DocItem[]; any_of: DocItem[][] }
export interface Requirement { id: string; layer: 'law' | 'filing' | 'platform'; kind: string; step: string; name: string;
  summary?: string; authority?: string; lead_time?: [number, number]; validity?: string;
  difficulty: 'none' | 'easy' | 'moderate' | 'hard' | 'out_of_reach'; prerequisites: string[]; platforms: string[];
  group?: string; entities?: string[]; scope?: string; documents?: Docs; myth?: { text: string; sources: string[] };
  eligibility: { when: string; blocks: boolean; text: string; sources: string[] }[]; sources: string[];
  confidence: 'official' | 'secondary' | 'unconfirmed'; checked?: string }
export interface Catalogue { version: string; reviewed: string; requirements: Record<string, Requirement>;
  rules: Record<string, { id: string; text: string; when: string; sources: string[]; confidence: string }>;
  checks: Record<string, { id: string; title: string; why: string; how: string; sources: string[]; confidence: string }>;
  sources: Record<string, { id: string; title: string; url?: string; checked: string; tag: 'OFF' | 'PLAT' | 'SEC'; note?: string }> }
"#;

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

/// A typed error as a plain JS object.
fn to_js(e: &EngineError) -> JsValue {
    let obj = js_sys::Object::new();
    set(&obj, "kind", &JsValue::from_str(e.kind()));
    set(&obj, "message", &JsValue::from_str(&e.to_string()));
    for (k, v) in e.fields() {
        let v = match v {
            FieldValue::Text(s) => JsValue::from_str(&s),
            FieldValue::Num(n) => JsValue::from_f64(n),
        };
        set(&obj, k, &v);
    }
    obj.into()
}

fn internal(message: &str) -> JsValue {
    let obj = js_sys::Object::new();
    set(&obj, "kind", &JsValue::from_str("internal"));
    set(&obj, "message", &JsValue::from_str(message));
    obj.into()
}

fn parse(json: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(json).map_err(|_| internal("the engine produced invalid JSON"))
}

#[wasm_bindgen]
extern "C" {
    /// `Object.entries`, with a throwing getter or Proxy trap caught as an error: a JS exception
    /// must not unwind through the wasm frames (it would skip their clean-up, leaking the shadow
    /// stack a little more with every such call).
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    fn object_entries(obj: &JsValue) -> Result<js_sys::Array, JsValue>;

    /// `Array.from`: a plain copy of a list, with a throwing element getter caught the same way.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = from)]
    fn array_copy(list: &JsValue) -> Result<js_sys::Array, JsValue>;
}

fn read_answers(answers: JsValue) -> Result<RawAnswers, JsValue> {
    if answers.is_undefined() || answers.is_null() {
        return Ok(RawAnswers::default());
    }
    if !answers.is_object() || js_sys::Array::is_array(&answers) {
        let e = EngineError::InvalidAnswers {
            message: "answers must be an object of question ids".into(),
        };
        return Err(to_js(&e));
    }
    // A plain copy (data properties only) is read, so getters and Proxy traps run once, here,
    // where their exceptions are caught.
    let unreadable = |_| {
        to_js(&EngineError::InvalidAnswers {
            message: "the answers object could not be read (a getter or proxy threw)".into(),
        })
    };
    let entries = object_entries(&answers).map_err(unreadable)?;
    read_entries(&entries).map_err(|e| to_js(&e))
}

fn limit(what: &str, limit: usize, actual: usize) -> EngineError {
    EngineError::LimitExceeded {
        what: what.into(),
        limit,
        actual,
    }
}

/// A JS string of at most `MAX_STRING` bytes of UTF-8, as natively. A string longer than that in
/// UTF-16 units is refused before it is copied (each unit is at least one byte).
fn short_string(v: &JsValue) -> Result<Option<String>, EngineError> {
    if !v.is_string() {
        return Ok(None);
    }
    let units = js_sys::JsString::from(v.clone()).length() as usize;
    if units > MAX_STRING {
        return Err(limit("string", MAX_STRING, units));
    }
    let s = v.as_string().unwrap_or_default();
    if s.len() > MAX_STRING {
        return Err(limit("string", MAX_STRING, s.len()));
    }
    Ok(Some(s))
}

/// `[key, value]` pairs → raw answers, with the limits checked before values are read.
/// Read with js-sys rather than serde-wasm-bindgen: its generic deserialiser and serde's error
/// formatting cost the module about 10 KB gzip, and these few value kinds need neither.
fn read_entries(entries: &js_sys::Array) -> Result<RawAnswers, EngineError> {
    let n = entries.length() as usize;
    if n > MAX_KEYS {
        return Err(limit("keys", MAX_KEYS, n));
    }
    let mut out = Vec::with_capacity(n);
    let mut total = 0;
    for entry in entries.iter() {
        let pair = js_sys::Array::from(&entry);
        let key = short_string(&pair.get(0))?.unwrap_or_default();
        let v = pair.get(1);
        let value = if v.is_null() || v.is_undefined() {
            RawValue::Null
        } else if let Some(b) = v.as_bool() {
            RawValue::Bool(b)
        } else if let Some(x) = v.as_f64() {
            RawValue::Num(x)
        } else if let Some(s) = short_string(&v)? {
            RawValue::Str(s)
        } else if js_sys::Array::is_array(&v) {
            let items = array_copy(&v).map_err(|_| EngineError::InvalidAnswers {
                message: "a list in the answers could not be read (a getter or proxy threw)".into(),
            })?;
            let len = items.length() as usize;
            if len > MAX_ITEMS {
                return Err(limit("items", MAX_ITEMS, len));
            }
            let mut list = Vec::with_capacity(len);
            for item in items.iter() {
                match short_string(&item)? {
                    Some(s) => list.push(s),
                    None => {
                        return Err(EngineError::InvalidValue {
                            question: key,
                            message: "a several-of answer is a list of option ids (strings)".into(),
                        })
                    }
                }
            }
            RawValue::List(list)
        } else {
            return Err(EngineError::InvalidValue {
                question: key,
                message: "an answer is true, false, a number, a string or a list of strings".into(),
            });
        };
        out.push((key, value));
        total += RawAnswers::text_bytes(&out[out.len() - 1..]);
        if total > MAX_TOTAL {
            return Err(limit("total", MAX_TOTAL, total));
        }
    }
    Ok(RawAnswers(out))
}

/// Strings arrive as `JsValue` and are checked here: wasm-bindgen's own `&str` conversion traps
/// (memory access out of bounds) on a number or an object, and throws a bare TypeError on
/// `undefined` (tests/node/hostile.test.mjs).
fn lang_of(lang: &JsValue) -> Result<crate::model::Lang, JsValue> {
    match lang.as_string() {
        Some(l) => parse_lang(&l).map_err(|e| to_js(&e)),
        None => Err(to_js(&EngineError::InvalidLang {
            lang: "(not a string)".into(),
        })),
    }
}

fn evaluate_with(rb: &RuleBase, answers: JsValue, lang: &JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(lang)?;
    let raw = read_answers(answers)?;
    let json = crate::evaluate_json(rb, &raw, lang).map_err(|e| to_js(&e))?;
    parse(&json)
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

/// Every question, in the order they are asked.
#[wasm_bindgen(unchecked_return_type = "Question[]")]
pub fn questions(
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: JsValue,
) -> Result<JsValue, JsValue> {
    parse(&output::questions_json(&RULES, lang_of(&lang)?))
}

/// Answers → report. Throws a `MpcheckError` on bad input.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Answers")] answers: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: JsValue,
) -> Result<JsValue, JsValue> {
    evaluate_with(&RULES, answers, &lang)
}

/// Pasted rejection message → likely causes, best first. Throws on text over 64 KB.
#[wasm_bindgen(unchecked_return_type = "Cause[]")]
pub fn diagnose(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang)?;
    let Some(js) = text.dyn_ref::<js_sys::JsString>() else {
        let obj = js_sys::Object::new();
        set(&obj, "kind", &JsValue::from_str("invalid_value"));
        set(
            &obj,
            "message",
            &JsValue::from_str("the pasted text must be a string"),
        );
        return Err(obj.into());
    };
    // UTF-16 units never outnumber UTF-8 bytes: a string this long is over the limit, and is
    // refused before it is copied into the module.
    let units = js.length() as usize;
    if units > crate::diagnose::MAX_TEXT {
        return Err(to_js(&EngineError::LimitExceeded {
            what: "text".into(),
            limit: crate::diagnose::MAX_TEXT,
            actual: units,
        }));
    }
    let text = String::from(js);
    let json = crate::diagnose_json(&RULES, &text, lang).map_err(|e| to_js(&e))?;
    parse(&json)
}

#[cfg(feature = "bench")]
mod bench {
    //! Benchmark-only entry points: load a generated rule base at run time and evaluate it.
    use super::*;
    use crate::rulefile::{load, LoadOptions, SourceFile};
    use std::cell::RefCell;

    thread_local! {
        static LOADED: RefCell<Option<RuleBase>> = const { RefCell::new(None) };
    }

    /// Loads rule files (TOML text) for `bench_evaluate`. Returns the number of rules.
    #[wasm_bindgen]
    pub fn bench_load(text: String) -> Result<u32, JsValue> {
        let files = [SourceFile {
            path: "bench.toml".into(),
            text,
        }];
        match load(&files, LoadOptions::BENCH) {
            Ok(rb) => {
                let n = rb.rules.len() as u32;
                LOADED.with(|l| *l.borrow_mut() = Some(rb));
                Ok(n)
            }
            Err(errors) => {
                let msg: Vec<String> = errors.iter().take(5).map(ToString::to_string).collect();
                Err(internal(&msg.join("\n")))
            }
        }
    }

    #[wasm_bindgen]
    pub fn bench_evaluate(answers: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
        LOADED.with(|l| match &*l.borrow() {
            Some(rb) => evaluate_with(rb, answers, &lang),
            None => Err(internal("call bench_load first")),
        })
    }
}
