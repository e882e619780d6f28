//! Three-valued evaluation of conditions, with the reasons for each result.
//!
//! A question that is unanswered or answered "not sure" is unknown. A question whose
//! `ask_when` is false is not asked, and every test on it is false. Alongside the value,
//! evaluation returns *why*: for true and false, the questions whose answers decided it;
//! for unknown, the questions that would settle it (and the known answers that support it).

use crate::answers::{Answer, Answers};
use crate::model::{CmpOp, Expr, OIdx, QIdx, RuleBase, MAX_QUESTIONS};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    False,
    Unknown,
    True,
}

/// A set of questions (at most `MAX_QUESTIONS`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QSet([u64; WORDS]);

const WORDS: usize = MAX_QUESTIONS / 64;
// `add` and `is_empty` spell out both words: at opt-level "z" neither iterator adapters (`zip`,
// `all`) nor short loops are unrolled or inlined, and these run hundreds of times per report.
const _: () = assert!(WORDS == 2, "QSet::add and QSet::is_empty assume two words");
impl QSet {
    #[inline(always)]
    pub fn one(q: QIdx) -> QSet {
        let mut s = QSet::default();
        s.insert(q);
        s
    }
    #[inline(always)]
    pub fn insert(&mut self, q: QIdx) {
        let q = q as usize;
        self.0[q / 64] |= 1 << (q % 64);
    }
    #[inline(always)]
    pub fn contains(&self, q: QIdx) -> bool {
        let q = q as usize;
        self.0[q / 64] & (1 << (q % 64)) != 0
    }
    #[inline(always)]
    pub fn union(mut self, other: QSet) -> QSet {
        self.add(&other);
        self
    }
    /// `self = self ∪ other`, in place.
    #[inline(always)]
    pub fn add(&mut self, other: &QSet) {
        self.0[0] |= other.0[0];
        self.0[1] |= other.0[1];
    }
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.0[0] | self.0[1] == 0
    }
    /// `==`, spelled out (at opt-level "z" the derived one is a call to `memcmp`).
    #[inline(always)]
    pub fn same(&self, other: &QSet) -> bool {
        self.0[0] == other.0[0] && self.0[1] == other.0[1]
    }
    /// A hash of the set (for tables keyed by sets, src/tape.rs).
    #[inline(always)]
    pub fn hash(&self) -> u64 {
        (self.0[0] ^ self.0[1].rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
    /// Members in ascending order.
    #[inline(always)]
    pub fn iter(&self) -> QIter {
        QIter {
            words: self.0,
            word: 0,
        }
    }
}

/// The members of a `QSet`, lowest first.
pub struct QIter {
    words: [u64; WORDS],
    word: usize,
}

impl Iterator for QIter {
    type Item = QIdx;
    #[inline(always)]
    fn next(&mut self) -> Option<QIdx> {
        while self.word < self.words.len() {
            let w = self.words[self.word];
            if w != 0 {
                self.words[self.word] = w & (w - 1);
                return Some((self.word * 64 + w.trailing_zeros() as usize) as QIdx);
            }
            self.word += 1;
        }
        None
    }
}

/// The value of a condition and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub value: Tri,
    /// True/false: the questions that decided it. Unknown: known answers that support it.
    pub why: QSet,
    /// Unknown: the questions whose answers would settle it.
    pub settle: QSet,
}

impl Default for Outcome {
    /// False, for no reason: a value to overwrite (see `State::put`).
    fn default() -> Outcome {
        Outcome::known(false, QSet::default())
    }
}

impl Outcome {
    #[inline(always)]
    fn known(value: bool, why: QSet) -> Outcome {
        Outcome {
            value: if value { Tri::True } else { Tri::False },
            why,
            settle: QSet::default(),
        }
    }
    #[inline(always)]
    fn unknown(why: QSet, settle: QSet) -> Outcome {
        Outcome {
            value: Tri::Unknown,
            why,
            settle,
        }
    }
}

/// How `atom` treats one question; see `Fact`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Asked for certain and answered (not "not sure"): the test alone decides, because of
    /// this answer.
    Answered,
    /// Every test on it comes out as `Fact::then`: not asked (false, for the reasons it is
    /// not asked), or unanswered / not sure (unknown, and settled by answering it).
    Fixed,
    /// Answered, but perhaps not asked: a test that fails is false because of the answer; one
    /// that holds is `Fact::then` (unknown, supported by the answer, settled by what decides
    /// whether it is asked).
    MaybeAsked,
}

/// What a test on one question needs, worked out once per question in `State::new` so that
/// `atom` is a few loads and compares instead of recomputing it for every test.
#[derive(Clone, Copy)]
struct Fact<'a> {
    mode: Mode,
    answer: Option<&'a Answer>,
    /// Just this question (the reason for a test its answer decides), made once.
    me: QSet,
    then: Outcome,
}

impl<'a> Fact<'a> {
    /// The three-valued rule of `State::atom_general`, with its answer-independent parts
    /// done ahead.
    fn new(q: QIdx, asked: &Outcome, answer: Option<&'a Answer>) -> Fact<'a> {
        let me = QSet::one(q);
        let answer = match answer {
            Some(Answer::NotSure) => None,
            a => a,
        };
        let (mode, then) = match (asked.value, answer) {
            (Tri::False, _) => (Mode::Fixed, *asked),
            (Tri::True, Some(_)) => (Mode::Answered, *asked),
            (Tri::True, None) => (Mode::Fixed, Outcome::unknown(QSet::default(), me)),
            (Tri::Unknown, None) => (
                Mode::Fixed,
                Outcome::unknown(asked.why, asked.settle.union(me)),
            ),
            (Tri::Unknown, Some(_)) => (
                Mode::MaybeAsked,
                Outcome::unknown(me.union(asked.why), asked.settle),
            ),
        };
        Fact {
            mode,
            answer,
            me,
            then,
        }
    }
}

/// Answers plus, for each question, whether it is asked (and why).
pub struct State<'a> {
    pub rb: &'a RuleBase,
    pub answers: &'a Answers,
    pub asked: Vec<Outcome>,
    /// Per question, what `atom` needs (see `Fact`).
    facts: Vec<Fact<'a>>,
}

impl<'a> State<'a> {
    /// Works out which questions are asked. `ask_when` only looks at earlier questions
    /// (checked when the rule base is built), so one pass in order is exact.
    pub fn new(rb: &'a RuleBase, answers: &'a Answers) -> State<'a> {
        let n = rb.questions.len();
        let mut state = State {
            rb,
            answers,
            asked: Vec::with_capacity(n),
            facts: Vec::with_capacity(n),
        };
        for (qi, q) in rb.questions.iter().enumerate() {
            let asked = match &q.ask_when {
                None => Outcome::known(true, QSet::default()),
                Some(e) => state.eval(e),
            };
            let fact = Fact::new(qi as QIdx, &asked, state.answer(qi as QIdx));
            state.asked.push(asked);
            state.facts.push(fact);
        }
        state
    }

    #[inline(always)]
    pub fn answer(&self, q: QIdx) -> Option<&'a Answer> {
        let answers: &'a Answers = self.answers;
        answers.values.get(q as usize).and_then(Option::as_ref)
    }

    pub fn eval(&self, e: &Expr) -> Outcome {
        let mut out = Outcome::default();
        self.put(e, &mut out);
        out
    }

    /// Evaluates `e` into `out`. (An out-parameter rather than a returned value: `junction`
    /// can then hand a decisive part's outcome up without copying it, and callers that
    /// evaluate many conditions can reuse one `Outcome`.)
    pub fn put(&self, e: &Expr, out: &mut Outcome) {
        match e {
            Expr::Const(b) => *out = Outcome::known(*b, QSet::default()),
            Expr::Not(c) => match c.first() {
                Some(inner) => {
                    self.put(inner, out);
                    match out.value {
                        Tri::True => out.value = Tri::False,
                        Tri::False => out.value = Tri::True,
                        Tri::Unknown => out.why = QSet::default(),
                    }
                }
                None => *out = Outcome::known(false, QSet::default()),
            },
            Expr::And(parts) => self.junction(parts, Tri::False, out),
            Expr::Or(parts) => self.junction(parts, Tri::True, out),
            // Every other expression is an atom (`atom_question` names them).
            _ => {
                if let Some(q) = atom_question(e) {
                    self.atom(q, e, out);
                }
            }
        }
    }

    /// A test on one question's answer.
    #[inline(always)]
    fn atom(&self, q: QIdx, e: &Expr, out: &mut Outcome) {
        // A slice, not the Vec: at opt-level "z" a Vec index is a call.
        let facts: &[Fact] = &self.facts;
        let Some(fact) = facts.get(q as usize) else {
            *out = self.atom_general(q, e);
            return;
        };
        match (fact.mode, fact.answer) {
            (Mode::Answered, Some(a)) => *out = Outcome::known(holds(e, a), fact.me),
            (Mode::MaybeAsked, Some(a)) if !holds(e, a) => *out = Outcome::known(false, fact.me),
            _ => *out = fact.then,
        }
    }

    /// `atom` for a question without a `Fact` (outside the rule base: never, once it is
    /// checked), and the rule that `Fact` precomputes.
    #[inline(never)]
    fn atom_general(&self, q: QIdx, e: &Expr) -> Outcome {
        let asked = self
            .asked
            .get(q as usize)
            .copied()
            .unwrap_or(Outcome::known(true, QSet::default()));
        if asked.value == Tri::False {
            return asked;
        }
        let me = QSet::one(q);
        let raw = match self.answer(q) {
            None | Some(Answer::NotSure) => Tri::Unknown,
            Some(a) => {
                if holds(e, a) {
                    Tri::True
                } else {
                    Tri::False
                }
            }
        };
        match (asked.value, raw) {
            (_, Tri::False) => Outcome::known(false, me),
            (Tri::True, Tri::True) => Outcome::known(true, me),
            (Tri::True, _) => Outcome::unknown(QSet::default(), me),
            (_, Tri::True) => Outcome::unknown(me.union(asked.why), asked.settle),
            _ => Outcome::unknown(asked.why, asked.settle.union(me)),
        }
    }

    /// `and` (decisive value false) and `or` (decisive value true): the first decisive part
    /// decides, with its reasons; otherwise the result is unknown if any part is, else the
    /// opposite of the decisive value, because of every part.
    #[inline(never)]
    fn junction(&self, parts: &[Expr], decisive: Tri, out: &mut Outcome) {
        let mut known = QSet::default();
        let mut why = QSet::default();
        let mut settle = QSet::default();
        let mut unknown = false;
        for p in parts {
            // Most parts are atoms: testing them here saves a call to `put` per part.
            match atom_question(p) {
                Some(q) => self.atom(q, p, out),
                None => self.put(p, out),
            }
            if out.value == decisive {
                return;
            }
            if out.value == Tri::Unknown {
                unknown = true;
                why.add(&out.why);
                settle.add(&out.settle);
            } else {
                known.add(&out.why);
            }
        }
        if !unknown {
            *out = Outcome::known(decisive == Tri::False, known);
            return;
        }
        // In an `and`, the parts that hold support the unknown result; in an `or`, false parts do not.
        if decisive == Tri::False {
            why.add(&known);
        }
        *out = Outcome::unknown(why, settle);
    }
}

/// The question an atom tests; `None` for `Const`, `Not`, `And` and `Or`.
#[inline(always)]
fn atom_question(e: &Expr) -> Option<QIdx> {
    match e {
        Expr::Yes(q)
        | Expr::Is(q, _)
        | Expr::IsNot(q, _)
        | Expr::In(q, _)
        | Expr::Has(q, _)
        | Expr::HasAny(q, _)
        | Expr::Cmp(q, _, _) => Some(*q),
        Expr::Const(_) | Expr::Not(_) | Expr::And(_) | Expr::Or(_) => None,
    }
}

/// Whether an answer passes an atom's test (`e` is an atom; the answer is not "not sure").
/// Matched on the pair, with no closures: each would be a call at opt-level "z".
#[inline(always)]
fn holds(e: &Expr, a: &Answer) -> bool {
    match (e, a) {
        (Expr::Yes(_), Answer::Yes) => true,
        (Expr::Is(_, o), Answer::Opt(x)) => x == o,
        (Expr::IsNot(_, o), Answer::Opt(x)) => x != o,
        (Expr::In(_, os), Answer::Opt(x)) => any_equal(os, *x),
        (Expr::Has(_, o), Answer::Set(s)) => chosen(s, *o),
        (Expr::HasAny(_, os), Answer::Set(s)) => {
            let mut i = 0;
            while i < os.len() {
                if chosen(s, os[i]) {
                    return true;
                }
                i += 1;
            }
            false
        }
        (Expr::Cmp(_, op, c), Answer::Num(n)) => compare(*n, *op, *c),
        _ => false,
    }
}

#[inline(always)]
fn any_equal(list: &[OIdx], x: OIdx) -> bool {
    let mut i = 0;
    while i < list.len() {
        if list[i] == x {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether `o` is in the sorted set `s`. Chosen sets are usually a handful of options, where
/// a scan beats `binary_search` (an out-of-line call); long ones are searched.
#[inline(always)]
fn chosen(s: &[OIdx], o: OIdx) -> bool {
    if s.len() > 16 {
        return s.binary_search(&o).is_ok();
    }
    let mut i = 0;
    while i < s.len() && s[i] < o {
        i += 1;
    }
    i < s.len() && s[i] == o
}

fn compare(n: f64, op: CmpOp, c: f64) -> bool {
    match op {
        CmpOp::Lt => n < c,
        CmpOp::Le => n <= c,
        CmpOp::Gt => n > c,
        CmpOp::Ge => n >= c,
        CmpOp::Eq => n == c,
        CmpOp::Ne => n != c,
    }
}
