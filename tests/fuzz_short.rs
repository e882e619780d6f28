//! The short fuzz of the normal test run: a deterministic generator (xorshift, fixed seeds) feeds
//! tens of thousands of hostile inputs to the condition parser, the rule-file reader, `evaluate`
//! and `diagnose` in a few seconds. Every call must return (no panic), every error must be typed
//! and placed, and after every error a known-good evaluation and diagnosis must still give the
//! same output as before. The long, coverage-guided run is `scripts/fuzz.sh --long` (cargo-fuzz).
//! Set MPCHECK_FUZZ_SCALE=N to run N times as many inputs.

mod common;

use mpcheck::engine::answers::{RawAnswers, RawValue};
use mpcheck::engine::diagnose::MAX_TEXT;
use mpcheck::expr_parse::parse;
use mpcheck::RULES;

/// xorshift64* — small, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn scale() -> usize {
    std::env::var("MPCHECK_FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

/// Characters that tend to break parsers: syntax of TOML, JSON and conditions, controls,
/// the edges of Unicode (the highest scalar, private use, BOM, RTL override, zero-width),
/// CJK and full-width forms that the normaliser folds.
const NASTY: &[char] = &[
    '"',
    '\'',
    '\\',
    '[',
    ']',
    '{',
    '}',
    '=',
    ',',
    '.',
    '#',
    '\n',
    '\r',
    '\t',
    '\0',
    ' ',
    '<',
    '>',
    '!',
    '(',
    ')',
    '-',
    '_',
    'a',
    'z',
    '0',
    '9',
    '\u{7f}',
    '\u{85}',
    '\u{a0}',
    '\u{200b}',
    '\u{202e}',
    '\u{feff}',
    '\u{fffd}',
    '\u{e000}',
    '\u{10ffff}',
    '\u{1f600}',
    '\u{301}',
    '审',
    '錄',
    '１',
    '：',
    '《',
    '》',
    '第',
    '条',
];

fn random_text(rng: &mut Rng, max_chars: usize) -> String {
    let n = rng.below(max_chars + 1);
    (0..n).map(|_| *rng.pick(NASTY)).collect()
}

/// A random edit of `s`, always on char boundaries.
fn mutate(rng: &mut Rng, s: &str, splice: &[&str]) -> String {
    let mut out = s.to_string();
    for _ in 0..1 + rng.below(4) {
        let bounds: Vec<usize> = out
            .char_indices()
            .map(|(i, _)| i)
            .chain([out.len()])
            .collect();
        let a = *rng.pick(&bounds);
        let b = *rng.pick(&bounds);
        let (a, b) = (a.min(b), a.max(b));
        match rng.below(7) {
            0 => out.replace_range(a..b, ""),
            1 => out.insert(a, *rng.pick(NASTY)),
            2 => {
                let piece = out[a..b].to_string();
                out.insert_str(a, &piece);
            }
            3 => out.replace_range(a..b, &random_text(rng, 8)),
            4 => out.insert_str(a, splice[rng.below(splice.len())]),
            5 => out.truncate(a),
            _ => {
                if let Some(c) = out[a..].chars().next() {
                    let flipped = char::from_u32(u32::from(c) ^ (1 << rng.below(8))).unwrap_or('x');
                    out.replace_range(a..a + c.len_utf8(), &flipped.to_string());
                }
            }
        }
    }
    out
}

fn rule_texts() -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut stack = vec![common::root().join("rules")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir)
            .expect("rules/ is readable")
            .flatten()
        {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "toml") {
                let text = std::fs::read_to_string(&p).expect("a rule file is UTF-8");
                files.push((p.display().to_string(), text));
            }
        }
    }
    files.sort();
    files
}

/// Every `when`/`ask_when` condition written in the rule files.
fn real_conditions() -> Vec<String> {
    let mut out = Vec::new();
    for (_, text) in rule_texts() {
        for line in text.lines() {
            let line = line.trim_start();
            let Some(rest) = line
                .strip_prefix("when = ")
                .or_else(|| line.strip_prefix("ask_when = "))
            else {
                continue;
            };
            let q = rest.chars().next().unwrap_or(' ');
            if q == '\'' || q == '"' {
                if let Some(end) = rest[1..].find(q) {
                    out.push(rest[1..1 + end].to_string());
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A known-good call and its output, taken before the hostile inputs and checked after every
/// error. The native engine keeps no state between calls, and a debug-build evaluation of the
/// whole shipped rule base takes milliseconds, so after every error the cheap parts are compared
/// (the resolved answers and the diagnosis) and the full report every `FULL_EVERY` errors and at
/// the end. (The wasm module, which does keep state, is checked after every error by
/// tests/node/hostile.test.mjs.)
struct Known {
    answers: RawAnswers,
    resolved: mpcheck::Answers,
    report: String,
    text: &'static str,
    causes: String,
    errors: std::cell::Cell<usize>,
}

const FULL_EVERY: usize = 250;

impl Known {
    fn new() -> Known {
        let answers = RawAnswers(vec![
            ("platform".into(), RawValue::Str("wechat".into())),
            ("product".into(), RawValue::Str("mini_program".into())),
            ("entity".into(), RawValue::Str("company".into())),
            ("sells".into(), RawValue::List(vec!["own_goods".into()])),
            ("goods".into(), RawValue::List(vec!["general".into()])),
        ]);
        let resolved = mpcheck::Answers::resolve(&RULES, &answers).expect("known answers");
        let report = mpcheck::evaluate_json(&RULES, &answers).expect("known answers");
        assert!(
            report.contains("\"required\""),
            "the known report requires something"
        );
        let text =
            "你好，你的小程序涉及视频服务，属个人主体小程序未开放类目，建议申请企业主体小程序。";
        let causes = mpcheck::diagnose_json(&RULES, text).expect("known text");
        assert_ne!(causes, "[]", "the known text is recognised");
        Known {
            answers,
            resolved,
            report,
            text,
            causes,
            errors: std::cell::Cell::new(0),
        }
    }
    fn still_good(&self, after: &str) {
        let n = self.errors.get() + 1;
        self.errors.set(n);
        let resolved = mpcheck::Answers::resolve(&RULES, &self.answers);
        assert_eq!(
            resolved.as_ref(),
            Ok(&self.resolved),
            "answers resolve differently after {after}"
        );
        let causes = mpcheck::diagnose_json(&RULES, self.text);
        assert_eq!(
            causes.as_deref(),
            Ok(self.causes.as_str()),
            "diagnose changed after {after}"
        );
        if n % FULL_EVERY == 0 {
            self.full(after);
        }
    }
    fn full(&self, after: &str) {
        let report = mpcheck::evaluate_json(&RULES, &self.answers);
        assert_eq!(
            report.as_deref(),
            Ok(self.report.as_str()),
            "evaluate changed after {after}"
        );
    }
}

impl Drop for Known {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            self.full("the last input");
        }
    }
}

fn short(s: &str) -> String {
    let cut: String = s.chars().take(120).collect();
    format!("{cut:?}")
}

// ---------------------------------------------------------------------------------------------
// Conditions

const COND_TOKENS: &[&str] = &[
    " and ",
    " or ",
    "not ",
    "(",
    ")",
    "[",
    "]",
    ",",
    " == ",
    " != ",
    " < ",
    " <= ",
    " > ",
    " >= ",
    " in ",
    " has ",
    " has any ",
    "true",
    "false",
    "\"",
    "\"x\"",
    "\"中文\"",
    "0",
    "-1",
    "1.5",
    "1e5",
    "1.2.3",
    "99999999999999999999999999",
    "-",
    "=",
    "!",
    "q",
    "platform",
    "entity",
    "sells",
    "capital",
    "_",
    "a_b1",
    "\u{10ffff}",
    "\\",
];

#[test]
fn hostile_conditions_parse_or_fail_with_a_position() {
    let real = real_conditions();
    assert!(
        real.len() > 50,
        "only {} conditions found in rules/",
        real.len()
    );
    let splice: Vec<&str> = COND_TOKENS.to_vec();
    let mut rng = Rng::new(1);
    let (mut ok, mut errors) = (0, 0);
    let mut check = |src: &str| match parse(src) {
        Ok(_) => ok += 1,
        Err(e) => {
            errors += 1;
            assert!(
                e.offset <= src.len(),
                "offset {} past the end of {}",
                e.offset,
                short(src)
            );
            assert!(
                src.is_char_boundary(e.offset),
                "offset inside a character: {}",
                short(src)
            );
            assert!(!e.message.is_empty());
        }
    };
    for c in &real {
        check(c);
    }
    for _ in 0..12_000 * scale() {
        let src = if rng.chance(2) {
            {
                let k = rng.below(real.len());
                mutate(&mut rng, &real[k], &splice)
            }
        } else {
            (0..rng.below(30)).map(|_| *rng.pick(COND_TOKENS)).collect()
        };
        check(&src);
    }
    // Nesting far past the limit, by every construct that nests: refused, not a stack overflow.
    for n in [63, 64, 65, 1_000, 100_000] {
        check(&format!("{}q{}", "(".repeat(n), ")".repeat(n)));
        check(&format!("{}q", "not ".repeat(n)));
        check(&format!("{}q", "not (".repeat(n)));
    }
    // Very long flat conditions are fine (no recursion per term).
    check(&vec!["q"; 50_000].join(" and "));
    check(&vec!["q"; 50_000].join(" or "));
    check(&format!("q in [{}]", vec!["\"a\""; 50_000].join(",")));
    assert!(
        ok > 100 && errors > 1_000,
        "ok {ok}, errors {errors}: the generator is too tame"
    );
    // The real conditions all parse.
    for c in &real {
        assert!(
            parse(c).is_ok(),
            "a condition in rules/ does not parse: {c}"
        );
    }
    for n in [64, 65, 100_000] {
        let deep = format!("{}q{}", "(".repeat(n), ")".repeat(n));
        let e = parse(&deep).expect_err("too deep");
        assert!(e.message.contains("deep"), "{}", e.message);
    }
}

// ---------------------------------------------------------------------------------------------
// Rule files

#[cfg(feature = "loader")]
#[test]
fn mutated_rule_files_load_or_give_placed_errors() {
    use mpcheck::rulefile::{load, LoadOptions};

    let known = Known::new();
    let root = common::root();
    let read = |p: &str| std::fs::read_to_string(root.join(p)).expect("readable");
    let fixture = read("tests/fixtures/engine.toml");
    let base = read("tests/broken/_base.toml");
    let meta = read("rules/meta.toml");
    let questions = read("rules/questions.toml");
    // Bases to mutate: valid small bases, and the real rule files cut into record-sized pieces
    // behind the real questions (so most references resolve and the checker goes deep).
    let mut seeds = vec![fixture.clone(), base.clone()];
    for (_, text) in rule_texts() {
        let mut piece = String::new();
        for rec in text.split("\n[[") {
            if piece.len() + rec.len() > 6_000 && !piece.is_empty() {
                seeds.push(format!("{meta}\n{questions}\n[[{piece}"));
                piece.clear();
            }
            piece.push_str(rec);
            piece.push_str("\n[[");
        }
    }
    assert!(
        load(&[sf(&fixture)], LoadOptions::STRICT).is_ok(),
        "the fixture loads"
    );
    let lines_of: Vec<Vec<&str>> = seeds.iter().map(|s| s.lines().collect()).collect();
    let splice: Vec<&str> = vec![
        "[[question]]\n",
        "[[rule]]\nid = \"r\"\nwhen = 'true'\nrequire = [\"licence\"]\nzh = \"x\"\nen = \"x\"\n",
        "[[requirement]]\n",
        "id = \"\"\n",
        "when = '(((('\n",
        "kind = \"number\"\n",
        "options_from = \"cat\"\n",
        "lead_time = [60, 20]\n",
        "lead_time = [-1, 99999999999]\n",
        "prerequisites = [\"licence\", \"licence\"]\n",
        "x = { a = { b = { c = [[[[1]]]] } } }\n",
        "\"\"\"",
        "'''",
        "[meta]\n",
        "= = =\n",
    ];
    let mut rng = Rng::new(2);
    let (mut loaded, mut refused) = (0, 0);
    for i in 0..1_000 * scale() {
        let k = rng.below(seeds.len());
        let text = if rng.chance(4) {
            // Mild: a valid base with comments and blank lines added and records swapped; these
            // mostly still load, so the evaluation of loaded bases is exercised too.
            let valid = if rng.chance(2) { &fixture } else { &base };
            let mut records: Vec<String> = valid.split("\n[[").map(str::to_string).collect();
            for _ in 0..rng.below(3) {
                let (a, b) = (
                    1 + rng.below(records.len() - 1),
                    1 + rng.below(records.len() - 1),
                );
                records.swap(a, b);
            }
            let mut lines: Vec<String> = records.join("\n[[").lines().map(str::to_string).collect();
            for _ in 0..rng.below(4) {
                let at = rng.below(lines.len() + 1);
                let extra = if rng.chance(2) {
                    "# 注释 \u{10ffff}"
                } else {
                    ""
                };
                lines.insert(at, extra.to_string());
            }
            lines.join("\n")
        } else if rng.chance(2) {
            // Line-level: delete, duplicate, shuffle a block of lines.
            let mut lines = lines_of[k].clone();
            for _ in 0..1 + rng.below(4) {
                let n = lines.len().max(1);
                let a = rng.below(n);
                let b = (a + 1 + rng.below(8)).min(lines.len());
                match rng.below(3) {
                    0 if a < lines.len() => {
                        lines.drain(a..b);
                    }
                    1 if a < lines.len() => {
                        let copy: Vec<&str> = lines[a..b].to_vec();
                        let at = rng.below(lines.len() + 1);
                        lines.splice(at..at, copy);
                    }
                    _ if b > a + 1 => {
                        let len = b - a;
                        for j in 0..len {
                            let r = a + rng.below(len);
                            lines.swap(a + j, r);
                        }
                    }
                    _ => {}
                }
            }
            lines.join("\n")
        } else {
            mutate(&mut rng, &seeds[k], &splice)
        };
        let opts = if rng.chance(2) {
            LoadOptions::STRICT
        } else {
            LoadOptions::BENCH
        };
        let nlines = text.matches('\n').count() + 1;
        let file = sf(&text);
        match load(std::slice::from_ref(&file), opts) {
            Ok(rb) => {
                loaded += 1;
                // A base that loads must evaluate (no answers, and every question "not sure").
                let json = mpcheck::evaluate_json(&rb, &RawAnswers::default())
                    .expect("empty answers evaluate");
                assert!(json.starts_with("{\"version\":"));
                let unsure = RawAnswers(
                    rb.questions
                        .iter()
                        .filter(|q| q.not_sure)
                        .map(|q| (q.id.to_string(), RawValue::Str("not_sure".into())))
                        .collect(),
                );
                mpcheck::evaluate_json(&rb, &unsure).expect("not_sure evaluates");
            }
            Err(errors) => {
                refused += 1;
                assert!(!errors.is_empty());
                for e in &errors {
                    assert_eq!(e.path, "mutated.toml");
                    assert!(
                        e.line >= 1 && e.line <= nlines && e.col >= 1,
                        "input {i}: {e} is outside the file ({nlines} lines)"
                    );
                    assert!(!e.kind.is_empty() && !e.message.is_empty(), "{e:?}");
                }
                known.still_good(&format!("rule file {i}"));
            }
        }
    }
    assert!(
        loaded > 20 && refused > 300,
        "loaded {loaded}, refused {refused}"
    );
}

#[cfg(feature = "loader")]
fn sf(text: &str) -> mpcheck::rulefile::SourceFile {
    mpcheck::rulefile::SourceFile {
        path: "mutated.toml".into(),
        text: text.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Answers

#[test]
fn hostile_rejection_text_is_diagnosed_or_refused() {
    let known = Known::new();
    let mut texts: Vec<String> = Vec::new();
    for (_, table) in common::toml_files("tests/diagnose") {
        for case in common::tables(table.get("case")) {
            if let Some(t) = case.get("text").and_then(|v| v.as_str()) {
                texts.push(t.to_string());
            }
        }
    }
    assert!(texts.len() > 30, "only {} rejection messages", texts.len());
    let splice = [
        "<br>",
        "<BR />",
        "\\n",
        "\\",
        "<",
        "拒绝情形",
        "运营规范",
        "常见拒绝情形3.4",
        "运营规范》5.7.1.",
        "1.1.1.1.1.1.1.1",
        "86369",
        "第",
        "\u{10ffff}",
        "\u{feff}",
        "審核",
        "ＡＢＣ１２３",
    ];
    let mut rng = Rng::new(4);
    let (mut found, mut refused) = (0, 0);
    let mut check = |text: &str, what: &str| match mpcheck::diagnose_json(&RULES, text) {
        Ok(json) => {
            assert!(
                text.len() <= MAX_TEXT,
                "{what}: {} bytes accepted",
                text.len()
            );
            if json != "[]" {
                found += 1;
            }
            assert!(json.starts_with('[') && json.ends_with(']'));
        }
        Err(e) => {
            refused += 1;
            assert_eq!(e.kind(), "limit_exceeded", "{what}: {e}");
            assert!(
                text.len() > MAX_TEXT,
                "{what}: refused at {} bytes",
                text.len()
            );
            known.still_good(what);
        }
    };
    for i in 0..6_000 * scale() {
        let text = match rng.below(4) {
            0 => random_text(&mut rng, 200),
            _ => {
                let k = rng.below(texts.len());
                mutate(&mut rng, &texts[k], &splice)
            }
        };
        check(&text, &format!("text {i}"));
    }
    // Huge repeats up to the limit and just over it.
    let units: Vec<&str> = splice
        .iter()
        .copied()
        .chain(texts.iter().take(3).map(String::as_str))
        .collect();
    for (k, unit) in units.iter().enumerate() {
        let n = MAX_TEXT / unit.len();
        check(&unit.repeat(n), &format!("repeat {k}"));
        check(&unit.repeat(n + 1), &format!("repeat over {k}"));
    }
    check(&"a".repeat(MAX_TEXT), "exactly the limit");
    check(&"a".repeat(MAX_TEXT + 1), "one byte over");
    assert!(
        found > 1_000 && refused >= 2,
        "found {found}, refused {refused}"
    );
}
