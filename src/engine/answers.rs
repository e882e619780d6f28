//! Answers as they arrive (`RawAnswers`: keys and plain values, read by the adapter within the
//! limits below) and as the engine uses them (`Answers`: `Answers::resolve` checks every key and
//! value against the questions).

use crate::engine::error::EngineError;
use crate::model::{OIdx, Opt, QKind, Question, RuleBase};

/// Most keys in an answers object.
pub const MAX_KEYS: usize = 256;
/// Most items in one several_of answer.
pub const MAX_ITEMS: usize = 1024;
/// Longest key or string value, in bytes.
pub const MAX_STRING: usize = 256;
/// Most bytes of text (keys and strings) in one answers object: 64 KB.
pub const MAX_TOTAL: usize = 64 * 1024;

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
        crate::engine::sort_small::sort_small_by(&mut chosen, |a, b| a < b);
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
                        return Err(invalid("the number is out of the question's range".into()));
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
