//! Arbitrary answers against the shipped rule base. The input is read as JSON (with
//! `answers_json`, the reader the wasm adapter uses) when it starts like JSON; otherwise the bytes
//! are decoded into answers biased towards real question and option ids, so the fuzzer reaches
//! deep into the evaluation rather than stopping at "unknown question".
#![no_main]
use libfuzzer_sys::fuzz_target;
use mpcheck::answers::{RawAnswers, RawValue};
use mpcheck::answers_json::parse_answers;
use mpcheck::report::{Report, Scratch};
use mpcheck::tape::Tape;
use mpcheck::{Answers, EngineError, Lang, RULES};
use std::cell::RefCell;

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
    let text = std::str::from_utf8(data)
        .ok()
        .filter(|t| t.trim_start().starts_with('{'));
    let raw = match text.map(|t| parse_answers(t, |n| n.parse().ok())) {
        Some(Ok(raw)) => raw,
        Some(Err(e)) => {
            // JSON the reader refused: the error is typed, and a limit error says by how much.
            if let EngineError::LimitExceeded { limit, actual, .. } = &e {
                assert!(actual > limit);
            }
            assert!(!e.to_string().is_empty());
            return;
        }
        None => decode(data),
    };
    let lang = if data.len() % 2 == 0 {
        Lang::Zh
    } else {
        Lang::En
    };
    match mpcheck::evaluate_json(&RULES, &raw, lang) {
        Ok(json) => {
            assert!(
                json.starts_with("{\"version\":"),
                "{}",
                &json[..json.len().min(80)]
            );
            // Deterministic: the same answers give the same bytes.
            assert_eq!(
                mpcheck::evaluate_json(&RULES, &raw, lang).as_deref(),
                Ok(json.as_str())
            );
            serde_json::from_str::<serde_json::Value>(&json).expect("the report is valid JSON");
        }
        Err(e) => {
            assert!(!e.kind().is_empty());
            assert!(!e.to_string().is_empty());
        }
    }
    // As the wasm adapter works: buffers, a compiled rule base and a tape kept across calls. A
    // report made in them equals one made afresh, and the tape (which numbers the sets and
    // entries it has sent, across all the inputs of the run) is written without a panic.
    if let Ok(answers) = Answers::resolve(&RULES, &raw) {
        KEPT.with(|kept| {
            let (scratch, report, tape, base) = &mut *kept.borrow_mut();
            if base.is_empty() {
                *base = mpcheck::tape::eligibility_base(&RULES);
            }
            mpcheck::report::evaluate_into(&RULES, &answers, scratch, report);
            assert_eq!(*report, mpcheck::report::evaluate(&RULES, &answers));
            mpcheck::tape::report_tape(&RULES, report, &answers, base, tape);
            assert!(tape.as_slice().len() > 4);
        });
    }
});

type Kept = (Scratch, Report, Tape, Vec<u32>);

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::new(Default::default());
}
