//! The report as numbers, which www/engine.js `buildReport` turns into the object `engine::out`
//! describes, with the ids of `names` (a constant of the rule base, which JS asks for once). Not
//! serde-wasm-bindgen: a call into JS per object, field and string took 360 µs a report (README).

use serde::Serialize;

use crate::engine::answers::{Answer, Answers};
use crate::engine::eval::QSet;
use crate::engine::report::{Because, Decider, ProblemFrom, Report};
use crate::model::RuleBase;

/// Absent (no next question, no eligibility entry, no rule, no group).
const NONE: u32 = u32::MAX;

/// Every id a report names, by index, and per requirement its layer and step.
#[derive(Serialize)]
pub struct Names<'a> {
    version: &'a str,
    questions: Vec<&'a str>,
    options: Vec<Vec<&'a str>>,
    requirements: Vec<&'a str>,
    layers: Vec<&'static str>,
    steps: Vec<&'a str>,
    rules: Vec<&'a str>,
    checks: Vec<&'a str>,
}

pub fn names(rb: &RuleBase) -> Names<'_> {
    let reqs = &rb.requirements;
    Names {
        version: &rb.version,
        questions: rb.questions.iter().map(|q| &*q.id).collect(),
        options: rb
            .questions
            .iter()
            .map(|q| q.options.iter().map(|o| &*o.id).collect())
            .collect(),
        requirements: reqs.iter().map(|r| &*r.id).collect(),
        layers: reqs.iter().map(|r| r.layer.name()).collect(),
        steps: reqs.iter().map(|r| &*r.step).collect(),
        rules: rb.rules.iter().map(|r| &*r.id).collect(),
        checks: rb.checks.iter().map(|c| &*c.id).collect(),
    }
}

/// Words appended to a tape.
struct Tape(Vec<u32>);

impl Tape {
    /// Its length, then the items. (`set` has its own loop: sets are many, and it is faster.)
    fn list(&mut self, items: impl Iterator<Item = u32>) {
        let at = self.0.len();
        self.0.push(0);
        self.0.extend(items);
        self.0[at] = (self.0.len() - at - 1) as u32;
    }
    fn set(&mut self, s: &QSet) {
        self.0.push(s.len() as u32);
        for q in s.iter() {
            self.0.push(q.into());
        }
    }
    fn because(&mut self, list: &[Because]) {
        self.0.push(list.len() as u32);
        for b in list {
            self.0.push(match b.by {
                Decider::Rule(r) => r,
                Decider::Picked => NONE - 1,
                Decider::Entity => NONE - 2,
                Decider::Own => NONE - 3,
            });
            self.set(&b.answers);
        }
    }
}

/// The report, in the order `buildReport` reads it.
pub fn tape(rb: &RuleBase, r: &Report, answers: &Answers) -> Vec<u32> {
    let room = 16 * (4 + r.items.len() + r.checklist.len()); // about ten words an item
    let mut t = Tape(Vec::with_capacity(room));
    t.list(r.asked.iter().map(|&q| q.into()));
    t.0.push(r.next.map_or(NONE, u32::from));
    t.list(r.unsure.iter().map(|&q| q.into()));
    t.0.push(r.items.len() as u32);
    let rules = &rb.rules;
    for item in &r.items {
        t.0.extend([item.req, item.status as u32]);
        t.because(item.because.of(&r.because));
        t.set(&item.settle);
        match item.one_of {
            Some((i, g)) => t.list(rules[i as usize].require_one_of[g as usize].iter().copied()),
            None => t.0.push(NONE),
        }
        let all = item.problems.of(&r.problems);
        let problems = || all.iter().filter(|p| !p.met);
        t.0.push(problems().count() as u32);
        for p in problems() {
            let req = &rb.requirements[item.req as usize];
            let (e, rule, blocks) = match p.from {
                ProblemFrom::Eligibility(e) => (e.into(), NONE, req.eligibility[e as usize].blocks),
                ProblemFrom::Rule(i) => (NONE, i, true),
            };
            t.0.extend([e, rule, blocks.into(), p.certain.into()]);
            t.set(&p.answers);
            t.set(&p.settle);
        }
        t.list(all.iter().filter_map(|p| match (p.met, p.from) {
            (true, ProblemFrom::Eligibility(e)) => Some(u32::from(e)),
            _ => None,
        }));
        t.0.push(item.held.into());
    }
    t.0.push(r.checklist.len() as u32);
    for c in &r.checklist {
        t.0.extend([u32::from(c.check), u32::from(c.certain)]);
        t.because(c.because.of(&r.because));
        t.set(&c.settle);
    }
    t.0.push(r.next_questions.len() as u32);
    for &(q, n) in &r.next_questions {
        t.0.extend([q.into(), n]);
    }
    t.0.push(r.plan.steps.len() as u32);
    for s in &r.plan.steps {
        t.0.extend([s.req, s.start.0, s.start.1, s.finish.0, s.finish.1]);
        // Its own lead time, or NONE twice: unknown.
        match rb.requirements[s.req as usize].lead_time {
            Some((a, b)) => t.0.extend([u32::from(a), u32::from(b)]),
            None => t.0.extend([NONE, NONE]),
        }
    }
    t.0.extend([r.plan.total.0, r.plan.total.1]);
    t.0.push(r.cited.len() as u32);
    for q in r.cited.iter() {
        t.0.push(q.into());
        match answers.values[q as usize].as_ref() {
            None => t.0.push(0),
            Some(Answer::Yes) => t.0.push(1),
            Some(Answer::No) => t.0.push(2),
            Some(Answer::NotSure) => t.0.push(3),
            Some(Answer::Opt(o)) => t.0.extend([4, (*o).into()]),
            Some(Answer::Set(s)) => {
                t.0.push(5);
                t.list(s.iter().map(|&o| o.into()));
            }
            Some(Answer::Num(n)) => {
                let bits = n.to_bits();
                t.0.extend([6, bits as u32, (bits >> 32) as u32]);
            }
        }
    }
    t.0
}
