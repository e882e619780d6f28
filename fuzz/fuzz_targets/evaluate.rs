//! Arbitrary answers against the shipped rule base: the bytes are decoded into answers biased
//! towards real question and option ids, so the fuzzer reaches deep into the evaluation rather
//! than stopping at "unknown question". (Hostile JS values are the node hostile run's.)
#![no_main]
use libfuzzer_sys::fuzz_target;
use mpcheck::engine::answers::{RawAnswers, RawValue};
use mpcheck::RULES;

struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*b)
    }
    fn text(&mut self) -> String {
        let n = self.byte().unwrap_or(0) as usize % 24;
        let take = n.min(self.0.len());
        let (s, rest) = self.0.split_at(take);
        self.0 = rest;
        String::from_utf8_lossy(s).into_owned()
    }
}

fn option(q: &mpcheck::model::Question, b: &mut Bytes) -> String {
    let sel = b.byte().unwrap_or(0) as usize;
    if q.options.is_empty() || sel >= 250 {
        return b.text();
    }
    q.options[sel % q.options.len()].id.to_string()
}

fn pick(q: Option<&mpcheck::model::Question>, b: &mut Bytes) -> String {
    match q {
        Some(q) => option(q, b),
        None => b.text(),
    }
}

fn decode(data: &[u8]) -> RawAnswers {
    let mut b = Bytes(data);
    let mut out = Vec::new();
    while let Some(sel) = b.byte() {
        let qs = &RULES.questions;
        let (key, q) = if sel >= 252 {
            (b.text(), None)
        } else {
            let q = &qs[sel as usize % qs.len()];
            (q.id.to_string(), Some(q))
        };
        let v = match b.byte().unwrap_or(0) % 9 {
            0 => RawValue::Null,
            1 => RawValue::Bool(true),
            2 => RawValue::Bool(false),
            3 => RawValue::Str("not_sure".into()),
            4 => {
                let raw = [
                    b.byte().unwrap_or(0),
                    b.byte().unwrap_or(0),
                    b.byte().unwrap_or(0),
                    b.byte().unwrap_or(0),
                ];
                let n = f64::from(f32::from_le_bytes(raw));
                RawValue::Num(if (b.byte().unwrap_or(0) & 1) == 0 {
                    n
                } else {
                    n.round()
                })
            }
            5 | 6 => RawValue::Str(pick(q, &mut b)),
            _ => {
                let n = b.byte().unwrap_or(0) as usize % 12;
                RawValue::List((0..n).map(|_| pick(q, &mut b)).collect())
            }
        };
        out.push((key, v));
    }
    RawAnswers(out)
}

fuzz_target!(|data: &[u8]| {
    let raw = decode(data);
    match mpcheck::evaluate_json(&RULES, &raw) {
        Ok(json) => {
            assert!(json.starts_with("{\"version\":"), "{}", &json[..json.len().min(80)]);
            // A pure function: the same answers give the same bytes.
            assert_eq!(mpcheck::evaluate_json(&RULES, &raw).as_deref(), Ok(json.as_str()));
            serde_json::from_str::<serde_json::Value>(&json).expect("the report is valid JSON");
        }
        Err(e) => {
            assert!(!e.kind().is_empty());
            assert!(!e.to_string().is_empty());
        }
    }
});
