//! Errors the engine returns to callers. They serialize as the tagged objects JS sees
//! (`{kind, message, …}`); nothing here panics.

use std::fmt;

use serde::{Serialize, Serializer};

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

    /// Extra fields of the tagged object, as (name, value) pairs.
    pub fn fields(&self) -> Vec<(&'static str, FieldValue)> {
        use FieldValue::{Num, Text};
        match self {
            EngineError::InvalidAnswers { .. } => vec![],
            EngineError::UnknownQuestion { question } => vec![("question", Text(question.clone()))],
            EngineError::UnknownOption { question, option } => {
                vec![
                    ("question", Text(question.clone())),
                    ("option", Text(option.clone())),
                ]
            }
            EngineError::InvalidValue { question, .. } => {
                vec![("question", Text(question.clone()))]
            }
            EngineError::LimitExceeded {
                what,
                limit,
                actual,
            } => vec![
                ("what", Text(what.clone())),
                ("limit", Num(*limit as f64)),
                ("actual", Num(*actual as f64)),
            ],
            EngineError::InvalidLang { lang } => vec![("lang", Text(lang.clone()))],
        }
    }
}

#[derive(Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    Text(String),
    Num(f64),
}

impl Serialize for EngineError {
    /// `{kind, message, …fields}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let kind = ("kind", FieldValue::Text(self.kind().into()));
        let message = ("message", FieldValue::Text(self.to_string()));
        s.collect_map([kind, message].into_iter().chain(self.fields()))
    }
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
