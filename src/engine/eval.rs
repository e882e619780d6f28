//! Three-valued evaluation of conditions, with the reasons for each result.
//!
//! A question that is unanswered or answered "not sure" is unknown. A question whose
//! `ask_when` is false is not asked, and every test on it is false. Alongside the value,
//! evaluation returns *why*: for true and false, the questions whose answers decided it;
//! for unknown, the questions that would settle it (and the known answers that support it).

use crate::engine::answers::{Answer, Answers};
use crate::engine::program::{
    answer_bits, ordering, Program, AND, CMP, CONST, HAS, HAS_ANY, IN, IS, IS_NOT, MASK, NONE, NOT,
    OR,
};
use crate::model::{OIdx, QIdx, RuleBase, MAX_QUESTIONS};

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
    pub fn len(&self) -> usize {
        (self.0[0].count_ones() + self.0[1].count_ones()) as usize
    }
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.0[0] | self.0[1] == 0
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
///
/// The three-valued rule: a question not asked makes every test on it false, for the reasons
/// it is not asked. Otherwise a test whose answer fails it is false because of that answer. A
/// test that holds is true because of the answer if the question is surely asked, else unknown
/// (supported by the answer, settled by what decides whether it is asked). Unanswered or "not
/// sure", the test is unknown, settled by the question (and by what decides whether it is
/// asked, if that is unknown too).
#[derive(Clone, Copy)]
struct Fact<'a> {
    mode: Mode,
    answer: Option<&'a Answer>,
    /// The answer as `MASK` tests it (`program::answer_bits`), and as a number (else 0).
    bits: u64,
    num: f64,
    /// Just this question (the reason for a test its answer decides), made once.
    me: QSet,
    then: Outcome,
}

impl<'a> Fact<'a> {
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
            bits: answer.map_or(0, answer_bits),
            num: match answer {
                Some(Answer::Num(n)) => *n,
                _ => 0.0,
            },
            me,
            then,
        }
    }
}

/// Answers plus, for each question, whether it is asked (and why); runs the rule base's
/// compiled conditions (src/program.rs).
pub struct State<'a> {
    pub rb: &'a RuleBase,
    pub answers: &'a Answers,
    pub asked: Vec<Outcome>,
    /// The compiled conditions `run` reads.
    pub code: &'a [u32],
    /// Per question, what `atom` needs (see `Fact`).
    facts: Vec<Fact<'a>>,
}

impl<'a> State<'a> {
    /// Works out which questions are asked. `ask_when` only looks at earlier questions
    /// (checked when the rule base is built), so one pass in order is exact. `program` must be
    /// `rb`'s (`Program::prepare`).
    pub fn new(rb: &'a RuleBase, program: &'a Program, answers: &'a Answers) -> State<'a> {
        let n = rb.questions.len();
        let mut state = State {
            rb,
            answers,
            asked: Vec::with_capacity(n),
            code: &program.code,
            facts: Vec::with_capacity(n),
        };
        for qi in 0..n {
            let at = program.ask_when.get(qi).copied().unwrap_or(NONE);
            let asked = if at == NONE {
                Outcome::known(true, QSet::default())
            } else {
                state.eval(at)
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

    /// The condition starting at `at` in the code.
    pub fn eval(&self, at: u32) -> Outcome {
        let mut out = Outcome::default();
        self.run(at as usize, &mut out);
        out
    }

    /// Evaluates the node at `pc` into `out`; returns the position after it. (An
    /// out-parameter rather than a returned value: `junction` can then hand a decisive part's
    /// outcome up without copying it, and the report's loop reuses one `Outcome`.)
    pub fn run(&self, pc: usize, out: &mut Outcome) -> usize {
        let code = self.code;
        let w = code[pc];
        match w & 0xff {
            CONST => {
                *out = Outcome::known(w >> 8 & 1 == 1, QSet::default());
                pc + 1
            }
            NOT => {
                let end = self.run(pc + 1, out);
                match out.value {
                    Tri::True => out.value = Tri::False,
                    Tri::False => out.value = Tri::True,
                    Tri::Unknown => out.why = QSet::default(),
                }
                end
            }
            AND => self.junction(pc, Tri::False, out),
            OR => self.junction(pc, Tri::True, out),
            _ => self.atom(pc, out),
        }
    }

    /// A test on one question's answer, at `pc`; returns the position after it.
    #[inline(always)]
    fn atom(&self, pc: usize, out: &mut Outcome) -> usize {
        let code = self.code;
        let w = code[pc];
        // A slice, not the Vec: at opt-level "z" a Vec index is a call.
        let facts: &[Fact] = &self.facts;
        let fact = &facts[(w >> 8 & 0xff) as usize];
        let op = w & 0xff;
        let (holds, end) = if op >= CMP {
            // `MASK` and `CMP` (nearly every test): both results are worked out and one is
            // taken, which is cheaper than a wrongly guessed branch on which test this is.
            let arg = u64::from(code[pc + 2]) << 32 | u64::from(code[pc + 1]);
            let by_mask = fact.bits & arg != 0;
            let c = f64::from_bits(arg);
            let by_cmp = ordering(fact.num, c) & (w >> 16) != 0;
            (if op == MASK { by_mask } else { by_cmp }, pc + 3)
        } else {
            let holds = match fact.answer {
                Some(a) => holds(code, pc, w, a),
                None => false,
            };
            (holds, pc + atom_len(code, pc, w))
        };
        match fact.mode {
            Mode::Answered => *out = Outcome::known(holds, fact.me),
            Mode::MaybeAsked if !holds => *out = Outcome::known(false, fact.me),
            _ => *out = fact.then,
        }
        end
    }

    /// `and` (decisive value false) and `or` (decisive value true) at `pc`: the first decisive
    /// part decides, with its reasons; otherwise the result is unknown if any part is, else the
    /// opposite of the decisive value, because of every part.
    #[inline(never)]
    fn junction(&self, pc: usize, decisive: Tri, out: &mut Outcome) -> usize {
        let code = self.code;
        let end = code[pc + 1] as usize;
        let mut known = QSet::default();
        let mut why = QSet::default();
        let mut settle = QSet::default();
        let mut unknown = false;
        let mut p = pc + 2;
        while p < end {
            // Most parts are atoms: testing them here saves a call to `run` per part.
            p = if code[p] & 0xff >= IS {
                self.atom(p, out)
            } else {
                self.run(p, out)
            };
            if out.value == decisive {
                return end;
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
            return end;
        }
        // In an `and`, the parts that hold support the unknown result; in an `or`, false parts do not.
        if decisive == Tri::False {
            why.add(&known);
        }
        *out = Outcome::unknown(why, settle);
        end
    }
}

/// How many words the atom at `pc` (head `w`) takes, for the shapes other than `MASK` and `CMP`.
#[inline(always)]
fn atom_len(code: &[u32], pc: usize, w: u32) -> usize {
    match w & 0xff {
        IN | HAS_ANY => 2 + code[pc + 1] as usize,
        _ => 1,
    }
}

/// Whether an answer passes the test of the atom at `pc` (head `w`; a shape other than `MASK` and
/// `CMP`, on a question of more than 64 options; the answer is not "not sure"). Matched on the
/// pair, with no closures: each would be a call at opt-level "z".
#[inline(always)]
fn holds(code: &[u32], pc: usize, w: u32, a: &Answer) -> bool {
    let arg = w >> 16;
    match (w & 0xff, a) {
        (IS, Answer::Opt(x)) => u32::from(*x) == arg,
        (IS_NOT, Answer::Opt(x)) => u32::from(*x) != arg,
        (IN, Answer::Opt(x)) => {
            let x = u32::from(*x);
            let n = code[pc + 1] as usize;
            let mut i = pc + 2;
            while i < pc + 2 + n {
                if code[i] == x {
                    return true;
                }
                i += 1;
            }
            false
        }
        (HAS, Answer::Set(s)) => chosen(s, arg as OIdx),
        (HAS_ANY, Answer::Set(s)) => {
            let n = code[pc + 1] as usize;
            let mut i = pc + 2;
            while i < pc + 2 + n {
                if chosen(s, code[i] as OIdx) {
                    return true;
                }
                i += 1;
            }
            false
        }
        _ => false,
    }
}

/// Whether `o` is in the sorted set `s`.
#[inline(always)]
fn chosen(s: &[OIdx], o: OIdx) -> bool {
    s.binary_search(&o).is_ok()
}
