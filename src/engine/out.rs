//! What leaves the engine: the report and the diagnosis as ids, statuses and the user's own
//! values, never texts (docs/api.md). Plain serde types: the wasm adapter hands them to JS with
//! serde-wasm-bindgen, native callers to any serde format.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde::Serialize as Derive;

use crate::engine::answers::{Answer, Answers};
use crate::engine::diagnose::Match;
use crate::engine::eval::QSet;
use crate::engine::report::{self as r, Decider, ProblemFrom};
use crate::model::{QIdx, RuleBase};

type Ids<'a> = Vec<&'a str>;
type Pair = [u32; 2];

#[derive(Derive)]
pub struct Report<'a> {
    pub version: &'a str,
    pub flow: Flow<'a>,
    pub requirements: Vec<Item<'a>>,
    pub checklist: Vec<CheckItem<'a>>,
    pub next_questions: Vec<Next<'a>>,
    pub plan: Plan<'a>,
    /// Every answer cited by a `because` or a problem, by question id, as given (null: unanswered).
    pub answers: Cited<'a>,
}

#[derive(Derive)]
pub struct Flow<'a> {
    pub asked: Ids<'a>,
    pub next: Option<&'a str>,
    pub unsure: Ids<'a>,
}

#[derive(Derive)]
pub struct Item<'a> {
    pub id: &'a str,
    pub layer: &'static str,
    pub status: &'static str,
    pub because: Vec<Because<'a>>,
    pub settle: Ids<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Ids<'a>>,
    pub problems: Vec<Problem<'a>>,
    /// The eligibility conditions (indexes into the catalogue's `eligibility`) that these
    /// answers meet, each of its answers given; their values are in `Report::answers`.
    pub met: Vec<u16>,
    /// The operator already holds it (the requirement's `held_when`): done, not in the plan.
    pub held: bool,
}

/// `rule`: a rule id, or `picked` (the user chose the category), `entity` (not open to their
/// entity type), `when` (a checklist item's own condition).
#[derive(Derive)]
pub struct Because<'a> {
    pub rule: &'a str,
    pub answers: Ids<'a>,
}

/// An eligibility entry of the item's requirement that holds (or may), by its index in the
/// catalogue's `eligibility` list; or a `not_accepted` rule whose condition is unknown. `answers`:
/// the questions whose answers the condition compared (their values are in `Report::answers`).
#[derive(Derive)]
pub struct Problem<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'a str>,
    pub blocks: bool,
    pub certain: bool,
    pub answers: Ids<'a>,
    /// Not certain: the unanswered questions that would settle it (empty when certain).
    pub settle: Ids<'a>,
}

#[derive(Derive)]
pub struct CheckItem<'a> {
    pub id: &'a str,
    pub status: &'static str,
    pub because: Vec<Because<'a>>,
    pub settle: Ids<'a>,
}

#[derive(Derive)]
pub struct Next<'a> {
    pub id: &'a str,
    pub settles: u32,
}

#[derive(Derive)]
pub struct Plan<'a> {
    pub steps: Vec<Step<'a>>,
    /// Working days, min and max, counting only the steps whose lead time is known: with any
    /// in `unknown`, the plan takes at least this long.
    pub total: Pair,
    /// The steps whose lead time is unknown (counted as 0 in `start`, `finish` and `total`).
    pub unknown: Ids<'a>,
}

#[derive(Derive)]
pub struct Step<'a> {
    pub id: &'a str,
    pub step: &'a str,
    pub start: Pair,
    pub finish: Pair,
    /// Its own lead time in working days; `None` (null): unknown.
    pub lead_time: Option<Pair>,
}

/// One answer as the user gave it: true/false, an option id or "not_sure", option ids, a number.
#[derive(Derive)]
#[serde(untagged)]
pub enum Value<'a> {
    Bool(bool),
    Text(&'a str),
    List(Ids<'a>),
    Num(f64),
}

/// Question id → answer (null: unanswered), in question order (a map without a map's code).
pub struct Cited<'a>(pub Vec<(&'a str, Option<Value<'a>>)>);

impl Serialize for Cited<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// A likely rejection cause: its id, the strength of the evidence, and the evidence found (phrases,
/// codes, rule numbers).
#[derive(Derive)]
pub struct Cause<'a> {
    pub id: &'a str,
    pub score: u32,
    pub matched: Vec<String>,
}

/// The report `r` of `answers` on `rb`, in ids.
pub fn report<'a>(rb: &'a RuleBase, r: &r::Report, answers: &Answers) -> Report<'a> {
    let qid = |q: QIdx| &*rb.questions[q as usize].id;
    let qids = |s: &QSet| s.iter().map(qid).collect();
    let because = |list: &[r::Because]| -> Vec<Because<'a>> {
        let rule = |by| match by {
            Decider::Rule(i) => &*rb.rules[i as usize].id,
            Decider::Picked => "picked",
            Decider::Entity => "entity",
            Decider::Own => "when",
        };
        let answers = |b: &r::Because| qids(&b.answers);
        list.iter()
            .map(|b| Because {
                rule: rule(b.by),
                answers: answers(b),
            })
            .collect()
    };
    let item = |item: &r::Item| {
        let req = &rb.requirements[item.req as usize];
        let problem = |p: &r::Problem| {
            let (eligibility, rule, blocks) = match p.from {
                ProblemFrom::Eligibility(e) => (Some(e), None, req.eligibility[e as usize].blocks),
                ProblemFrom::Rule(i) => (None, Some(&*rb.rules[i as usize].id), true),
            };
            let (certain, answers) = (p.certain, qids(&p.answers));
            Problem {
                eligibility,
                rule,
                blocks,
                certain,
                answers,
                settle: qids(&p.settle),
            }
        };
        let one_of = item.one_of.map(|(ri, g)| {
            let members = &rb.rules[ri as usize].require_one_of[g as usize];
            members
                .iter()
                .map(|m| &*rb.requirements[*m as usize].id)
                .collect()
        });
        let problems = item.problems.of(&r.problems);
        Item {
            id: &req.id,
            layer: req.layer.name(),
            status: item.status.name(),
            because: because(item.because.of(&r.because)),
            settle: qids(&item.settle),
            one_of,
            problems: problems.iter().filter(|p| !p.met).map(problem).collect(),
            met: problems
                .iter()
                .filter_map(|p| match (p.met, p.from) {
                    (true, ProblemFrom::Eligibility(e)) => Some(e),
                    _ => None,
                })
                .collect(),
            held: item.held,
        }
    };
    let check = |c: &r::CheckItem| CheckItem {
        id: &rb.checks[c.check as usize].id,
        status: if c.certain { "required" } else { "possible" },
        because: because(c.because.of(&r.because)),
        settle: qids(&c.settle),
    };
    let value = |q: QIdx| {
        let opt = |o: &u16| &*rb.questions[q as usize].options[*o as usize].id;
        Some(match answers.values[q as usize].as_ref()? {
            Answer::Yes => Value::Bool(true),
            Answer::No => Value::Bool(false),
            Answer::NotSure => Value::Text("not_sure"),
            Answer::Opt(o) => Value::Text(opt(o)),
            Answer::Set(s) => Value::List(s.iter().map(opt).collect()),
            Answer::Num(n) => Value::Num(*n),
        })
    };
    let step = |s: &crate::engine::plan::Step| {
        let req = &rb.requirements[s.req as usize];
        let (start, finish) = ([s.start.0, s.start.1], [s.finish.0, s.finish.1]);
        Step {
            id: &req.id,
            step: &req.step,
            start,
            finish,
            lead_time: req.lead_time.map(|(a, b)| [a.into(), b.into()]),
        }
    };
    Report {
        version: &rb.version,
        flow: Flow {
            asked: r.asked.iter().map(|&q| qid(q)).collect(),
            next: r.next.map(qid),
            unsure: r.unsure.iter().map(|&q| qid(q)).collect(),
        },
        requirements: r.items.iter().map(item).collect(),
        checklist: r.checklist.iter().map(check).collect(),
        next_questions: r
            .next_questions
            .iter()
            .map(|&(q, settles)| Next {
                id: qid(q),
                settles,
            })
            .collect(),
        plan: Plan {
            steps: r.plan.steps.iter().map(step).collect(),
            total: [r.plan.total.0, r.plan.total.1],
            unknown: r
                .plan
                .steps
                .iter()
                .map(|s| &rb.requirements[s.req as usize])
                .filter(|req| req.lead_time.is_none())
                .map(|req| &*req.id)
                .collect(),
        },
        answers: Cited(r.cited.iter().map(|q| (qid(q), value(q))).collect()),
    }
}

/// The causes `diagnose` found, best first, in ids.
pub fn causes(rb: &RuleBase, matches: Vec<Match>) -> Vec<Cause<'_>> {
    let cause = |m: Match| Cause {
        id: &rb.causes[m.cause as usize].id,
        score: m.score,
        matched: m.evidence,
    };
    matches.into_iter().map(cause).collect()
}
