//! Errors the engine returns to callers. The wasm adapter turns them into tagged JS objects
//! (`{kind, message, …}`); nothing here panics.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum EngineError {
    /// The answers are not an object of question ids → answers.
    InvalidAnswers {
        message: String,
    },
    UnknownQuestion {
        question: String,
    },
    UnknownOption {
        question: String,
        option: String,
    },
    InvalidValue {
        question: String,
        message: String,
    },
    LimitExceeded {
        what: String,
        limit: usize,
        actual: usize,
    },
    InvalidLang {
        lang: String,
    },
}

impl EngineError {
    /// The `kind` tag seen by JS.
    pub fn kind(&self) -> &'static str {
        match self {
            EngineError::InvalidAnswers { .. } => "invalid_answers",
            EngineError::UnknownQuestion { .. } => "unknown_question",
            EngineError::UnknownOption { .. } => "unknown_option",
            EngineError::InvalidValue { .. } => "invalid_value",
            EngineError::LimitExceeded { .. } => "limit_exceeded",
            EngineError::InvalidLang { .. } => "invalid_lang",
        }
    }

    /// The fields of the tagged object JS sees, as (name, value) pairs: `kind`, `message`, then
    /// the error's own.
    pub fn fields(&self) -> Vec<(&'static str, FieldValue)> {
        use FieldValue::{Num, Text};
        let mut out = vec![
            ("kind", Text(self.kind().into())),
            ("message", Text(self.to_string())),
        ];
        match self {
            EngineError::InvalidAnswers { .. } => {}
            EngineError::UnknownOption { question, option } => out.extend([
                ("question", Text(question.clone())),
                ("option", Text(option.clone())),
            ]),
            EngineError::UnknownQuestion { question }
            | EngineError::InvalidValue { question, .. } => {
                out.push(("question", Text(question.clone())))
            }
            EngineError::LimitExceeded {
                what,
                limit,
                actual,
            } => out.extend([
                ("what", Text(what.clone())),
                ("limit", Num(*limit as f64)),
                ("actual", Num(*actual as f64)),
            ]),
            EngineError::InvalidLang { lang } => out.push(("lang", Text(lang.clone()))),
        }
        out
    }
}

pub enum FieldValue {
    Text(String),
    Num(f64),
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::InvalidAnswers { message } => {
                write!(f, "the answers are not valid: {message}")
            }
            EngineError::UnknownQuestion { question } => {
                write!(f, "there is no question `{question}`")
            }
            EngineError::UnknownOption { question, option } => {
                write!(f, "question `{question}` has no option `{option}`")
            }
            EngineError::InvalidValue { question, message } => {
                write!(f, "the answer to `{question}` is not valid: {message}")
            }
            EngineError::LimitExceeded {
                what,
                limit,
                actual,
            } => {
                write!(f, "too large: {what} is {actual}, the limit is {limit}")
            }
            EngineError::InvalidLang { lang } => {
                write!(f, "unknown language `{lang}`: use zh-CN or en")
            }
        }
    }
}

impl std::error::Error for EngineError {}
