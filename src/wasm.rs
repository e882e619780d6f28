//! The wasm-bindgen adapter: the only place that knows about JavaScript.
//!
//! Every function returns `Result<JsValue, JsValue>`: on error JS receives a thrown tagged
//! object `{kind, message, …}`. A report goes to JS as a tape of numbers (`tape.rs`) that
//! `src/js/report.js` turns into the report object with string tables it keeps per language;
//! questions and diagnoses as JSON text, parsed once by `JSON.parse`. Built with the cargo
//! feature `page`, the module has no texts of its own and takes them from `use_texts`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use std::cell::RefCell;

use crate::answers::{Answer, Answers, RawAnswers, MAX_TOTAL};
use crate::error::{EngineError, FieldValue};
use crate::model::{Lang, OIdx, QKind, RuleBase};
use crate::{answers_json, output, parse_lang, report, tape, RULES};

// The catalogue (names and long texts) is not in the module: it ships as
// `catalogue.<lang>.json` beside it (src/bin/export-catalogue.rs, docs/api.md).

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Thrown by every function on bad input; the module keeps working afterwards. */
export interface MpcheckError {
  kind: 'invalid_answers' | 'unknown_question' | 'unknown_option' | 'invalid_value' | 'limit_exceeded' | 'invalid_lang' | 'texts_missing' | 'internal';
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
  status: 'required' | 'possible' | 'not_accepted' | 'not_needed' | 'needs_confirming'; because: Because[]; settle: string[];
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
    tagged("internal", message)
}

fn parse(json: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(json).map_err(|_| internal("the engine produced invalid JSON"))
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = parseFloat)]
    fn parse_float(text: &str) -> f64;
}

#[wasm_bindgen(module = "/src/js/answers.js")]
extern "C" {
    /// `JSON.stringify` of the answers (NaN and ±Infinity as `{}`), with a throwing getter, Proxy
    /// trap or `toJSON` caught as an error: a JS exception must not unwind through the wasm
    /// frames (it would skip their clean-up).
    #[wasm_bindgen(catch)]
    fn answers_text(answers: &JsValue) -> Result<JsValue, JsValue>;

    /// Well-formed answers as question and option indices, or null (then `answers_text`).
    fn encode_answers(answers: &JsValue, tables: &JsValue) -> JsValue;
}

#[wasm_bindgen(module = "/src/js/report.js")]
extern "C" {
    // Neither should ever throw; if one did (a bug), the exception must not unwind through the
    // wasm frames (it would leave `PREPARED` borrowed and every later call failing).
    #[wasm_bindgen(catch)]
    fn parse_tables(json: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn build_report(tape: &[u32], tables: &JsValue) -> Result<JsValue, JsValue>;
}

fn tagged(kind: &str, message: &str) -> JsValue {
    let obj = js_sys::Object::new();
    set(&obj, "kind", &JsValue::from_str(kind));
    set(&obj, "message", &JsValue::from_str(message));
    obj.into()
}

/// The page's module (cargo feature `page`) has no texts of its own (build.rs `lean`): the page
/// gives them with `use_texts`, and these put them into what the module returns.
#[cfg(feature = "page")]
#[wasm_bindgen(module = "/src/js/texts.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn fill_tables(tables: &JsValue, source: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn fill_questions(list: &JsValue, source: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn fill_causes(list: &JsValue, source: &JsValue) -> Result<JsValue, JsValue>;
}

#[cfg(feature = "page")]
thread_local! {
    static TEXTS: RefCell<[Option<JsValue>; 2]> = const { RefCell::new([None, None]) };
}

/// Page module: the texts `use_texts` was given for `lang`, or the `texts_missing` error.
#[cfg(feature = "page")]
fn texts_for(lang: Lang) -> Result<JsValue, JsValue> {
    TEXTS.with(|t| t.borrow()[slot(lang)].clone()).ok_or_else(|| {
        tagged(
            "texts_missing",
            "this module has no texts of its own: call use_texts(lang, {questions, catalogue, causes}) first",
        )
    })
}

/// Page module: a fill function's throw (texts that do not fit the module) as a tagged error.
#[cfg(feature = "page")]
fn texts_error(e: JsValue) -> JsValue {
    let detail = js_sys::Reflect::get(&e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    tagged(
        "texts_missing",
        &format!("the texts given to use_texts do not fit this module: {detail}"),
    )
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 0,
        Lang::En => 1,
    }
}

/// Longest answers text read (UTF-16 units of their JSON): within every limit of `answers` the
/// JSON stays under 1.5 MB (1,024 items of 256 keys with their quotes and commas, 64 KB of text
/// escaped six characters a byte at worst), so anything longer is refused before it is copied
/// into the module.
const MAX_JSON: usize = 2 << 20;

/// The answers object as `JSON.stringify` writes it (src/js/answers.js), read by `answers_json`:
/// one call into JS rather than several per answer. (Values JSON has no place for — functions,
/// symbols, `undefined` — are left out, as unanswered.)
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
    let unreadable = |_| {
        to_js(&EngineError::InvalidAnswers {
            message: "the answers object could not be read (a getter, proxy or toJSON threw, or it is circular)".into(),
        })
    };
    let json = answers_text(&answers).map_err(unreadable)?;
    let Some(js) = json.dyn_ref::<js_sys::JsString>() else {
        return Ok(RawAnswers::default());
    };
    let units = js.length() as usize;
    if units > MAX_JSON {
        return Err(to_js(&EngineError::LimitExceeded {
            what: "total".into(),
            limit: MAX_TOTAL,
            actual: units,
        }));
    }
    let text = String::from(js);
    answers_json::parse_answers(&text, |t| Some(parse_float(t))).map_err(|e| to_js(&e))
}

/// Strings arrive as `JsValue` and are checked here: wasm-bindgen's own `&str` conversion traps
/// (memory access out of bounds) on a number or an object, and throws a bare TypeError on
/// `undefined` (tests/node/hostile.test.mjs).
fn lang_of(lang: &JsValue) -> Result<crate::model::Lang, JsValue> {
    // The two usual tags are compared as JS values, without copying the string in.
    let usual = USUAL_LANGS.with(|[zh, en]| {
        if lang == zh {
            Some(Lang::Zh)
        } else if lang == en {
            Some(Lang::En)
        } else {
            None
        }
    });
    if let Some(l) = usual {
        return Ok(l);
    }
    match lang.as_string() {
        Some(l) => parse_lang(&l).map_err(|e| to_js(&e)),
        None => Err(to_js(&EngineError::InvalidLang {
            lang: "(not a string)".into(),
        })),
    }
}

thread_local! {
    static USUAL_LANGS: [JsValue; 2] = [JsValue::from_str("zh-CN"), JsValue::from_str("en")];
}

/// What `evaluate` keeps between calls for one rule base: its parsed string tables (one per
/// language, built on first use), the buffers the report is written into, and one tape per
/// language (a tape remembers what the JS of its table holds, src/tape.rs).
struct Prepared {
    /// Address of the rule base these belong to.
    rb: usize,
    base: Vec<u32>,
    tables: [Option<JsValue>; 2],
    scratch: report::Scratch,
    report: report::Report,
    tapes: [tape::Tape; 2],
}

thread_local! {
    static PREPARED: RefCell<Vec<Prepared>> = const { RefCell::new(Vec::new()) };
}

fn evaluate_with(rb: &RuleBase, answers: JsValue, lang: &JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(lang)?;
    PREPARED.with(|cell| {
        let mut all = cell.borrow_mut();
        let key = rb as *const RuleBase as usize;
        let at = match all.iter().position(|p| p.rb == key) {
            Some(i) => i,
            None => {
                all.push(Prepared {
                    rb: key,
                    base: tape::eligibility_base(rb),
                    tables: [None, None],
                    scratch: report::Scratch::default(),
                    report: report::Report::default(),
                    tapes: Default::default(),
                });
                all.len() - 1
            }
        };
        let p = &mut all[at];
        let slot = slot(lang);
        let tables = match &p.tables[slot] {
            Some(t) => t.clone(),
            None => {
                let t = parse_tables(&tape::tables_json(rb, lang))
                    .map_err(|_| internal("the engine's string tables could not be read"))?;
                #[cfg(feature = "page")]
                let t = fill_tables(&t, &texts_for(lang)?).map_err(texts_error)?;
                // A new table holds none of the lists and entries a tape may have sent before.
                p.tapes[slot].forget();
                p.tables[slot] = Some(t.clone());
                t
            }
        };
        let answers = match fast_answers(rb, &answers, &tables) {
            Some(a) => a,
            None => {
                let raw = read_answers(answers)?;
                Answers::resolve(rb, &raw).map_err(|e| to_js(&e))?
            }
        };
        report::evaluate_into(rb, &answers, &mut p.scratch, &mut p.report);
        let tape = &mut p.tapes[slot];
        tape::report_tape(rb, &mut p.report, &answers, &p.base, tape);
        build_report(tape.as_slice(), &tables).map_err(|_| {
            // JS may hold less than the tape thinks: it will send everything again.
            tape.forget();
            internal("the report could not be built from the engine's tape")
        })
    })
}

/// The answers through `encode_answers` (src/js/answers.js), when it took them: what
/// `Answers::resolve` would give for the same object. `None`: read them the long way.
fn fast_answers(rb: &RuleBase, answers: &JsValue, tables: &JsValue) -> Option<Answers> {
    if !answers.is_object() || js_sys::Array::is_array(answers) {
        return None;
    }
    let encoded = encode_answers(answers, tables)
        .dyn_into::<js_sys::Uint32Array>()
        .ok()?;
    decode_fast(rb, &encoded.to_vec())
}

/// Reads `encode_answers`' numbers, checking every index and value again (any doubt: `None`).
fn decode_fast(rb: &RuleBase, words: &[u32]) -> Option<Answers> {
    let mut answers = Answers::empty(rb);
    let mut w = words.iter().copied();
    while let Some(q) = w.next() {
        let question = rb.questions.get(q as usize)?;
        let option = |o: u32| (o < question.options.len() as u32).then_some(o as OIdx);
        let answer = match w.next()? {
            1 if question.kind == QKind::YesNo => Answer::Yes,
            2 if question.kind == QKind::YesNo => Answer::No,
            3 if question.not_sure => Answer::NotSure,
            4 if question.kind == QKind::OneOf => Answer::Opt(option(w.next()?)?),
            5 if question.kind == QKind::SeveralOf => {
                let n = w.next()? as usize;
                let mut set = Vec::with_capacity(n);
                for _ in 0..n {
                    set.push(option(w.next()?)?);
                }
                Answer::set(set)
            }
            6 if question.kind == QKind::Number => {
                let (lo, hi) = (w.next()?, w.next()?);
                let n = f64::from_bits(u64::from(hi) << 32 | u64::from(lo));
                let inside = n.is_finite()
                    && question.min.is_none_or(|m| n >= m)
                    && question.max.is_none_or(|m| n <= m);
                inside.then_some(Answer::Num(n))?
            }
            _ => return None,
        };
        answers.values[q as usize] = Some(answer);
    }
    Some(answers)
}

/// Forgets what `evaluate` prepared for rule bases other than the shipped one (the bench loads
/// its own, possibly at the address of one it dropped).
#[cfg(feature = "bench")]
fn forget_loaded() {
    let shipped = &*RULES as *const RuleBase as usize;
    PREPARED.with(|cell| cell.borrow_mut().retain(|p| p.rb == shipped));
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
    let lang = lang_of(&lang)?;
    let list = parse(&output::questions_json(&RULES, lang))?;
    #[cfg(feature = "page")]
    let list = fill_questions(&list, &texts_for(lang)?).map_err(texts_error)?;
    Ok(list)
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
    let list = parse(&json)?;
    #[cfg(feature = "page")]
    let list = fill_causes(&list, &texts_for(lang)?).map_err(texts_error)?;
    Ok(list)
}

/// The page's module only (cargo feature `page`), which has no texts of its own: gives it the
/// texts of one language, from the files the page loads anyway. `source` is
/// `{questions, catalogue, causes?}`: the `questions` of questions.<lang>.json, the catalogue of
/// catalogue.<lang>.json as `expandCatalogue` returns it, and the `causes` of causes.<lang>.json
/// (needed by `diagnose` only). Call it again to replace them; `questions`, `evaluate` and
/// `diagnose` in that language throw `texts_missing` until it is called, or if they do not fit.
#[cfg(feature = "page")]
#[wasm_bindgen]
pub fn use_texts(
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "{ questions: Question[]; catalogue: Catalogue; causes?: Record<string, { title: string; meaning: string; fix: string; rule: string }> }"
    )]
    source: JsValue,
) -> Result<(), JsValue> {
    let lang = lang_of(&lang)?;
    if !source.is_object() {
        return Err(tagged(
            "texts_missing",
            "use_texts needs an object {questions, catalogue, causes?}",
        ));
    }
    TEXTS.with(|t| t.borrow_mut()[slot(lang)] = Some(source));
    // Tables filled from earlier texts are made again on the next evaluate.
    PREPARED.with(|cell| {
        for p in cell.borrow_mut().iter_mut() {
            p.tables[slot(lang)] = None;
        }
    });
    Ok(())
}

#[cfg(feature = "bench")]
mod bench {
    //! Benchmark-only entry points: load a generated rule base at run time and evaluate it.
    use super::*;
    use crate::rulefile::{load, LoadOptions, SourceFile};
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
                forget_loaded();
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
