//! Answers → report: the status of every requirement considered, why, what is unsure,
//! the checklist, the questions worth asking next and the plan.

use crate::answers::{Answer, Answers};
use crate::eval::{Outcome, QSet, State, Tri};
use crate::model::{QIdx, RIdx, RuleBase};
use crate::plan::{plan, Plan};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Required,
    Possible,
    NotAccepted,
    NotNeeded,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Required => "required",
            Status::Possible => "possible",
            Status::NotAccepted => "not_accepted",
            Status::NotNeeded => "not_needed",
        }
    }
}

/// Who decided: a rule (by index), or the user picking the entry themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Decider {
    Rule(u16),
    Picked,
    /// The entry is not open to the user's entity type.
    Entity,
    /// The checklist item's own `when` condition.
    Own,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Because {
    pub by: Decider,
    pub answers: QSet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemFrom {
    Eligibility(u16),
    /// A `not_accepted` rule whose condition is unknown.
    Rule(u16),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Problem {
    pub from: ProblemFrom,
    pub certain: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub req: RIdx,
    pub status: Status,
    pub because: Vec<Because>,
    pub settle: QSet,
    /// Set when the item is required as one alternative of a group: the rule and group.
    pub one_of: Option<(u16, u16)>,
    pub problems: Vec<Problem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CheckItem {
    pub check: u16,
    pub certain: bool,
    pub because: Vec<Because>,
    pub settle: QSet,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub asked: Vec<QIdx>,
    pub next: Option<QIdx>,
    pub unsure: Vec<QIdx>,
    pub items: Vec<Item>,
    pub checklist: Vec<CheckItem>,
    /// Unanswered questions and how many open points each would settle, best first.
    pub next_questions: Vec<(QIdx, u32)>,
    pub plan: Plan,
    /// Every question whose answer is cited in a `because`.
    pub cited: QSet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Event {
    NotAccepted,
    NotAcceptedMaybe,
    Required,
    OneOf(u16, u16),
    Possible,
    RuledOut,
    Unneeded,
}

/// One finding about one requirement, collected from all rules then grouped.
#[derive(Clone, Copy, Debug)]
struct Finding {
    req: RIdx,
    event: Event,
    because: Because,
    settle: QSet,
}

fn find(findings: &mut Vec<Finding>, req: RIdx, event: Event, by: Decider, o: &Outcome) {
    findings.push(Finding {
        req,
        event,
        because: Because { by, answers: o.why },
        settle: o.settle,
    });
}

pub fn evaluate(rb: &RuleBase, answers: &Answers) -> Report {
    let state = State::new(rb, answers);
    let mut findings: Vec<Finding> = Vec::with_capacity(64);
    let mut groups: Vec<(u16, u16, Outcome)> = Vec::new();
    let mut check_hits: Vec<(u16, Because, QSet, bool)> = Vec::new();

    for (ri, rule) in rb.rules.iter().enumerate() {
        let ri = ri as u16;
        let o = state.eval(&rule.when);
        let by = Decider::Rule(ri);
        match o.value {
            Tri::True => {
                rule.require
                    .iter()
                    .for_each(|&r| find(&mut findings, r, Event::Required, by, &o));
                rule.not_accepted
                    .iter()
                    .for_each(|&r| find(&mut findings, r, Event::NotAccepted, by, &o));
                rule.rule_out
                    .iter()
                    .for_each(|&r| find(&mut findings, r, Event::RuledOut, by, &o));
            }
            Tri::Unknown => {
                rule.require
                    .iter()
                    .for_each(|&r| find(&mut findings, r, Event::Possible, by, &o));
                rule.not_accepted
                    .iter()
                    .for_each(|&r| find(&mut findings, r, Event::NotAcceptedMaybe, by, &o));
            }
            Tri::False => {
                for &r in rule.require.iter() {
                    if rb.requirements[r as usize].group.is_none() {
                        find(&mut findings, r, Event::Unneeded, by, &o);
                    }
                }
            }
        }
        if o.value != Tri::False {
            for gi in 0..rule.require_one_of.len() {
                groups.push((ri, gi as u16, o));
            }
            for &c in rule.checklist.iter() {
                let because = Because { by, answers: o.why };
                check_hits.push((c, because, o.settle, o.value == Tri::True));
            }
        }
    }
    picked_entries(rb, &state, &mut findings);

    // A group is met by any member already required; otherwise each member is an alternative.
    let directly: Vec<RIdx> = findings
        .iter()
        .filter(|f| f.event == Event::Required)
        .map(|f| f.req)
        .collect();
    for (ri, gi, o) in groups {
        let members = &rb.rules[ri as usize].require_one_of[gi as usize];
        if o.value == Tri::True && members.iter().any(|m| directly.contains(m)) {
            continue;
        }
        let event = if o.value == Tri::True {
            Event::OneOf(ri, gi)
        } else {
            Event::Possible
        };
        for &m in members.iter() {
            find(&mut findings, m, event, Decider::Rule(ri), &o);
        }
    }

    // Group by requirement in catalogue order, keeping rule order within each (counting sort:
    // linear, and no moving of the findings themselves).
    let mut start = vec![0u32; rb.requirements.len() + 1];
    for f in &findings {
        start[f.req as usize + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut order = vec![0u32; findings.len()];
    let mut next = start.clone();
    for (i, f) in findings.iter().enumerate() {
        order[next[f.req as usize] as usize] = i as u32;
        next[f.req as usize] += 1;
    }
    let mut items = Vec::new();
    let mut group: Vec<Finding> = Vec::new();
    for r in 0..rb.requirements.len() {
        let (a, b) = (start[r] as usize, start[r + 1] as usize);
        if a == b {
            continue;
        }
        group.clear();
        group.extend(order[a..b].iter().map(|&i| findings[i as usize]));
        if let Some(item) = decide(rb, &state, &group) {
            items.push(item);
        }
    }
    let checklist = checklist(rb, &state, check_hits);
    finish(rb, &state, items, checklist)
}

/// Catalogue entries the user picked directly (e.g. WeChat categories).
fn picked_entries(rb: &RuleBase, state: &State, findings: &mut Vec<Finding>) {
    let entity = rb.entity_question.and_then(|q| match state.answer(q) {
        Some(Answer::Opt(o)) => Some((q, *o)),
        _ => None,
    });
    for (qi, q) in rb.questions.iter().enumerate() {
        if q.options_from.is_none() || state.asked[qi].value == Tri::False {
            continue;
        }
        let Some(Answer::Set(chosen)) = state.answer(qi as QIdx) else {
            continue;
        };
        let me = QSet::one(qi as QIdx);
        for &o in chosen {
            let Some(r) = q.options[o as usize].requirement else {
                continue;
            };
            let entities = &rb.requirements[r as usize].entities;
            let picked = Outcome {
                value: Tri::True,
                why: me,
                settle: QSet::default(),
            };
            find(findings, r, Event::Required, Decider::Picked, &picked);
            match (entity, entities.is_empty()) {
                (_, true) => {}
                (Some((eq, e)), false) if !entities.contains(&e) => {
                    let o = Outcome {
                        value: Tri::True,
                        why: QSet::one(eq),
                        settle: QSet::default(),
                    };
                    find(findings, r, Event::NotAccepted, Decider::Entity, &o);
                }
                (Some(_), false) => {}
                (None, false) => {
                    if let Some(eq) = rb.entity_question {
                        let o = Outcome {
                            value: Tri::Unknown,
                            why: me,
                            settle: QSet::one(eq),
                        };
                        find(findings, r, Event::NotAcceptedMaybe, Decider::Entity, &o);
                    }
                }
            }
        }
    }
}

/// Groups one requirement's findings into its status.
fn decide(rb: &RuleBase, state: &State, fs: &[Finding]) -> Option<Item> {
    let of = |e: fn(&Event) -> bool| fs.iter().filter(move |f| e(&f.event));
    let because = |e: fn(&Event) -> bool| of(e).map(|f| f.because).collect::<Vec<_>>();
    let req = fs[0].req;
    let mut problems = Vec::new();
    let (status, because, settle, one_of) = if of(|e| *e == Event::NotAccepted).next().is_some() {
        (
            Status::NotAccepted,
            because(|e| *e == Event::NotAccepted),
            QSet::default(),
            None,
        )
    } else if of(|e| matches!(e, Event::Required | Event::OneOf(..)))
        .next()
        .is_some()
    {
        let direct = of(|e| *e == Event::Required).next().is_some();
        let one_of = if direct {
            None
        } else {
            of(|e| matches!(e, Event::OneOf(..))).find_map(|f| match f.event {
                Event::OneOf(r, g) => Some((r, g)),
                _ => None,
            })
        };
        (
            Status::Required,
            because(|e| matches!(e, Event::Required | Event::OneOf(..))),
            QSet::default(),
            one_of,
        )
    } else if of(|e| *e == Event::Possible).next().is_some() {
        let settle = of(|e| *e == Event::Possible).fold(QSet::default(), |s, f| s.union(f.settle));
        (
            Status::Possible,
            because(|e| *e == Event::Possible),
            settle,
            None,
        )
    } else if of(|e| *e == Event::RuledOut).next().is_some() {
        (
            Status::NotNeeded,
            because(|e| *e == Event::RuledOut),
            QSet::default(),
            None,
        )
    } else if of(|e| *e == Event::Unneeded).next().is_some()
        && of(|e| *e == Event::NotAcceptedMaybe).next().is_none()
    {
        (
            Status::NotNeeded,
            because(|e| *e == Event::Unneeded),
            QSet::default(),
            None,
        )
    } else {
        return None;
    };
    if matches!(status, Status::Required | Status::Possible) {
        for f in of(|e| *e == Event::NotAcceptedMaybe) {
            let from = match f.because.by {
                Decider::Rule(r) => ProblemFrom::Rule(r),
                _ => continue,
            };
            problems.push(Problem {
                from,
                certain: false,
            });
        }
        // An uncertain problem with an item that is itself only possible says little: those
        // are left out, certain ones are always shown.
        let required = status == Status::Required;
        for (ei, e) in rb.requirements[req as usize].eligibility.iter().enumerate() {
            let o = state.eval(&e.when);
            if o.value == Tri::True || (required && o.value == Tri::Unknown) {
                let from = ProblemFrom::Eligibility(ei as u16);
                problems.push(Problem {
                    from,
                    certain: o.value == Tri::True,
                });
            }
        }
    }
    Some(Item {
        req,
        status,
        because,
        settle,
        one_of,
        problems,
    })
}

fn checklist(
    rb: &RuleBase,
    state: &State,
    hits: Vec<(u16, Because, QSet, bool)>,
) -> Vec<CheckItem> {
    let mut out = Vec::new();
    for (ci, check) in rb.checks.iter().enumerate() {
        let ci = ci as u16;
        let mut item = CheckItem {
            check: ci,
            certain: false,
            because: Vec::new(),
            settle: QSet::default(),
        };
        let mut applies = check.always;
        item.certain = check.always;
        if let Some(w) = &check.when {
            let o = state.eval(w);
            if o.value != Tri::False {
                applies = true;
                item.certain |= o.value == Tri::True;
                item.settle = item.settle.union(o.settle);
                if !o.why.is_empty() {
                    item.because.push(Because {
                        by: Decider::Own,
                        answers: o.why,
                    });
                }
            }
        }
        for (_, because, settle, certain) in hits.iter().filter(|h| h.0 == ci) {
            applies = true;
            item.certain |= *certain;
            item.settle = item.settle.union(*settle);
            item.because.push(*because);
        }
        if applies {
            if item.certain {
                item.settle = QSet::default();
            }
            out.push(item);
        }
    }
    out
}

fn finish(rb: &RuleBase, state: &State, items: Vec<Item>, checklist: Vec<CheckItem>) -> Report {
    let mut asked = Vec::new();
    let mut next = None;
    let mut unsure = Vec::new();
    for (qi, o) in state.asked.iter().enumerate() {
        let q = qi as QIdx;
        if o.value != Tri::True {
            continue;
        }
        asked.push(q);
        match state.answer(q) {
            None if next.is_none() => next = Some(q),
            Some(Answer::NotSure) => unsure.push(q),
            _ => {}
        }
    }
    let mut counts = vec![0u32; rb.questions.len()];
    let mut count = |s: &QSet| s.iter().for_each(|q| counts[q as usize] += 1);
    items
        .iter()
        .filter(|i| i.status == Status::Possible)
        .for_each(|i| count(&i.settle));
    checklist
        .iter()
        .filter(|c| !c.certain)
        .for_each(|c| count(&c.settle));
    let mut next_questions: Vec<(QIdx, u32)> = counts
        .iter()
        .enumerate()
        .filter(|(qi, n)| {
            let open = matches!(state.answer(*qi as QIdx), None | Some(Answer::NotSure));
            **n > 0 && open && state.asked[*qi].value != Tri::False
        })
        .map(|(qi, n)| (qi as QIdx, *n))
        .collect();
    next_questions.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut cited = QSet::default();
    for b in items
        .iter()
        .flat_map(|i| &i.because)
        .chain(checklist.iter().flat_map(|c| &c.because))
    {
        cited = cited.union(b.answers);
    }
    let plan = plan(rb, &items);
    Report {
        asked,
        next,
        unsure,
        items,
        checklist,
        next_questions,
        plan,
        cited,
    }
}
