//! The compiled rule base (src/program.rs): each rule's words read back as its condition and
//! lists, and what the plan and eligibility read matches the requirements' records.

use mpcheck::eval::{State, Tri};
use mpcheck::program::{Program, IN_GROUP, NONE};
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
        let (require, at) = list(code, at);
        let want: Vec<u32> = rule
            .require
            .iter()
            .map(|&r| match rb.requirements[r as usize].group {
                Some(_) => r | IN_GROUP,
                None => r,
            })
            .collect();
        assert_eq!(require, &want[..], "{}: require", rule.id);
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
        assert_eq!(
            p.flags[i as usize] != 0,
            !r.eligibility.is_empty(),
            "{}",
            r.id
        );
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
