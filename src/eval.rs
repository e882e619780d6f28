//! Three-valued evaluation of conditions, with the reasons for each result.
//!
//! A question that is unanswered or answered "not sure" is unknown. A question whose
//! `ask_when` is false is not asked, and every test on it is false. Alongside the value,
//! evaluation returns *why*: for true and false, the questions whose answers decided it;
//! for unknown, the questions that would settle it (and the known answers that support it).

use crate::answers::{Answer, Answers};
use crate::model::{CmpOp, Expr, QIdx, RuleBase, MAX_QUESTIONS};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    False,
    Unknown,
    True,
}

/// A set of questions (at most `MAX_QUESTIONS`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QSet([u64; MAX_QUESTIONS / 64]);

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
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
        self
    }
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
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
    words: [u64; MAX_QUESTIONS / 64],
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

/// Answers plus, for each question, whether it is asked (and why).
pub struct State<'a> {
    pub rb: &'a RuleBase,
    pub answers: &'a Answers,
    pub asked: Vec<Outcome>,
}

impl<'a> State<'a> {
    /// Works out which questions are asked. `ask_when` only looks at earlier questions
    /// (checked when the rule base is built), so one pass in order is exact.
    pub fn new(rb: &'a RuleBase, answers: &'a Answers) -> State<'a> {
        let mut state = State {
            rb,
            answers,
            asked: Vec::with_capacity(rb.questions.len()),
        };
        for q in rb.questions.iter() {
            let asked = match &q.ask_when {
                None => Outcome::known(true, QSet::default()),
                Some(e) => state.eval(e),
            };
            state.asked.push(asked);
        }
        state
    }

    #[inline(always)]
    pub fn answer(&self, q: QIdx) -> Option<&Answer> {
        self.answers.values.get(q as usize).and_then(Option::as_ref)
    }

    /// A test on one question's answer.
    fn atom(&self, q: QIdx, test: impl Fn(&Answer) -> bool) -> Outcome {
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
                if test(a) {
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

    pub fn eval(&self, e: &Expr) -> Outcome {
        match e {
            Expr::Const(b) => Outcome::known(*b, QSet::default()),
            Expr::Yes(q) => self.atom(*q, |a| *a == Answer::Yes),
            Expr::Is(q, o) => self.atom(*q, |a| *a == Answer::Opt(*o)),
            Expr::IsNot(q, o) => self.atom(*q, |a| matches!(a, Answer::Opt(x) if x != o)),
            Expr::In(q, os) => self.atom(*q, |a| matches!(a, Answer::Opt(x) if os.contains(x))),
            Expr::Has(q, o) => self.atom(
                *q,
                |a| matches!(a, Answer::Set(s) if s.binary_search(o).is_ok()),
            ),
            Expr::HasAny(q, os) => self.atom(
                *q,
                |a| matches!(a, Answer::Set(s) if os.iter().any(|o| s.binary_search(o).is_ok())),
            ),
            Expr::Cmp(q, op, c) => self.atom(*q, |a| match a {
                Answer::Num(n) => compare(*n, *op, *c),
                _ => false,
            }),
            Expr::Not(c) => match c.first() {
                Some(inner) => {
                    let o = self.eval(inner);
                    match o.value {
                        Tri::True => Outcome::known(false, o.why),
                        Tri::False => Outcome::known(true, o.why),
                        Tri::Unknown => Outcome::unknown(QSet::default(), o.settle),
                    }
                }
                None => Outcome::known(false, QSet::default()),
            },
            Expr::And(parts) => self.junction(parts, Tri::False),
            Expr::Or(parts) => self.junction(parts, Tri::True),
        }
    }

    /// `and` (decisive value false) and `or` (decisive value true): the first decisive part
    /// decides, with its reasons; otherwise the result is unknown if any part is, else the
    /// opposite of the decisive value, because of every part.
    fn junction(&self, parts: &[Expr], decisive: Tri) -> Outcome {
        let mut known = QSet::default();
        let mut why = QSet::default();
        let mut settle = QSet::default();
        let mut unknown = false;
        for p in parts {
            let o = self.eval(p);
            if o.value == decisive {
                return o;
            }
            if o.value == Tri::Unknown {
                unknown = true;
                why = why.union(o.why);
                settle = settle.union(o.settle);
            } else {
                known = known.union(o.why);
            }
        }
        if !unknown {
            return Outcome::known(decisive == Tri::False, known);
        }
        // In an `and`, the parts that hold support the unknown result; in an `or`, false parts do not.
        let support = if decisive == Tri::False {
            known.union(why)
        } else {
            why
        };
        Outcome::unknown(support, settle)
    }
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
