//! Pasted rejection message → likely causes, best first.
//!
//! The text is folded (`normalise`), then every cause is scored by the evidence found:
//! its weighted phrases, its error codes (as whole tokens), and the rule numbers the message
//! cites — 《常见拒绝情形》 numbers in current WeChat notices, 《运营规范》 numbers in
//! violation notices. App names, dates and device versions match no phrase, so they add
//! nothing. Time is linear in the length of the text.

use crate::engine::error::EngineError;
use crate::model::RuleBase;
use crate::normalise::fold;

/// Longest text accepted, in bytes (UTF-8).
pub const MAX_TEXT: usize = 64 * 1024;
/// A cause needs at least this much evidence to be reported.
pub const MIN_SCORE: u32 = 2;

const CODE_WEIGHT: u32 = 12;
const SECTION_EXACT: u32 = 8;
const SECTION_NEAR: u32 = 4;

#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub cause: u16,
    pub score: u32,
    /// What was found: phrases, codes, cited rule numbers.
    pub evidence: Vec<String>,
    /// Byte offset of the first evidence (earlier wins a tie).
    pub first: usize,
}

/// Line breaks as platforms paste them: `<br>` tags and literal `\n`.
fn unbreak(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['<', '\\']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let lower = rest
            .get(..6)
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let skip = if rest.starts_with("\\n") {
            2
        } else if lower.starts_with("<br>") {
            4
        } else if lower.starts_with("<br/>") {
            5
        } else if lower.starts_with("<br />") {
            6
        } else {
            out.push_str(&rest[..1]);
            rest = &rest[1..];
            continue;
        };
        out.push('\n');
        rest = &rest[skip..];
    }
    out.push_str(rest);
    out
}

/// Rule numbers like `3.4` or `5.7.1` at the start of `s` (after optional spaces, `-`, `第`).
fn numbers_near(s: &str, window: usize) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().take(window).collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
                j += 1;
            }
            let n: String = chars[i..j]
                .iter()
                .collect::<String>()
                .trim_end_matches('.')
                .to_string();
            if n.contains('.') {
                out.push(n);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The rule numbers a message cites: (常见拒绝情形, 运营规范).
fn cited_sections(text: &str) -> (Vec<String>, Vec<String>) {
    let mut rej = Vec::new();
    let mut ops = Vec::new();
    for (i, _) in text.match_indices("拒绝情形") {
        rej.extend(numbers_near(&text[i + "拒绝情形".len()..], 12));
    }
    for (i, _) in text.match_indices("运营规范") {
        let after = &text[i + "运营规范".len()..];
        if after
            .trim_start_matches(['》', ' '])
            .starts_with("常见拒绝")
        {
            continue;
        }
        ops.extend(numbers_near(after, 40));
    }
    // Each number once, in order of first citation: every cause is scored against these lists,
    // so a text repeating a citation thousands of times must not multiply that work.
    (first_of_each(rej), first_of_each(ops))
}

/// The first copy of each string, in their order, at most `MAX_CITED` of them: a message cites a
/// handful of rule numbers, and a text repeating numbers thousands of times must not multiply the
/// work (each is compared with at most `MAX_CITED` kept ones).
fn first_of_each(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in v {
        if out.len() < MAX_CITED && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

const MAX_CITED: usize = 32;

/// `code` appears in `text` as a whole token.
fn has_token(text: &str, code: &str) -> Option<usize> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    text.match_indices(code).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + code.len()..].chars().next();
        !word(before) && !word(after)
    })
}

fn section_score(cited: &[String], own: &[impl AsRef<str>]) -> Option<(u32, String)> {
    let mut best: Option<(u32, String)> = None;
    for c in cited {
        for s in own {
            let s = s.as_ref();
            let score = if c == s || c.starts_with(&format!("{s}.")) {
                SECTION_EXACT
            } else if s.starts_with(&format!("{c}.")) {
                SECTION_NEAR
            } else {
                continue;
            };
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, c.clone()));
            }
        }
    }
    best
}

pub fn diagnose(rb: &RuleBase, text: &str) -> Result<Vec<Match>, EngineError> {
    if text.len() > MAX_TEXT {
        return Err(EngineError::LimitExceeded {
            what: "text".into(),
            limit: MAX_TEXT,
            actual: text.len(),
        });
    }
    let text = fold(&unbreak(text), &rb.normalise);
    let (rej, ops) = cited_sections(&text);
    let mut out = Vec::new();
    for (ci, cause) in rb.causes.iter().enumerate() {
        let mut m = Match {
            cause: ci as u16,
            score: 0,
            evidence: Vec::new(),
            first: usize::MAX,
        };
        for (p, w) in cause.patterns.iter() {
            if let Some(i) = text.find(p.as_ref()) {
                m.score += u32::from(*w);
                m.first = m.first.min(i);
                m.evidence.push(p.to_string());
            }
        }
        for code in cause.codes.iter() {
            if let Some(i) = has_token(&text, code) {
                m.score += CODE_WEIGHT;
                m.first = m.first.min(i);
                m.evidence.push(code.to_string());
            }
        }
        for (cited, own, label) in [
            (&rej, &cause.rej_sections, "常见拒绝情形 "),
            (&ops, &cause.ops_sections, "运营规范 "),
        ] {
            if let Some((score, n)) = section_score(cited, own) {
                m.score += score;
                m.evidence.push(format!("{label}{n}"));
            }
        }
        if m.score >= MIN_SCORE {
            out.push(m);
        }
    }
    crate::engine::sort_small::sort_small_by(&mut out, |a, b| {
        (b.score, a.first, a.cause) < (a.score, b.first, b.cause)
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unbreak_turns_tags_and_escapes_into_newlines() {
        assert_eq!(unbreak("a<br>b<BR/>c\\nd<b>"), "a\nb\nc\nd<b>");
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            first_of_each(v(&["3.4", "1", "3.4", "2", "1"])),
            v(&["3.4", "1", "2"])
        );
        assert_eq!(first_of_each(v(&[])), v(&[]));
    }

    #[test]
    fn finds_cited_rule_numbers_in_both_numberings() {
        let (rej, ops) = cited_sections("违反《微信小程序平台运营规范常见拒绝情形3.4》");
        assert_eq!(rej, vec!["3.4"]);
        assert!(ops.is_empty());
        let (_, ops) = cited_sections("违反《微信小程序平台运营规范》5.行为规范-5.7类目不符行为");
        assert_eq!(ops, vec!["5.7"]);
    }

    #[test]
    fn codes_match_whole_tokens_only() {
        assert!(has_token("errcode\":86369,", "86369").is_some());
        assert!(has_token("1863690", "86369").is_none());
    }
}
