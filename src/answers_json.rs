//! Answers from JSON text, with the limits of `answers` applied while reading.
//!
//! The wasm adapter turns the caller's answers object into text with one `JSON.stringify` (which
//! also runs getters and Proxy traps once, where their exceptions are caught) and reads it here:
//! one crossing into JS instead of several per answer. Only the shapes an answer can have are
//! accepted — an object of null, true, false, numbers, strings and flat lists of strings — and
//! nothing nests, so there is no recursion for hostile input to exhaust.

use crate::answers::{RawAnswers, RawValue, MAX_ITEMS, MAX_KEYS, MAX_STRING, MAX_TOTAL};
use crate::error::EngineError;

/// Reads `{"question": answer, …}` (or `null`, no answers). `number` turns a JSON number's text
/// into a value (the wasm adapter passes JS's own `parseFloat`, natively `str::parse`).
pub fn parse_answers(
    text: &str,
    number: impl Fn(&str) -> Option<f64>,
) -> Result<RawAnswers, EngineError> {
    let mut p = Parser {
        s: text.as_bytes(),
        pos: 0,
    };
    p.ws();
    if p.eat_word("null") {
        return p.end(RawAnswers::default());
    }
    if !p.eat(b'{') {
        return Err(not_object());
    }
    let mut out: Vec<(String, RawValue)> = Vec::new();
    let mut total = 0;
    p.ws();
    if p.eat(b'}') {
        return p.end(RawAnswers(out));
    }
    loop {
        p.ws();
        if out.len() == MAX_KEYS {
            return Err(limit("keys", MAX_KEYS, MAX_KEYS + 1));
        }
        let key = p.string()?.ok_or_else(bad_json)?;
        p.ws();
        if !p.eat(b':') {
            return Err(bad_json());
        }
        p.ws();
        let value = p.value(&key, &number)?;
        total += key.len()
            + match &value {
                RawValue::Str(s) => s.len(),
                RawValue::List(l) => l.iter().map(String::len).sum(),
                _ => 0,
            };
        if total > MAX_TOTAL {
            return Err(limit("total", MAX_TOTAL, total));
        }
        out.push((key, value));
        p.ws();
        if p.eat(b',') {
            continue;
        }
        if p.eat(b'}') {
            return p.end(RawAnswers(out));
        }
        return Err(bad_json());
    }
}

fn limit(what: &str, limit: usize, actual: usize) -> EngineError {
    EngineError::LimitExceeded {
        what: what.into(),
        limit,
        actual,
    }
}

fn not_object() -> EngineError {
    EngineError::InvalidAnswers {
        message: "answers must be an object of question ids".into(),
    }
}

fn bad_json() -> EngineError {
    EngineError::InvalidAnswers {
        message: "the answers are not valid JSON".into(),
    }
}

fn invalid(question: &str, message: &str) -> EngineError {
    EngineError::InvalidValue {
        question: question.into(),
        message: message.into(),
    }
}

const ANSWER_SHAPE: &str =
    "an answer is true, false, a finite number, a string or a list of strings";
const LIST_SHAPE: &str = "a several-of answer is a list of option ids (strings)";

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.pos += usize::from(hit);
        hit
    }

    fn eat_word(&mut self, w: &str) -> bool {
        let hit = self.s[self.pos..].starts_with(w.as_bytes());
        if hit {
            self.pos += w.len();
        }
        hit
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn end<T>(&mut self, v: T) -> Result<T, EngineError> {
        self.ws();
        if self.pos == self.s.len() {
            Ok(v)
        } else {
            Err(bad_json())
        }
    }

    /// One answer. Objects and nested lists are refused without being read.
    fn value(
        &mut self,
        key: &str,
        number: &impl Fn(&str) -> Option<f64>,
    ) -> Result<RawValue, EngineError> {
        match self.peek() {
            Some(b'n') if self.eat_word("null") => Ok(RawValue::Null),
            Some(b't') if self.eat_word("true") => Ok(RawValue::Bool(true)),
            Some(b'f') if self.eat_word("false") => Ok(RawValue::Bool(false)),
            Some(b'"') => Ok(RawValue::Str(self.string()?.ok_or_else(bad_json)?)),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.pos;
                self.number_text().ok_or_else(bad_json)?;
                let text = std::str::from_utf8(&self.s[start..self.pos]).map_err(|_| bad_json())?;
                match number(text) {
                    Some(n) if n.is_finite() => Ok(RawValue::Num(n)),
                    Some(_) => Err(invalid(key, "the number is not finite")),
                    None => Err(bad_json()),
                }
            }
            Some(b'[') => {
                self.pos += 1;
                let mut list = Vec::new();
                self.ws();
                if self.eat(b']') {
                    return Ok(RawValue::List(list));
                }
                loop {
                    self.ws();
                    if list.len() == MAX_ITEMS {
                        return Err(limit("items", MAX_ITEMS, MAX_ITEMS + 1));
                    }
                    match self.string()? {
                        Some(s) => list.push(s),
                        None => return Err(invalid(key, LIST_SHAPE)),
                    }
                    self.ws();
                    if self.eat(b',') {
                        continue;
                    }
                    if self.eat(b']') {
                        return Ok(RawValue::List(list));
                    }
                    return Err(bad_json());
                }
            }
            Some(b'{') => Err(invalid(key, ANSWER_SHAPE)),
            _ => Err(bad_json()),
        }
    }

    /// Skips a number as JSON writes it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number_text(&mut self) -> Option<()> {
        self.eat(b'-');
        if !self.eat(b'0') {
            self.digits()?;
        }
        if self.eat(b'.') {
            self.digits()?;
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            self.digits()?;
        }
        Some(())
    }

    /// One or more digits.
    fn digits(&mut self) -> Option<()> {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        (self.pos > start).then_some(())
    }

    /// A string, if one starts here (`None` if something else does), of at most `MAX_STRING`
    /// bytes once unescaped.
    fn string(&mut self) -> Result<Option<String>, EngineError> {
        if !self.eat(b'"') {
            return Ok(None);
        }
        let mut out: Vec<u8> = Vec::new();
        loop {
            let start = self.pos;
            while matches!(self.peek(), Some(c) if c >= 0x20 && c != b'"' && c != b'\\') {
                self.pos += 1;
            }
            out.extend_from_slice(&self.s[start..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                _ => return Err(bad_json()),
            }
        }
        if out.len() > MAX_STRING {
            return Err(limit("string", MAX_STRING, out.len()));
        }
        // The input is a &str and escapes are written as UTF-8, so this only fails on a lone
        // surrogate escape, which becomes U+FFFD as in a JS → Rust string copy.
        Ok(Some(String::from_utf8(out).unwrap_or_else(|e| {
            String::from_utf8_lossy(e.as_bytes()).into()
        })))
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), EngineError> {
        let c = self.peek().ok_or_else(bad_json)?;
        self.pos += 1;
        let ch = match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                let code =
                    if (0xD800..0xDC00).contains(&hi) && self.s[self.pos..].starts_with(b"\\u") {
                        let save = self.pos;
                        self.pos += 2;
                        let lo = self.hex4()?;
                        if (0xDC00..0xE000).contains(&lo) {
                            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                        } else {
                            self.pos = save;
                            hi
                        }
                    } else {
                        hi
                    };
                char::from_u32(code).unwrap_or('\u{FFFD}')
            }
            _ => return Err(bad_json()),
        };
        let mut buf = [0u8; 4];
        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, EngineError> {
        let digits = self.s.get(self.pos..self.pos + 4).ok_or_else(bad_json)?;
        let mut n = 0;
        for d in digits {
            n = n * 16 + char::from(*d).to_digit(16).ok_or_else(bad_json)?;
        }
        self.pos += 4;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<RawAnswers, EngineError> {
        parse_answers(s, |t| t.parse().ok())
    }

    #[test]
    fn reads_every_answer_shape() {
        let a = parse(r#" {"a": null, "b": true, "c": false, "d": -1.5e2, "e": "x\"\u00e9\ud83d\ude00", "f": [], "g": ["p", "q"]} "#)
            .unwrap();
        assert_eq!(
            a.0,
            vec![
                ("a".into(), RawValue::Null),
                ("b".into(), RawValue::Bool(true)),
                ("c".into(), RawValue::Bool(false)),
                ("d".into(), RawValue::Num(-150.0)),
                ("e".into(), RawValue::Str("x\"é😀".into())),
                ("f".into(), RawValue::List(vec![])),
                ("g".into(), RawValue::List(vec!["p".into(), "q".into()])),
            ]
        );
        assert_eq!(parse("null").unwrap(), RawAnswers::default());
        assert_eq!(parse("{}").unwrap(), RawAnswers::default());
    }

    #[test]
    fn refuses_other_shapes_without_descending() {
        let kind = |s: &str| parse(s).unwrap_err().kind();
        assert_eq!(kind("[]"), "invalid_answers");
        assert_eq!(kind("\"x\""), "invalid_answers");
        assert_eq!(kind(r#"{"a": {"b": 1}}"#), "invalid_value");
        assert_eq!(kind(r#"{"a": [["x"]]}"#), "invalid_value");
        assert_eq!(kind(r#"{"a": [1]}"#), "invalid_value");
        assert_eq!(kind(r#"{"a": 1"#), "invalid_answers");
        assert_eq!(kind(r#"{"a": 1} x"#), "invalid_answers");
        assert_eq!(kind(r#"{"a": "\x"}"#), "invalid_answers");
        for bad_number in ["01", "1.", ".5", "-", "1e", "+1", "1e+"] {
            assert_eq!(
                kind(&format!("{{\"a\": {bad_number}}}")),
                "invalid_answers",
                "{bad_number}"
            );
        }
        let deep = format!("{{\"a\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(kind(&deep), "invalid_value");
    }

    #[test]
    fn limits_as_natively() {
        let what = |s: String| match parse(&s).unwrap_err() {
            EngineError::LimitExceeded { what, actual, .. } => (what, actual),
            e => panic!("{e:?}"),
        };
        let keys: Vec<String> = (0..=MAX_KEYS).map(|i| format!("\"k{i}\":1")).collect();
        assert_eq!(what(format!("{{{}}}", keys.join(","))).0, "keys");
        assert_eq!(
            what(format!("{{\"a\":\"{}\"}}", "审".repeat(100))),
            ("string".into(), 300)
        );
        let items = vec!["\"x\""; MAX_ITEMS + 1].join(",");
        assert_eq!(what(format!("{{\"a\":[{items}]}}")).0, "items");
        let big = vec![format!("\"{}\"", "x".repeat(256)); 512].join(",");
        assert_eq!(what(format!("{{\"a\":[{big}]}}")).0, "total");
        // At the limits: accepted.
        let ok = format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_STRING));
        assert!(parse(&ok).is_ok());
    }
}
