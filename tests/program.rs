//! The compiled rule base (src/program.rs): each rule's words read back as its condition and
//! lists, and what the plan and eligibility read matches the requirements' records.

use mpcheck::eval::{State, Tri};
use mpcheck::program::{Program, CONFIRM, IN_GROUP, NONE};
use mpcheck::{Answers, RawAnswers, RULES};

/// The list at `at` (its length, then its entries) and the position after it.
fn list(code: &[u32], at: usize) -> (&[u32], usize) {
    let n = code[at] as usize;
    (&code[at + 1..at + 1 + n], at + 1 + n)
}

#[test]
fn every_rule_reads_back_as_its_condition_then_its_lists() {
    let rb = &*RULES;
    assert!(rb.rules.len() > 100, "the shipped rule base has its rules");
    let p = Program::compile(rb);
    assert_eq!(p.rule_at.len(), rb.rules.len());
    assert_eq!(p.rule_at[0], 0, "the first rule starts the code");
    let answers = Answers::resolve(rb, &RawAnswers::default()).expect("no answers are valid");
    let state = State::new(rb, &p, &answers);
    let mut o = Default::default();
    for (i, rule) in rb.rules.iter().enumerate() {
        // Running the condition stops exactly where the rule's lists start.
        let at = state.run(p.rule_at[i] as usize, &mut o);
        let code = &p.code;
        let grouped = |reqs: &[u32]| -> Vec<u32> {
            reqs.iter()
                .map(|&r| match rb.requirements[r as usize].group {
                    Some(_) => r | IN_GROUP,
                    None => r,
                })
                .collect()
        };
        let (require, at) = list(code, at);
        let mut want = grouped(&rule.require);
        want.extend(grouped(&rule.confirm).iter().map(|r| r | CONFIRM));
        assert_eq!(require, &want[..], "{}: require, then confirm", rule.id);
        let (not_accepted, at) = list(code, at);
        assert_eq!(not_accepted, &rule.not_accepted[..], "{}", rule.id);
        let (rule_out, at) = list(code, at);
        assert_eq!(rule_out, &rule.rule_out[..], "{}", rule.id);
        assert_eq!(code[at] as usize, rule.require_one_of.len(), "{}", rule.id);
        let (checklist, at) = list(code, at + 1);
        let want: Vec<u32> = rule.checklist.iter().map(|&c| u32::from(c)).collect();
        assert_eq!(checklist, &want[..], "{}: checklist", rule.id);
        let next = p.rule_at.get(i + 1).map_or(p.code.len(), |&n| n as usize);
        assert!(at <= next, "{}: its lists overrun the next rule", rule.id);
        if i + 1 < rb.rules.len() {
            assert_eq!(at, next, "{}: words left between rules", rule.id);
        }
    }
}

#[test]
fn the_other_conditions_and_the_plan_data_match_the_records() {
    let rb = &*RULES;
    let p = Program::compile(rb);
    for (q, at) in rb.questions.iter().zip(&p.ask_when) {
        assert_eq!(q.ask_when.is_some(), *at != NONE, "{}", q.id);
    }
    for (c, at) in rb.checks.iter().zip(&p.check_when) {
        assert_eq!(c.when.is_some(), *at != NONE, "{}", c.id);
    }
    let mut with_eligibility = 0;
    for (i, r) in rb.requirements.iter().enumerate() {
        let i = i as u32;
        assert_eq!(p.eligibility_of(i).len(), r.eligibility.len(), "{}", r.id);
        assert_eq!(p.prerequisites_of(i), &r.prerequisites[..], "{}", r.id);
        assert_eq!(
            p.lead_time[i as usize],
            r.lead_time.unwrap_or((0, 0)),
            "{}",
            r.id
        );
        assert_eq!(
            p.step_rank[i as usize] as usize,
            mpcheck::plan::step_rank(&r.step),
            "{}",
            r.id
        );
        with_eligibility += usize::from(!r.eligibility.is_empty());
    }
    assert!(
        with_eligibility > 0,
        "some requirement has eligibility conditions"
    );
}

#[test]
fn unanswered_conditions_are_unknown_or_decided_without_answers() {
    // With no answers, a rule's condition is unknown and names what would settle it, or is
    // decided without any answer (then it cites none).
    let rb = &*RULES;
    let p = Program::compile(rb);
    let answers = Answers::resolve(rb, &RawAnswers::default()).expect("no answers are valid");
    let state = State::new(rb, &p, &answers);
    let mut unknown = 0;
    for (i, &at) in p.rule_at.iter().enumerate() {
        let o = state.eval(at);
        match o.value {
            Tri::Unknown => {
                assert!(
                    !o.settle.is_empty(),
                    "{}: unknown, settled by nothing",
                    rb.rules[i].id
                );
                unknown += 1;
            }
            _ => assert!(
                o.why.is_empty(),
                "{}: decided by no answer, yet cites one",
                rb.rules[i].id
            ),
        }
    }
    assert!(unknown > rb.rules.len() / 2, "most rules wait for answers");
}

#[test]
fn a_program_knows_the_rule_base_it_was_compiled_from() {
    let p = Program::compile(&RULES);
    assert!(p.fits(&RULES));
    let empty = mpcheck::RuleBase::empty();
    assert!(!p.fits(&empty));
    let mut q = Program::default();
    q.prepare(&RULES);
    assert_eq!(q.code, p.code, "prepare compiles what compile does");
}

// ---- The compiled evaluation against a reference ------------------------------------------------
// A plain recursive evaluator over the expression trees, written from the semantics docs/api.md and
// src/eval.rs describe (not from the compiled code), and the compiled evaluator must agree with it
// on every rule, check, question and eligibility condition, for thousands of random answers
// (unanswered, "not sure", and every kind of value).

use mpcheck::answers::{Answer, RawValue};
use mpcheck::eval::{Outcome, QSet};
use mpcheck::model::{CmpOp, Expr, QKind, RuleBase};

struct Reference<'a> {
    answers: &'a Answers,
    asked: Vec<Outcome>,
}

fn known(value: bool, why: QSet) -> Outcome {
    let value = if value { Tri::True } else { Tri::False };
    Outcome {
        value,
        why,
        settle: QSet::default(),
    }
}

fn unknown(why: QSet, settle: QSet) -> Outcome {
    Outcome {
        value: Tri::Unknown,
        why,
        settle,
    }
}

impl<'a> Reference<'a> {
    fn new(rb: &'a RuleBase, answers: &'a Answers) -> Self {
        let mut r = Reference {
            answers,
            asked: Vec::new(),
        };
        for q in rb.questions.iter() {
            let o = q
                .ask_when
                .as_ref()
                .map_or(known(true, QSet::default()), |e| r.eval(e));
            r.asked.push(o);
        }
        r
    }

    fn eval(&self, e: &Expr) -> Outcome {
        match e {
            Expr::Const(b) => known(*b, QSet::default()),
            Expr::Not(c) => {
                let mut o = c
                    .first()
                    .map_or(known(true, QSet::default()), |x| self.eval(x));
                if c.is_empty() {
                    o.value = Tri::False;
                }
                o.value = match o.value {
                    Tri::True => Tri::False,
                    Tri::False => Tri::True,
                    Tri::Unknown => {
                        o.why = QSet::default();
                        Tri::Unknown
                    }
                };
                o
            }
            Expr::And(parts) => self.junction(parts, Tri::False),
            Expr::Or(parts) => self.junction(parts, Tri::True),
            Expr::Yes(q)
            | Expr::Is(q, _)
            | Expr::IsNot(q, _)
            | Expr::In(q, _)
            | Expr::Has(q, _)
            | Expr::HasAny(q, _)
            | Expr::Cmp(q, _, _) => self.atom(*q, e),
        }
    }

    fn junction(&self, parts: &[Expr], decisive: Tri) -> Outcome {
        let (mut known_why, mut why, mut settle, mut any_unknown) =
            (QSet::default(), QSet::default(), QSet::default(), false);
        for p in parts {
            let o = self.eval(p);
            if o.value == decisive {
                return o;
            }
            if o.value == Tri::Unknown {
                any_unknown = true;
                why = why.union(o.why);
                settle = settle.union(o.settle);
            } else {
                known_why = known_why.union(o.why);
            }
        }
        if !any_unknown {
            return known(decisive == Tri::False, known_why);
        }
        if decisive == Tri::False {
            why = why.union(known_why);
        }
        unknown(why, settle)
    }

    fn atom(&self, q: u16, e: &Expr) -> Outcome {
        let asked = self.asked[q as usize];
        if asked.value == Tri::False {
            return asked;
        }
        let me = QSet::one(q);
        let answer = match self.answers.values[q as usize].as_ref() {
            None | Some(Answer::NotSure) => None,
            Some(a) => Some(a),
        };
        let Some(a) = answer else {
            return match asked.value {
                Tri::True => unknown(QSet::default(), me),
                _ => unknown(asked.why, asked.settle.union(me)),
            };
        };
        let holds = match (e, a) {
            (Expr::Yes(_), Answer::Yes) => true,
            (Expr::Is(_, o), Answer::Opt(x)) => x == o,
            (Expr::IsNot(_, o), Answer::Opt(x)) => x != o,
            (Expr::In(_, os), Answer::Opt(x)) => os.contains(x),
            (Expr::Has(_, o), Answer::Set(s)) => s.contains(o),
            (Expr::HasAny(_, os), Answer::Set(s)) => os.iter().any(|o| s.contains(o)),
            (Expr::Cmp(_, op, c), Answer::Num(n)) => match op {
                CmpOp::Lt => n < c,
                CmpOp::Le => n <= c,
                CmpOp::Gt => n > c,
                CmpOp::Ge => n >= c,
                CmpOp::Eq => n == c,
                CmpOp::Ne => n != c,
            },
            _ => false,
        };
        match (holds, asked.value) {
            (false, _) => known(false, me),
            (true, Tri::True) => known(true, me),
            (true, _) => unknown(me.union(asked.why), asked.settle),
        }
    }
}

/// Random answers to every question of `rb` (seeded): a fifth unanswered, some "not sure", the
/// rest any value the question takes, numbers often on the thresholds conditions compare with.
fn random_answers(rb: &RuleBase, seed: &mut u64) -> RawAnswers {
    let mut next = |k: u64| {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed % k.max(1)
    };
    let mut pairs = Vec::new();
    for q in rb.questions.iter() {
        let roll = next(10);
        if roll < 2 {
            continue;
        }
        let value = if roll == 2 && q.not_sure {
            RawValue::Str("not_sure".into())
        } else {
            match q.kind {
                QKind::YesNo => RawValue::Bool(next(2) == 0),
                QKind::OneOf => RawValue::Str(
                    q.options[next(q.options.len() as u64) as usize]
                        .id
                        .to_string(),
                ),
                QKind::SeveralOf => RawValue::List(
                    (0..next(4))
                        .map(|_| {
                            q.options[next(q.options.len() as u64) as usize]
                                .id
                                .to_string()
                        })
                        .collect(),
                ),
                QKind::Number => {
                    let (lo, hi) = (q.min.unwrap_or(0.0), q.max.unwrap_or(1e6));
                    let pick = [
                        lo, hi, 0.0, 1.0, 10.0, 50.0, 100.0, 500.0, 1000.0, 5000.0, 10000.0,
                    ];
                    let n =
                        pick[next(pick.len() as u64) as usize] + [0.0, 0.5, -0.5][next(3) as usize];
                    RawValue::Num(n.clamp(lo, hi))
                }
            }
        };
        pairs.push((q.id.to_string(), value));
    }
    RawAnswers(pairs)
}

#[test]
fn compiled_conditions_evaluate_as_the_expressions_do() {
    let rb = &*RULES;
    let p = Program::compile(rb);
    let mut seed = 0x2545_f491_4f6c_dd1d;
    let mut outcomes = 0;
    for _ in 0..2000 {
        let raw = random_answers(rb, &mut seed);
        let answers = Answers::resolve(rb, &raw).expect("random answers are valid");
        let reference = Reference::new(rb, &answers);
        let state = State::new(rb, &p, &answers);
        assert_eq!(state.asked, reference.asked, "when questions are asked");
        let mut same = |at: u32, e: &Expr, what: &str| {
            assert_eq!(state.eval(at), reference.eval(e), "{what}, answers {raw:?}");
            outcomes += 1;
        };
        for (rule, &at) in rb.rules.iter().zip(&p.rule_at) {
            same(at, &rule.when, &rule.id);
        }
        for (check, &at) in rb.checks.iter().zip(&p.check_when) {
            if let Some(w) = &check.when {
                same(at, w, &check.id);
            }
        }
        for (i, r) in rb.requirements.iter().enumerate() {
            for (e, &at) in r.eligibility.iter().zip(p.eligibility_of(i as u32)) {
                same(at, &e.when, &r.id);
            }
        }
    }
    assert!(outcomes > 400_000, "{outcomes} outcomes compared");
}

/// Tests on questions of more than 64 options keep their own shapes (no option mask), and
/// evaluate as the expressions do.
/// Two questions of 70 options (one of, several of) and a rule testing them in each shape; then
/// `fillers` yes/no questions, each with a rule of its own.
#[cfg(feature = "loader")]
fn wide_rule_base(fillers: usize) -> RuleBase {
    use mpcheck::rulefile::{load, LoadOptions, SourceFile};
    let options: Vec<String> = (0..70)
        .map(|i| format!("{{ id = \"o{i}\", zh = \"o{i}\", en = \"o{i}\" }}"))
        .collect();
    let mut toml = String::from("[meta]\nversion = \"t\"\nreviewed = \"2026-11-28\"\n");
    for (id, kind) in [("one", "one_of"), ("many", "several_of")] {
        toml += &format!(
            "[[question]]\nid = \"{id}\"\nzh = \"{id}\"\nen = \"{id}\"\nkind = \"{kind}\"\noptions = [{}]\n",
            options.join(", ")
        );
    }
    let mut conditions = vec![
        "one == \"o65\"".to_string(),
        "one != \"o65\"".into(),
        "one in [\"o3\", \"o66\"]".into(),
        "many has \"o67\"".into(),
        "many has any [\"o1\", \"o68\"]".into(),
    ];
    for k in 0..fillers {
        toml +=
            &format!("[[question]]\nid = \"f{k}\"\nzh = \"f\"\nen = \"f\"\nkind = \"yes_no\"\n");
        conditions.push(format!("f{k}"));
    }
    for (i, when) in conditions.iter().enumerate() {
        toml += &format!(
            "[[requirement]]\nid = \"r{i}\"\nlayer = \"law\"\nkind = \"licence\"\nstep = \"licence\"\nzh = \"r\"\nen = \"r\"\ndifficulty = \"easy\"\nconfidence = \"unconfirmed\"\n\
             [[rule]]\nid = \"w{i}\"\nwhen = '{when}'\nrequire = [\"r{i}\"]\nzh = \"w\"\nen = \"w\"\nconfidence = \"unconfirmed\"\n"
        );
    }
    let files = [SourceFile {
        path: "wide.toml".into(),
        text: toml,
    }];
    load(&files, LoadOptions::BENCH).unwrap_or_else(|e| panic!("{e:?}"))
}

#[cfg(feature = "loader")]
#[test]
fn questions_of_more_than_64_options_are_tested_without_a_mask() {
    let rb = wide_rule_base(0);
    let p = Program::compile(&rb);
    // Both questions' tests read the answer itself (so a kept report never takes them as unchanged).
    assert_eq!(p.reads_answer, [true, true]);
    let shipped = Program::compile(&RULES);
    for (q, &reads) in RULES.questions.iter().zip(&shipped.reads_answer) {
        let wide = matches!(q.kind, QKind::OneOf | QKind::SeveralOf) && q.options.len() > 64;
        assert_eq!(reads, wide, "{}", q.id);
    }
    let mut seed = 7u64;
    for _ in 0..300 {
        let raw = random_answers(&rb, &mut seed);
        let answers = Answers::resolve(&rb, &raw).expect("random answers are valid");
        let reference = Reference::new(&rb, &answers);
        let state = State::new(&rb, &p, &answers);
        for (rule, &at) in rb.rules.iter().zip(&p.rule_at) {
            assert_eq!(
                state.eval(at),
                reference.eval(&rule.when),
                "{}: {raw:?}",
                rule.id
            );
        }
    }
    // And a known answer: o65 and o67 chosen.
    let raw = RawAnswers(vec![
        ("one".into(), RawValue::Str("o65".into())),
        (
            "many".into(),
            RawValue::List(vec!["o67".into(), "o2".into()]),
        ),
    ]);
    let answers = Answers::resolve(&rb, &raw).expect("valid answers");
    let state = State::new(&rb, &p, &answers);
    let values: Vec<Tri> = p.rule_at.iter().map(|&at| state.eval(at).value).collect();
    use Tri::{False as F, True as T};
    assert_eq!(values, [T, F, F, T, F]);
}

/// Answers as a user changes them: mostly one question at a time (a new value, or unanswered),
/// sometimes all at once; each report made in kept buffers (which reuse the outcomes of rules
/// whose questions did not change, src/report.rs `Memo`) equals the report made afresh.
fn kept_reports_equal_fresh_ones(rb: &RuleBase, steps: usize, mut seed: u64) -> usize {
    let mut scratch = mpcheck::report::Scratch::default();
    let mut report = mpcheck::report::Report::default();
    let mut raw = random_answers(rb, &mut seed);
    let mut items = 0;
    for step in 0..steps {
        let other = random_answers(rb, &mut seed);
        if step % 7 == 0 {
            raw = other;
        } else {
            // One question takes its value in `other` (or becomes unanswered).
            let q: &str = &rb.questions[(seed % rb.questions.len() as u64) as usize].id;
            raw.0.retain(|(id, _)| id.as_str() != q);
            raw.0
                .extend(other.0.into_iter().filter(|(id, _)| id.as_str() == q));
        }
        let answers = Answers::resolve(rb, &raw).expect("random answers are valid");
        mpcheck::report::evaluate_into(rb, &answers, &mut scratch, &mut report);
        assert_eq!(
            report,
            mpcheck::report::evaluate(rb, &answers),
            "step {step}: {raw:?}"
        );
        items += report.items.len();
    }
    items
}

#[test]
fn reports_made_in_kept_buffers_equal_reports_made_afresh() {
    let items = kept_reports_equal_fresh_ones(&RULES, 1500, 0x9e37_79b9_7f4a_7c15);
    assert!(items > 10_000, "{items} items compared");
}

#[cfg(feature = "loader")]
#[test]
fn kept_buffers_follow_changes_to_questions_of_more_than_64_options() {
    // Eight more questions, so that one changed answer is few enough for rules to keep outcomes.
    let rb = wide_rule_base(8);
    kept_reports_equal_fresh_ones(&rb, 600, 11);
    // A change between options past 63 alone, which no option mask shows.
    let mut scratch = mpcheck::report::Scratch::default();
    let mut report = mpcheck::report::Report::default();
    for option in ["o65", "o66", "o69", "o65"] {
        let mut pairs = vec![("one".to_string(), RawValue::Str(option.into()))];
        pairs.extend((0..8).map(|k| (format!("f{k}"), RawValue::Bool(k % 2 == 0))));
        let answers = Answers::resolve(&rb, &RawAnswers(pairs)).expect("valid answers");
        mpcheck::report::evaluate_into(&rb, &answers, &mut scratch, &mut report);
        assert_eq!(
            report,
            mpcheck::report::evaluate(&rb, &answers),
            "one = {option}"
        );
    }
}
