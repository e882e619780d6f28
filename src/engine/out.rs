//! What leaves the engine: the report and the diagnosis as ids, statuses and the user's own
//! values, never texts (docs/api.md). Plain serde types: the wasm adapter hands them to JS with
//! serde-wasm-bindgen, native callers to any serde format.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde::Serialize as Derive;

use crate::engine::answers::{Answer, Answers};
use crate::engine::diagnose::Match;
use crate::engine::eval::QSet;
use crate::engine::report::{self as r, Decider, ProblemFrom};
use crate::model::RuleBase;

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
    pub asked: Vec<&'a str>,
    pub next: Option<&'a str>,
    pub unsure: Vec<&'a str>,
}

#[derive(Derive)]
pub struct Item<'a> {
    pub id: &'a str,
    pub layer: &'static str,
    pub status: &'static str,
    pub because: Vec<Because<'a>>,
    pub settle: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<&'a str>>,
    pub problems: Vec<Problem<'a>>,
}

#[derive(Derive)]
pub struct Because<'a> {
    /// A rule id, or `picked` (the user chose the category), `entity` (not open to their entity
    /// type), `when` (a checklist item's own condition).
    pub rule: &'a str,
    pub answers: Vec<&'a str>,
}

/// An eligibility entry of the item's requirement that holds (or may), by its index in the
/// catalogue's `eligibility` list; or a `not_accepted` rule whose condition is unknown.
#[derive(Derive)]
pub struct Problem<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'a str>,
    pub blocks: bool,
    pub certain: bool,
    /// The questions whose answers the condition compared (their values are in `answers`).
    pub answers: Vec<&'a str>,
}

#[derive(Derive)]
pub struct CheckItem<'a> {
    pub id: &'a str,
    pub status: &'static str,
    pub because: Vec<Because<'a>>,
    pub settle: Vec<&'a str>,
}

#[derive(Derive)]
pub struct Next<'a> {
    pub id: &'a str,
    pub settles: u32,
}

#[derive(Derive)]
pub struct Plan<'a> {
    pub steps: Vec<Step<'a>>,
    pub total: [u32; 2],
}

#[derive(Derive)]
pub struct Step<'a> {
    pub id: &'a str,
    pub step: &'a str,
    pub start: [u32; 2],
    pub finish: [u32; 2],
}

/// One answer as the user gave it: true/false, an option id or "not_sure", option ids, a number.
#[derive(Derive)]
#[serde(untagged)]
pub enum Value<'a> {
    Bool(bool),
    Text(&'a str),
    List(Vec<&'a str>),
    Num(f64),
}

/// Question id → answer (null: unanswered), in question order.
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

/// A likely rejection cause: its id, how strong the evidence is, and the phrases, codes and rule
/// numbers found in the text.
#[derive(Derive)]
pub struct Cause<'a> {
    pub id: &'a str,
    pub score: u32,
    pub matched: Vec<String>,
}

fn pair((a, b): (u32, u32)) -> [u32; 2] {
    [a, b]
}

/// The report `r` of `answers` on `rb`, in ids.
pub fn report<'a>(rb: &'a RuleBase, r: &r::Report, answers: &Answers) -> Report<'a> {
    let qid = |q: &u16| &*rb.questions[*q as usize].id;
    let qids = |s: &QSet| s.iter().map(|q| &*rb.questions[q as usize].id).collect();
    let because = |list: &[r::Because]| {
        list.iter()
            .map(|b| Because {
                rule: match b.by {
                    Decider::Rule(i) => &rb.rules[i as usize].id,
                    Decider::Picked => "picked",
                    Decider::Entity => "entity",
                    Decider::Own => "when",
                },
                answers: qids(&b.answers),
            })
            .collect()
    };
    let requirements = r
        .items
        .iter()
        .map(|item| {
            let req = &rb.requirements[item.req as usize];
            let problems = item
                .problems
                .of(&r.problems)
                .iter()
                .map(|p| {
                    let (eligibility, rule, blocks) = match p.from {
                        ProblemFrom::Eligibility(e) => {
                            (Some(e), None, req.eligibility[e as usize].blocks)
                        }
                        ProblemFrom::Rule(i) => (None, Some(&*rb.rules[i as usize].id), true),
                    };
                    Problem {
                        eligibility,
                        rule,
                        blocks,
                        certain: p.certain,
                        answers: qids(&p.answers),
                    }
                })
                .collect();
            Item {
                id: &req.id,
                layer: req.layer.name(),
                status: item.status.name(),
                because: because(item.because.of(&r.because)),
                settle: qids(&item.settle),
                one_of: item.one_of.map(|(ri, g)| {
                    let members = &rb.rules[ri as usize].require_one_of[g as usize];
                    members
                        .iter()
                        .map(|m| &*rb.requirements[*m as usize].id)
                        .collect()
                }),
                problems,
            }
        })
        .collect();
    let checklist = r
        .checklist
        .iter()
        .map(|c| CheckItem {
            id: &rb.checks[c.check as usize].id,
            status: if c.certain { "required" } else { "possible" },
            because: because(c.because.of(&r.because)),
            settle: qids(&c.settle),
        })
        .collect();
    let value = |q: u16| -> Option<Value<'a>> {
        let question = &rb.questions[q as usize];
        let opt = |o: &u16| &*question.options[*o as usize].id;
        Some(match answers.values[q as usize].as_ref()? {
            Answer::Yes => Value::Bool(true),
            Answer::No => Value::Bool(false),
            Answer::NotSure => Value::Text("not_sure"),
            Answer::Opt(o) => Value::Text(opt(o)),
            Answer::Set(s) => Value::List(s.iter().map(opt).collect()),
            Answer::Num(n) => Value::Num(*n),
        })
    };
    Report {
        version: &rb.version,
        flow: Flow {
            asked: r.asked.iter().map(qid).collect(),
            next: r.next.as_ref().map(qid),
            unsure: r.unsure.iter().map(qid).collect(),
        },
        requirements,
        checklist,
        next_questions: r
            .next_questions
            .iter()
            .map(|(q, n)| Next {
                id: qid(q),
                settles: *n,
            })
            .collect(),
        plan: Plan {
            steps: r
                .plan
                .steps
                .iter()
                .map(|s| {
                    let req = &rb.requirements[s.req as usize];
                    Step {
                        id: &req.id,
                        step: &req.step,
                        start: pair(s.start),
                        finish: pair(s.finish),
                    }
                })
                .collect(),
            total: pair(r.plan.total),
        },
        answers: Cited(r.cited.iter().map(|q| (qid(&q), value(q))).collect()),
    }
}

/// The causes `diagnose` found, best first, in ids.
pub fn causes<'a>(rb: &'a RuleBase, matches: Vec<Match>) -> Vec<Cause<'a>> {
    matches
        .into_iter()
        .map(|m| Cause {
            id: &rb.causes[m.cause as usize].id,
            score: m.score,
            matched: m.evidence,
        })
        .collect()
}
