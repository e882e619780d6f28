//! Answers as they arrive (from JS or JSON) and as the engine uses them.
//!
//! `RawAnswers` deserialises from any serde source with hard limits applied while reading,
//! so a hostile object is refused before it is held in memory. `Answers::resolve` then
//! checks every key and value against the questions.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::EngineError;
use crate::model::{OIdx, Opt, QKind, Question, RuleBase};

/// Most keys in an answers object.
pub const MAX_KEYS: usize = 256;
/// Most items in one several_of answer.
pub const MAX_ITEMS: usize = 1024;
/// Longest key or string value, in bytes.
pub const MAX_STRING: usize = 256;
/// Most bytes of text (keys and strings) in one answers object: 64 KB.
pub const MAX_TOTAL: usize = 64 * 1024;

/// The marker a serde error message starts with when a limit was hit.
pub const LIMIT_MARK: &str = "limit:";

#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    List(Vec<String>),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawAnswers(pub Vec<(String, RawValue)>);

impl RawAnswers {
    /// Bytes of text in these answers: keys, string values and list items.
    pub fn text_bytes(pairs: &[(String, RawValue)]) -> usize {
        pairs
            .iter()
            .map(|(k, v)| {
                k.len()
                    + match v {
                        RawValue::Str(s) => s.len(),
                        RawValue::List(l) => l.iter().map(String::len).sum(),
                        _ => 0,
                    }
            })
            .sum()
    }
}

fn limit<E: de::Error>(what: &str, limit: usize, actual: usize) -> E {
    E::custom(format!("{LIMIT_MARK}{what}:{limit}:{actual}"))
}

/// Refuses the value kinds a visitor does not take with a plain message. (Serde's default
/// refusal formats the value, which would pull a general float formatter into the wasm.)
macro_rules! refuse_others {
    ($what:literal: $($method:ident($($arg:ty)?)),*) => {$(
        fn $method<E: de::Error>(self $(, _: $arg)?) -> Result<Self::Value, E> {
            Err(E::custom($what))
        }
    )*};
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = RawValue;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("true, false, a number, a string or a list of strings")
    }
    fn visit_unit<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_none<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawValue, E> {
        Ok(RawValue::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawValue, E> {
        Ok(RawValue::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawValue, E> {
        Ok(RawValue::Num(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawValue, E> {
        Ok(RawValue::Num(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawValue, E> {
        if v.len() > MAX_STRING {
            return Err(limit("string", MAX_STRING, v.len()));
        }
        Ok(RawValue::Str(v.to_string()))
    }
    refuse_others!("an answer is true, false, a number, a string or a list of strings":
        visit_bytes(&[u8]), visit_char(char), visit_i128(i128), visit_u128(u128));
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<RawValue, A::Error> {
        Err(de::Error::custom("an answer cannot be an object"))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element::<ShortString>()? {
            if out.len() == MAX_ITEMS {
                return Err(limit("items", MAX_ITEMS, MAX_ITEMS + 1));
            }
            out.push(item.0);
        }
        Ok(RawValue::List(out))
    }
}

/// A string no longer than `MAX_STRING`.
struct ShortString(String);

/// Accepts a string and nothing else. It must not descend into a list or an object: a list
/// nested thousands deep (easy to build in JS) would recurse once per level and overflow the
/// wasm stack, which corrupts linear memory and kills the module (tests/node/hostile.test.mjs).
struct ShortStringVisitor;

impl<'de> Visitor<'de> for ShortStringVisitor {
    type Value = ShortString;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string (an id or an option id)")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<ShortString, E> {
        if v.len() > MAX_STRING {
            return Err(limit("string", MAX_STRING, v.len()));
        }
        Ok(ShortString(v.to_string()))
    }
}

impl<'de> Deserialize<'de> for ShortString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ShortStringVisitor)
    }
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct AnswersVisitor;

impl<'de> Visitor<'de> for AnswersVisitor {
    type Value = RawAnswers;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object mapping question ids to answers")
    }
    fn visit_unit<E>(self) -> Result<RawAnswers, E> {
        Ok(RawAnswers::default())
    }
    fn visit_none<E>(self) -> Result<RawAnswers, E> {
        Ok(RawAnswers::default())
    }
    refuse_others!("answers must be an object of question ids":
        visit_bool(bool), visit_i64(i64), visit_u64(u64), visit_f64(f64), visit_str(&str),
        visit_bytes(&[u8]), visit_char(char), visit_i128(i128), visit_u128(u128));
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<RawAnswers, A::Error> {
        Err(de::Error::custom(
            "answers must be an object of question ids, not a list",
        ))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawAnswers, A::Error> {
        let mut out = Vec::new();
        let mut total = 0;
        while let Some(key) = map.next_key::<ShortString>()? {
            if out.len() == MAX_KEYS {
                return Err(limit("keys", MAX_KEYS, MAX_KEYS + 1));
            }
            let value: RawValue = map.next_value()?;
            out.push((key.0, value));
            total += RawAnswers::text_bytes(&out[out.len() - 1..]);
            if total > MAX_TOTAL {
                return Err(limit("total", MAX_TOTAL, total));
            }
        }
        Ok(RawAnswers(out))
    }
}

impl<'de> Deserialize<'de> for RawAnswers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnswersVisitor)
    }
}

/// Turns a deserialisation error message into a typed error.
pub fn error_from_message(msg: &str) -> EngineError {
    if let Some(pos) = msg.find(LIMIT_MARK) {
        let mut parts = msg[pos + LIMIT_MARK.len()..].split(':');
        let what = parts.next().unwrap_or("").to_string();
        let limit = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        let actual = parts
            .next()
            .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        return EngineError::LimitExceeded {
            what,
            limit,
            actual,
        };
    }
    EngineError::InvalidAnswers {
        message: msg.to_string(),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Yes,
    No,
    NotSure,
    Opt(OIdx),
    /// Sorted, without duplicates.
    Set(Vec<OIdx>),
    Num(f64),
}

impl Answer {
    /// A several-of answer from the chosen options in any order, with repeats: sorted, once each.
    pub fn set(mut chosen: Vec<OIdx>) -> Answer {
        crate::sort_small::sort_small_by(&mut chosen, |a, b| a < b);
        chosen.dedup();
        Answer::Set(chosen)
    }
}

/// One slot per question, `None` where unanswered.
#[derive(Clone, Debug, PartialEq)]
pub struct Answers {
    pub values: Vec<Option<Answer>>,
}

/// Something with an id: questions, and options within a question.
trait Id {
    fn id(&self) -> &str;
}

impl Id for Question {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Id for Opt {
    fn id(&self) -> &str {
        &self.id
    }
}

/// The index of `id` in `list`, searching from `from` and wrapping around. Ids are unique
/// (checked when the rule base is built), so where the search starts does not change what it
/// finds; answers mostly come in question and option order, so starting after the previous
/// find usually finds the next at once. Lengths are compared before bytes: most ids differ
/// in length, and a string compare is a call (the WeChat category question has 533 options).
fn find_from<T: Id>(list: &[T], id: &str, from: usize) -> Option<usize> {
    let n = list.len();
    let mut i = if from < n { from } else { 0 };
    let mut left = n;
    while left > 0 {
        let candidate = list[i].id();
        if candidate.len() == id.len() && candidate.as_bytes() == id.as_bytes() {
            return Some(i);
        }
        i += 1;
        if i == n {
            i = 0;
        }
        left -= 1;
    }
    None
}

impl Answers {
    pub fn empty(rb: &RuleBase) -> Answers {
        Answers {
            values: vec![None; rb.questions.len()],
        }
    }

    /// Checks every answer against its question. The first problem is returned.
    pub fn resolve(rb: &RuleBase, raw: &RawAnswers) -> Result<Answers, EngineError> {
        let mut answers = Answers::empty(rb);
        let questions: &[Question] = &rb.questions;
        let mut next_q = 0;
        for (key, value) in &raw.0 {
            let Some(q) = find_from(questions, key, next_q) else {
                return Err(EngineError::UnknownQuestion {
                    question: key.clone(),
                });
            };
            next_q = q + 1;
            let question = &questions[q];
            let options: &[Opt] = &question.options;
            let invalid = |message: String| EngineError::InvalidValue {
                question: key.clone(),
                message,
            };
            let unknown_option = |option: &str| EngineError::UnknownOption {
                question: key.clone(),
                option: option.to_string(),
            };
            let answer = match (question.kind, value) {
                (_, RawValue::Null) => None,
                (_, RawValue::Str(s)) if s == "not_sure" => {
                    if !question.not_sure {
                        return Err(invalid("this question does not offer \"not_sure\"".into()));
                    }
                    Some(Answer::NotSure)
                }
                (QKind::YesNo, RawValue::Bool(b)) => {
                    Some(if *b { Answer::Yes } else { Answer::No })
                }
                (QKind::OneOf, RawValue::Str(s)) => match find_from(options, s, 0) {
                    Some(o) => Some(Answer::Opt(o as OIdx)),
                    None => return Err(unknown_option(s)),
                },
                (QKind::SeveralOf, RawValue::List(items)) => {
                    let mut set = Vec::with_capacity(items.len());
                    let mut next_o = 0;
                    for s in items {
                        let Some(o) = find_from(options, s, next_o) else {
                            return Err(unknown_option(s));
                        };
                        set.push(o as OIdx);
                        next_o = o + 1;
                    }
                    Some(Answer::set(set))
                }
                (QKind::Number, RawValue::Num(n)) => {
                    if !n.is_finite() {
                        return Err(invalid("the number is not finite".into()));
                    }
                    let below = question.min.is_some_and(|m| *n < m);
                    let above = question.max.is_some_and(|m| *n > m);
                    if below || above {
                        return Err(invalid(format!(
                            "{} is out of range",
                            crate::json::number(*n)
                        )));
                    }
                    Some(Answer::Num(*n))
                }
                (kind, _) => {
                    let want = match kind {
                        QKind::YesNo => "true or false",
                        QKind::OneOf => "an option id",
                        QKind::SeveralOf => "a list of option ids",
                        QKind::Number => "a number",
                    };
                    return Err(invalid(format!("expected {want}")));
                }
            };
            answers.values[q] = answer;
        }
        Ok(answers)
    }
}
