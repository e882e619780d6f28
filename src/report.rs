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
    Rule(u32),
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
    Rule(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Problem {
    pub from: ProblemFrom,
    pub certain: bool,
}

/// A slice of `Report::because` or `Report::problems`: every item's reasons live in one list,
/// so a report is a handful of allocations however many items it has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn of<T>(self, list: &[T]) -> &[T] {
        &list[self.start as usize..self.end as usize]
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// Starts a span at the end of `list`; `close` ends it there.
fn open<T>(list: &[T]) -> Span {
    let n = list.len() as u32;
    Span { start: n, end: n }
}

fn close<T>(mut span: Span, list: &[T]) -> Span {
    span.end = list.len() as u32;
    span
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    pub req: RIdx,
    pub status: Status,
    /// In `Report::because`.
    pub because: Span,
    pub settle: QSet,
    /// Set when the item is required as one alternative of a group: the rule and group.
    pub one_of: Option<(u32, u16)>,
    /// In `Report::problems`.
    pub problems: Span,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CheckItem {
    pub check: u16,
    pub certain: bool,
    /// In `Report::because`.
    pub because: Span,
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
    /// The reasons of all items and checklist items (see `Span`).
    pub because: Vec<Because>,
    pub problems: Vec<Problem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Event {
    NotAccepted,
    NotAcceptedMaybe,
    Required,
    OneOf(u32, u16),
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

#[inline(always)]
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
    // Room for a typical report, so that the lists rarely grow while it is built.
    let mut findings: Vec<Finding> = Vec::with_capacity(4 * rb.rules.len() + 16);
    let mut groups: Vec<(u32, u16, Outcome)> = Vec::new();
    let mut check_hits: Vec<(u16, Because, QSet, bool)> = Vec::with_capacity(32);

    for (ri, rule) in rb.rules.iter().enumerate() {
        let ri = ri as u32;
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
    // (Slices, not Vecs, are indexed below: at opt-level "z" a Vec index is a function call.)
    let mut start_v = vec![0u32; rb.requirements.len() + 1];
    let start: &mut [u32] = &mut start_v;
    for f in &findings {
        start[f.req as usize + 1] += 1;
    }
    let mut sum = 0;
    for s in start.iter_mut() {
        sum += *s;
        *s = sum;
    }
    let mut order_v = vec![0u32; findings.len()];
    let order: &mut [u32] = &mut order_v;
    let mut next_v = start.to_vec();
    let next: &mut [u32] = &mut next_v;
    for (i, f) in findings.iter().enumerate() {
        let slot = &mut next[f.req as usize];
        order[*slot as usize] = i as u32;
        *slot += 1;
    }
    let mut lists = Lists {
        because: Vec::with_capacity(findings.len() + 2 * rb.checks.len()),
        problems: Vec::with_capacity(16),
    };
    let mut items = Vec::with_capacity(findings.len().min(rb.requirements.len()));
    for w in start.windows(2) {
        let (a, b) = (w[0] as usize, w[1] as usize);
        if a == b {
            continue;
        }
        if let Some(item) = decide(rb, &state, &findings, &order[a..b], &mut lists) {
            items.push(item);
        }
    }
    let checklist = checklist(rb, &state, &check_hits, &mut lists);
    finish(rb, &state, items, checklist, lists)
}

/// The lists every item's spans point into.
#[derive(Default)]
struct Lists {
    because: Vec<Because>,
    problems: Vec<Problem>,
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

/// Which kinds of finding one requirement has (one bit per `Event` kind).
fn kinds(fs: impl Iterator<Item = Event>) -> u8 {
    fs.fold(0, |k, e| k | kind_bit(e))
}

#[inline(always)]
fn kind_bit(e: Event) -> u8 {
    1 << match e {
        Event::NotAccepted => 0,
        Event::NotAcceptedMaybe => 1,
        Event::Required => 2,
        Event::OneOf(..) => 3,
        Event::Possible => 4,
        Event::RuledOut => 5,
        Event::Unneeded => 6,
    }
}

const NOT_ACCEPTED: u8 = 1;
const NOT_ACCEPTED_MAYBE: u8 = 1 << 1;
const REQUIRED: u8 = 1 << 2;
const ONE_OF: u8 = 1 << 3;
const POSSIBLE: u8 = 1 << 4;
const RULED_OUT: u8 = 1 << 5;
const UNNEEDED: u8 = 1 << 6;

/// Groups one requirement's findings (`order` indexes `all`) into its status.
fn decide(
    rb: &RuleBase,
    state: &State,
    all: &[Finding],
    order: &[u32],
    lists: &mut Lists,
) -> Option<Item> {
    let fs = || order.iter().map(|&i| &all[i as usize]);
    let req = fs().next()?.req;
    let has = kinds(fs().map(|f| f.event));
    // The status, and which findings are its reasons.
    let (status, reasons) = if has & NOT_ACCEPTED != 0 {
        (Status::NotAccepted, NOT_ACCEPTED)
    } else if has & (REQUIRED | ONE_OF) != 0 {
        (Status::Required, REQUIRED | ONE_OF)
    } else if has & POSSIBLE != 0 {
        (Status::Possible, POSSIBLE)
    } else if has & RULED_OUT != 0 {
        (Status::NotNeeded, RULED_OUT)
    } else if has & UNNEEDED != 0 && has & NOT_ACCEPTED_MAYBE == 0 {
        (Status::NotNeeded, UNNEEDED)
    } else {
        return None;
    };
    let mut because = open(&lists.because);
    let mut settle = QSet::default();
    for f in fs().filter(|f| kind_bit(f.event) & reasons != 0) {
        lists.because.push(f.because);
        if status == Status::Possible {
            settle = settle.union(f.settle);
        }
    }
    because = close(because, &lists.because);
    // Required as one alternative of a group, unless also required directly.
    let one_of = if status == Status::Required && has & REQUIRED == 0 {
        fs().find_map(|f| match f.event {
            Event::OneOf(r, g) => Some((r, g)),
            _ => None,
        })
    } else {
        None
    };
    let mut problems = open(&lists.problems);
    if matches!(status, Status::Required | Status::Possible) {
        for f in fs().filter(|f| f.event == Event::NotAcceptedMaybe) {
            if let Decider::Rule(r) = f.because.by {
                lists.problems.push(Problem {
                    from: ProblemFrom::Rule(r),
                    certain: false,
                });
            }
        }
        // An uncertain problem with an item that is itself only possible says little: those
        // are left out, certain ones are always shown.
        let required = status == Status::Required;
        for (ei, e) in rb.requirements[req as usize].eligibility.iter().enumerate() {
            let o = state.eval(&e.when);
            if o.value == Tri::True || (required && o.value == Tri::Unknown) {
                lists.problems.push(Problem {
                    from: ProblemFrom::Eligibility(ei as u16),
                    certain: o.value == Tri::True,
                });
            }
        }
    }
    problems = close(problems, &lists.problems);
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
    hits: &[(u16, Because, QSet, bool)],
    lists: &mut Lists,
) -> Vec<CheckItem> {
    let mut out = Vec::new();
    for (ci, check) in rb.checks.iter().enumerate() {
        let ci = ci as u16;
        let mut because = open(&lists.because);
        let mut settle = QSet::default();
        let mut applies = check.always;
        let mut certain = check.always;
        if let Some(w) = &check.when {
            let o = state.eval(w);
            if o.value != Tri::False {
                applies = true;
                certain |= o.value == Tri::True;
                settle = settle.union(o.settle);
                if !o.why.is_empty() {
                    lists.because.push(Because {
                        by: Decider::Own,
                        answers: o.why,
                    });
                }
            }
        }
        for (_, b, s, c) in hits.iter().filter(|h| h.0 == ci) {
            applies = true;
            certain |= *c;
            settle = settle.union(*s);
            lists.because.push(*b);
        }
        because = close(because, &lists.because);
        if applies {
            out.push(CheckItem {
                check: ci,
                certain,
                because,
                settle: if certain { QSet::default() } else { settle },
            });
        } else {
            lists.because.truncate(because.start as usize);
        }
    }
    out
}

fn finish(
    rb: &RuleBase,
    state: &State,
    items: Vec<Item>,
    checklist: Vec<CheckItem>,
    lists: Lists,
) -> Report {
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
    let cited = lists
        .because
        .iter()
        .fold(QSet::default(), |s, b| s.union(b.answers));
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
        because: lists.because,
        problems: lists.problems,
    }
}
