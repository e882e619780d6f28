//! Answers → report: the status of every requirement considered, why, what is unsure,
//! the checklist, the questions worth asking next and the plan.

use crate::engine::answers::{Answer, Answers};
use crate::engine::eval::{Outcome, QSet, State, Tri};
use crate::engine::plan::Plan;
use crate::engine::program::{Program, CONFIRM, INDEX, IN_GROUP, NONE};
use crate::model::{QIdx, RIdx, RuleBase};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Required,
    Possible,
    NotAccepted,
    NotNeeded,
    /// A `confirm` rule holds (and nothing requires it or rules it out as not accepted).
    NeedsConfirming,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Required => "required",
            Status::Possible => "possible",
            Status::NotAccepted => "not_accepted",
            Status::NotNeeded => "not_needed",
            Status::NeedsConfirming => "needs_confirming",
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
    /// An eligibility condition that is met (its answers all given): listed in the report's
    /// `met`, not as a problem.
    pub met: bool,
    /// Not certain: the unanswered questions that would settle it.
    pub settle: QSet,
    /// The questions whose answers decided it.
    pub answers: QSet,
}

/// A slice of `Report::because` or `Report::problems`: every item's reasons live in one list,
/// so a report is a handful of allocations however many items it has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    #[inline(always)]
    pub fn of<T>(self, list: &[T]) -> &[T] {
        &list[self.start as usize..self.end as usize]
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
    /// The operator already holds it (`held_when`): done, not a plan step, no problems.
    pub held: bool,
    /// A required item whether the operator holds it is not known yet: the questions that
    /// would tell (they count as open points for `next_questions`).
    pub held_settle: QSet,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CheckItem {
    pub check: u16,
    pub certain: bool,
    /// In `Report::because`.
    pub because: Span,
    pub settle: QSet,
}

#[derive(Clone, Debug, Default, PartialEq)]
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
    Confirm,
    Possible,
    RuledOut,
    Unneeded,
}

/// One finding about one requirement, collected from all rules then grouped.
#[derive(Clone, Copy, Debug)]
struct Finding {
    event: Event,
    because: Because,
    settle: QSet,
    /// 1 + the requirement's next finding in `Findings::all` (0: none).
    next: u32,
}

/// Per requirement: 1 + its first and last finding in `Findings::all` (0: none).
#[derive(Clone, Copy, Default)]
struct Ends {
    first: u32,
    last: u32,
}

/// Every finding, with each requirement's findings linked in the order they were found, and
/// a bit per requirement that has any. Reading the bits in order visits the requirements in
/// catalogue order without sorting the findings or scanning every requirement.
struct Findings {
    all: Vec<Finding>,
    ends: Vec<Ends>,
    touched: Vec<u64>,
}

impl Findings {
    /// Empty, with a link slot and a bit for every requirement of `rb`.
    fn new(rb: &RuleBase) -> Findings {
        let n = rb.requirements.len();
        Findings {
            // Room for a typical report, so that the list rarely grows while it is built.
            all: Vec::with_capacity(rb.rules.len() * 2 + 16),
            ends: vec![Ends::default(); n],
            touched: vec![0; n / 64 + 1],
        }
    }

    #[inline(always)]
    fn add(&mut self, req: RIdx, event: Event, by: Decider, o: &Outcome) {
        let at = self.all.len() as u32 + 1;
        self.all.push(Finding {
            event,
            because: Because { by, answers: o.why },
            settle: o.settle,
            next: 0,
        });
        // Slices, not the Vecs, are indexed: at opt-level "z" a Vec index is a call.
        let ends: &mut [Ends] = &mut self.ends;
        let e = &mut ends[req as usize];
        if e.first == 0 {
            e.first = at;
            let touched: &mut [u64] = &mut self.touched;
            touched[req as usize / 64] |= 1 << (req % 64);
        } else {
            let all: &mut [Finding] = &mut self.all;
            all[e.last as usize - 1].next = at;
        }
        e.last = at;
    }

    /// Each of `reqs` with `event` and the same reasons (a rule's `require` list marks group
    /// members with `IN_GROUP` and `confirm`'s with `CONFIRM`, which are not part of the index).
    /// Not inlined: it is called for every outcome list, and `add` is inlined into it.
    #[inline(never)]
    fn add_all(&mut self, reqs: &[RIdx], event: Event, by: Decider, o: &Outcome) {
        for &r in reqs {
            // A `confirm` entry of a `require` list holds: it needs confirming.
            let event = match event {
                Event::Required if r & CONFIRM != 0 => Event::Confirm,
                e => e,
            };
            self.add(r & INDEX, event, by, o);
        }
    }

    /// Whether `req` has a finding with this event.
    fn has(&self, req: RIdx, event: Event) -> bool {
        let all: &[Finding] = &self.all;
        let ends: &[Ends] = &self.ends;
        let mut i = ends[req as usize].first;
        while i != 0 {
            let f = &all[i as usize - 1];
            if f.event == event {
                return true;
            }
            i = f.next;
        }
        false
    }
}

/// Answers → report, a pure function: the same answers give the same report, whatever was asked
/// before. The shipped rule base's compiled form is made once (`rulebase::PROGRAM`, a constant
/// derived from the rule base); any other is compiled for the call.
pub fn evaluate(rb: &RuleBase, answers: &Answers) -> Report {
    if std::ptr::eq(rb, &*crate::RULES) {
        evaluate_compiled(rb, &crate::engine::rulebase::PROGRAM, answers)
    } else {
        evaluate_compiled(rb, &Program::compile(rb), answers)
    }
}

/// `evaluate` with `rb` compiled beforehand (`Program::compile(rb)`).
pub fn evaluate_compiled(rb: &RuleBase, program: &Program, answers: &Answers) -> Report {
    let state = State::new(rb, program, answers);
    let mut findings = Findings::new(rb);
    let mut groups = Vec::new();
    let mut check_hits = Vec::new();

    // Each rule is its condition and then its outcome lists, rule after rule (src/program.rs).
    let code: &[u32] = &program.code;
    let mut pc = 0;
    let mut o = Outcome::default();
    for ri in 0..rb.rules.len() as u32 {
        pc = state.run(pc, &mut o);
        let (require, at) = words(code, pc);
        let (not_accepted, at) = words(code, at);
        let (rule_out, at) = words(code, at);
        let group_count = code[at];
        let (checklist, at) = words(code, at + 1);
        pc = at;
        let by = Decider::Rule(ri);
        match o.value {
            Tri::True => {
                findings.add_all(require, Event::Required, by, &o);
                findings.add_all(not_accepted, Event::NotAccepted, by, &o);
                findings.add_all(rule_out, Event::RuledOut, by, &o);
            }
            Tri::Unknown => {
                findings.add_all(require, Event::Possible, by, &o);
                findings.add_all(not_accepted, Event::NotAcceptedMaybe, by, &o);
            }
            Tri::False => {
                // A group's member is not ruled out by one rule that does not need it.
                for &r in require {
                    if r & IN_GROUP == 0 {
                        findings.add(r & INDEX, Event::Unneeded, by, &o);
                    }
                }
            }
        }
        if o.value != Tri::False {
            for gi in 0..group_count {
                groups.push((ri, gi as u16, o));
            }
            for &c in checklist {
                check_hits.push(Hit {
                    check: c as u16,
                    because: Because { by, answers: o.why },
                    settle: o.settle,
                    certain: o.value == Tri::True,
                    next: 0,
                });
            }
        }
    }
    picked_entries(rb, &state, &mut findings);

    // A group is met by any member already required; otherwise each member is an alternative.
    for &(ri, gi, o) in groups.iter() {
        let members: &[RIdx] = &rb.rules[ri as usize].require_one_of[gi as usize];
        if o.value == Tri::True && members.iter().any(|&m| findings.has(m, Event::Required)) {
            continue;
        }
        let event = if o.value == Tri::True {
            Event::OneOf(ri, gi)
        } else {
            Event::Possible
        };
        findings.add_all(members, event, Decider::Rule(ri), &o);
    }

    let mut lists = Lists {
        because: Vec::with_capacity(findings.all.len() + 2 * rb.checks.len()),
        problems: Vec::new(),
    };
    let mut items = Vec::with_capacity(findings.all.len().min(rb.requirements.len()));
    // Per question: how many requirements its answer could still change (see `open_questions`).
    let mut counts = vec![0; rb.questions.len()];
    // Requirements in catalogue order: the set bits of `touched`, lowest first.
    let touched: &[u64] = &findings.touched;
    let ends: &[Ends] = &findings.ends;
    for (wi, &word) in touched.iter().enumerate() {
        let mut w = word;
        while w != 0 {
            let req = (wi * 64) as RIdx + w.trailing_zeros();
            w &= w - 1;
            let first = ends[req as usize].first;
            let item = decide(program, &state, &findings.all, req, first, &mut lists);
            let (status_open, problem_open) =
                open_questions(program, &state, &findings, req, item.as_ref(), rb);
            count(&mut counts, &status_open, STATUS_WEIGHT);
            count(&mut counts, &problem_open, 1);
            if let Some(item) = item {
                items.push(item);
            }
        }
    }
    let mut report = Report {
        checklist: checklist_of(rb, program, &state, &mut check_hits, &mut lists),
        items,
        because: lists.because,
        problems: lists.problems,
        ..Report::default()
    };
    finish(rb, program, &state, &counts, &mut report);
    report
}

/// The list at `at` in a rule's compiled outcomes (its length, then its entries), and the
/// position after it.
#[inline(always)]
fn words(code: &[u32], at: usize) -> (&[u32], usize) {
    let end = at + 1 + code[at] as usize;
    (&code[at + 1..end], end)
}

/// The lists every item's spans point into.
#[derive(Default)]
struct Lists {
    because: Vec<Because>,
    problems: Vec<Problem>,
}

/// Catalogue entries the user picked directly (e.g. WeChat categories).
fn picked_entries(rb: &RuleBase, state: &State, findings: &mut Findings) {
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
            findings.add(r, Event::Required, Decider::Picked, &picked);
            match (entity, entities.is_empty()) {
                (_, true) => {}
                (Some((eq, e)), false) if !entities.contains(&e) => {
                    let o = Outcome {
                        value: Tri::True,
                        why: QSet::one(eq),
                        settle: QSet::default(),
                    };
                    findings.add(r, Event::NotAccepted, Decider::Entity, &o);
                }
                (Some(_), false) => {}
                (None, false) => {
                    if let Some(eq) = rb.entity_question {
                        let o = Outcome {
                            value: Tri::Unknown,
                            why: me,
                            settle: QSet::one(eq),
                        };
                        findings.add(r, Event::NotAcceptedMaybe, Decider::Entity, &o);
                    }
                }
            }
        }
    }
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
        Event::Confirm => 7,
    }
}

const NOT_ACCEPTED: u8 = 1;
const NOT_ACCEPTED_MAYBE: u8 = 1 << 1;
const REQUIRED: u8 = 1 << 2;
const ONE_OF: u8 = 1 << 3;
const POSSIBLE: u8 = 1 << 4;
const RULED_OUT: u8 = 1 << 5;
const UNNEEDED: u8 = 1 << 6;
const CONFIRMING: u8 = 1 << 7;

/// Groups one requirement's findings (linked from `first`, see `Findings`) into its status.
/// The findings are walked with plain loops: at opt-level "z" iterator adapters and closures
/// are calls.
fn decide(
    program: &Program,
    state: &State,
    all: &[Finding],
    req: RIdx,
    first: u32,
    lists: &mut Lists,
) -> Option<Item> {
    // Which kinds of finding there are, and the first group alternative.
    let mut has = 0u8;
    let mut group = None;
    let mut i = first;
    while i != 0 {
        let f = &all[i as usize - 1];
        has |= kind_bit(f.event);
        if let Event::OneOf(r, g) = f.event {
            if group.is_none() {
                group = Some((r, g));
            }
        }
        i = f.next;
    }
    // The status, and which findings are its reasons.
    let (status, reasons) = if has & NOT_ACCEPTED != 0 {
        (Status::NotAccepted, NOT_ACCEPTED)
    } else if has & (REQUIRED | ONE_OF) != 0 {
        (Status::Required, REQUIRED | ONE_OF)
    } else if has & CONFIRMING != 0 {
        (Status::NeedsConfirming, CONFIRMING)
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
    let mut i = first;
    while i != 0 {
        let f = &all[i as usize - 1];
        if kind_bit(f.event) & reasons != 0 {
            lists.because.push(f.because);
            settle.add(&f.settle);
        }
        i = f.next;
    }
    because = close(because, &lists.because);
    if status != Status::Possible {
        settle = QSet::default();
    }
    // Required as one alternative of a group, unless also required directly.
    let one_of = if status == Status::Required && has & REQUIRED == 0 {
        group
    } else {
        None
    };
    let held_at = program.held_when[req as usize];
    let held_o = if held_at == NONE {
        Outcome::default()
    } else {
        state.eval(held_at)
    };
    let held = held_at != NONE && held_o.value == Tri::True;
    let held_settle =
        if held_at != NONE && held_o.value == Tri::Unknown && status == Status::Required {
            held_o.settle
        } else {
            QSet::default()
        };
    let mut problems = open(&lists.problems);
    if matches!(
        status,
        Status::Required | Status::Possible | Status::NeedsConfirming
    ) {
        if has & NOT_ACCEPTED_MAYBE != 0 {
            rule_problems(all, first, &mut lists.problems);
        }
        // An uncertain problem with an item that is itself only possible says little: those
        // are left out, certain ones are always shown. A note (no met wording) is written for
        // the answers its condition names: listed only when it holds, never while one is missing.
        let required = status == Status::Required;
        let first = program.eligibility_start(req);
        for (ei, &at) in program.eligibility_of(req).iter().enumerate() {
            if held {
                break;
            }
            let o = state.eval(at);
            let note = program.eligibility_reads[first + ei].is_none();
            if o.value == Tri::True || (required && o.value == Tri::Unknown && !note) {
                lists.problems.push(Problem {
                    from: ProblemFrom::Eligibility(ei as u16),
                    certain: o.value == Tri::True,
                    met: false,
                    settle: o.settle,
                    answers: o.why,
                });
            } else if let (Tri::False, Some(reads)) =
                (o.value, &program.eligibility_reads[first + ei])
            {
                // Met, and said so only when every answer it reads is given.
                let mut answers = QSet::default();
                let mut all = true;
                for &q in reads {
                    all &= state.asked[q as usize].value == Tri::True
                        && !matches!(state.answer(q), None | Some(Answer::NotSure));
                    answers.insert(q);
                }
                if all {
                    lists.problems.push(Problem {
                        from: ProblemFrom::Eligibility(ei as u16),
                        certain: true,
                        met: true,
                        settle: QSet::default(),
                        answers,
                    });
                }
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
        held,
        held_settle,
    })
}

/// The `not_accepted` rules whose condition is unknown, among the findings linked from `first`.
fn rule_problems(all: &[Finding], first: u32, problems: &mut Vec<Problem>) {
    let mut i = first;
    while i != 0 {
        let f = &all[i as usize - 1];
        if let (Event::NotAcceptedMaybe, Decider::Rule(r)) = (f.event, f.because.by) {
            problems.push(Problem {
                from: ProblemFrom::Rule(r),
                certain: false,
                met: false,
                settle: f.settle,
                answers: f.because.answers,
            });
        }
        i = f.next;
    }
}

/// A rule adding a checklist item.
struct Hit {
    check: u16,
    because: Because,
    settle: QSet,
    certain: bool,
    /// 1 + the next hit on the same check (0: none), set by `checklist`.
    next: u32,
}

/// The checklist: every check that applies, its reasons added to `lists`.
fn checklist_of(
    rb: &RuleBase,
    program: &Program,
    state: &State,
    hits: &mut [Hit],
    lists: &mut Lists,
) -> Vec<CheckItem> {
    // Each check's hits, linked in rule order (hits are few; checks are many, so each check
    // must not scan them all): 1 + its first hit in `hits` (0: none).
    let mut first = vec![0u32; rb.checks.len()];
    let mut h = hits.len();
    while h > 0 {
        h -= 1;
        let c = hits[h].check as usize;
        if c < first.len() {
            hits[h].next = first[c];
            first[c] = h as u32 + 1;
        }
    }
    let mut out = Vec::with_capacity(rb.checks.len());
    for (ci, check) in rb.checks.iter().enumerate() {
        let mut because = open(&lists.because);
        let mut settle = QSet::default();
        let mut applies = check.always;
        let mut certain = check.always;
        let at = program.check_when[ci];
        if at != NONE {
            let o = state.eval(at);
            if o.value != Tri::False {
                applies = true;
                certain |= o.value == Tri::True;
                settle.add(&o.settle);
                if !o.why.is_empty() {
                    lists.because.push(Because {
                        by: Decider::Own,
                        answers: o.why,
                    });
                }
            }
        }
        let mut h = first[ci];
        while h != 0 {
            let hit = &hits[h as usize - 1];
            applies = true;
            certain |= hit.certain;
            settle.add(&hit.settle);
            lists.because.push(hit.because);
            h = hit.next;
        }
        because = close(because, &lists.because);
        if applies {
            out.push(CheckItem {
                check: ci as u16,
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

/// The rest of `report` from its items and checklist: flow, next questions, cited answers, plan.
fn finish(rb: &RuleBase, program: &Program, state: &State, counts: &[u32], report: &mut Report) {
    for (qi, o) in state.asked.iter().enumerate() {
        let q = qi as QIdx;
        if o.value != Tri::True {
            continue;
        }
        report.asked.push(q);
        if let Some(Answer::NotSure) = state.answer(q) {
            report.unsure.push(q);
        }
    }
    report.next_questions = next_questions(rb, state, counts);
    // The next question: the best-ranked one that is asked and unanswered, and not one offered on
    // the results page (`on_results`: what the operator already holds). None: no unanswered
    // question asked before the results can change any requirement's status or problems.
    report.next = report.next_questions.iter().map(|&(q, _)| q).find(|&q| {
        state.asked[q as usize].value == Tri::True
            && state.answer(q).is_none()
            && !rb.questions[q as usize].on_results
    });
    let mut cited = QSet::default();
    for b in report.because.iter() {
        cited.add(&b.answers);
    }
    for p in report.problems.iter() {
        cited.add(&p.answers);
    }
    report.cited = cited;
    report.plan = crate::engine::plan::plan(program, &report.items);
}

/// A question that can change a status ranks before any that can only change problems (those
/// may not matter once the status is settled).
const STATUS_WEIGHT: u32 = 1 << 12;

/// The questions whose answers could still change `req`'s status, and those that could change
/// only its problems: the
/// questions that settle its findings that could overturn the status it has (`item`; None: not
/// listed). A "not accepted" that holds is final; any other status can still become "not
/// accepted" through a `not_accepted` rule that may hold; a required item can lose its
/// requirement only as a group alternative (another member may become required and meet the
/// group); an item that is not required can become required; the eligibility problems of an
/// item that is not ruled out may still hold. The checklist does not count: it never keeps the questions going.
fn open_questions(
    program: &Program,
    state: &State,
    findings: &Findings,
    req: RIdx,
    item: Option<&Item>,
    rb: &RuleBase,
) -> (QSet, QSet) {
    let mut open = QSet::default();
    let mut problems = QSet::default();
    let status = item.map(|i| i.status);
    if status == Some(Status::NotAccepted) {
        return (open, problems);
    }
    let required = status == Some(Status::Required);
    let all: &[Finding] = &findings.all;
    let mut i = findings.ends[req as usize].first;
    let mut direct = false;
    while i != 0 {
        let f = &all[i as usize - 1];
        match f.event {
            Event::NotAcceptedMaybe => open.add(&f.settle),
            Event::Possible if !required => open.add(&f.settle),
            Event::Required => direct = true,
            _ => {}
        }
        i = f.next;
    }
    if required {
        // Required only as one alternative of a group: another member that may become required
        // meets the group, and this one is no longer required by it.
        if let Some((ri, gi)) = item.and_then(|it| it.one_of).filter(|_| !direct) {
            let members: &[RIdx] = &rb.rules[ri as usize].require_one_of[gi as usize];
            for &m in members {
                let mut j = findings.ends[m as usize].first;
                while j != 0 {
                    let f = &all[j as usize - 1];
                    if f.event == Event::Possible {
                        open.add(&f.settle);
                    }
                    j = f.next;
                }
            }
        }
        // Required but perhaps already held (the `held` question): answering it changes the item.
        if let Some(it) = item {
            open.add(&it.held_settle);
        }
    }
    // The problems shown with a required, possible or to-be-confirmed item may still hold.
    if matches!(
        status,
        Some(Status::Required | Status::Possible | Status::NeedsConfirming)
    ) {
        for &at in program.eligibility_of(req).iter() {
            let o = state.eval(at);
            if o.value == Tri::Unknown {
                problems.add(&o.settle);
            }
        }
    }
    (open, problems)
}

/// Unanswered (or "not sure") questions that are or may be asked, with how many requirements
/// each could change, best first (ties in question order). A question whose options are
/// catalogue entries (the categories) always counts: each entry picked is a requirement.
fn next_questions(rb: &RuleBase, state: &State, counts: &[u32]) -> Vec<(QIdx, u32)> {
    let mut out = Vec::new();
    for (qi, &n) in counts.iter().enumerate() {
        let q = qi as QIdx;
        let n = n + STATUS_WEIGHT * rb.questions[qi].options_from.is_some() as u32;
        let open = matches!(state.answer(q), None | Some(Answer::NotSure));
        if n > 0 && open && state.asked[qi].value != Tri::False {
            out.push((q, n));
        }
    }
    // Best first: by the order of magnitude of what each settles (statuses before problems), then
    // in the questionnaire's order, so that questions of about equal use come as written (the
    // platform before the product). At most one per question (128): a short list (src/sort_small.rs).
    let rank = |n: u32| {
        let (status, problems) = (n / STATUS_WEIGHT, n % STATUS_WEIGHT);
        if status > 0 {
            64 + status.ilog2()
        } else {
            problems.ilog2()
        }
    };
    crate::engine::sort_small::sort_small_by(&mut out, |a, b| (rank(b.1), a.0) < (rank(a.1), b.0));
    // What the report says: how many statuses and problems each would settle.
    for e in out.iter_mut() {
        e.1 = e.1 / STATUS_WEIGHT + e.1 % STATUS_WEIGHT;
    }
    out
}

fn count(counts: &mut [u32], s: &QSet, weight: u32) {
    for q in s.iter() {
        counts[q as usize] += weight;
    }
}
