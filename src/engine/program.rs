//! The rule base's conditions and outcomes compiled into one flat array of words, which a report
//! reads front to back.
//!
//! Why: as expression trees, a rule base is many small allocations (every `and`, `or` and
//! option list its own), and a report jumps between them. Once a rule base no longer fits the
//! CPU cache (thousands of rules) each jump is a cache miss, and the time per rule grew with
//! the number of rules. Here each rule is its condition followed by its outcome lists, rule
//! after rule, so a report streams through memory; the conditions of questions, checks and
//! eligibility follow, found by their offsets. `eval::State` runs the code.
//!
//! A node starts with a head word: the operation in its low 8 bits, then
//! - `CONST`: the value in bit 8.
//! - `NOT`: the one part follows.
//! - `AND`, `OR`: the next word is the position after the node (where a decisive part jumps
//!   to); the parts follow.
//! - `IS`, `IS_NOT`, `HAS`: the question, and the option in bits 16–31.
//! - `IN`, `HAS_ANY`: the question; the next word is how many options follow, one a word.
//! - `CMP`: the question, and in bits 16–31 which orderings of answer and constant pass (1: the
//!   answer is less, 2: equal, 4: greater; `cmp_mask`); the constant's `f64` bits follow, low
//!   word first.
//! - `MASK`: the question; the next two words are a 64-bit mask of its options, low word first.
//!   The test holds when the answer has one of them (`answer_bits`). Every test on a yes/no
//!   question or a question of at most 64 options is written so: `is`, `is not`, `in`, `has`,
//!   `has any` and yes are one shape, tested without a branch on which of them it is (a wrongly
//!   guessed branch costs more than the test). A question of more options keeps the shapes
//!   above. Both `MASK` and `CMP` take three words.
//!
//! After a rule's condition: its `require` list, then its `confirm` list, as one list (each
//! requirement with `IN_GROUP` set when it is a member of a group, which a rule that does not hold
//! leaves alone, and `CONFIRM` set for those of `confirm`), its `not_accepted` list,
//! its `rule_out` list, how many `require_one_of` groups it has, and its checklist items; each
//! list is its length, then its entries.

use crate::engine::answers::Answer;
use crate::model::{CmpOp, Expr, OIdx, QIdx, QKind, Question, RIdx, RuleBase, MAX_QUESTIONS};

pub const CONST: u32 = 0;
pub const NOT: u32 = 1;
pub const AND: u32 = 2;
pub const OR: u32 = 3;
/// The tests on one question's answer (atoms) are the operations from here on.
pub const IS: u32 = 4;
pub const IS_NOT: u32 = 5;
pub const IN: u32 = 6;
pub const HAS: u32 = 7;
pub const HAS_ANY: u32 = 8;
pub const CMP: u32 = 9;
pub const MASK: u32 = 10;

/// In a rule's `require` list: the requirement also belongs to a group.
pub const IN_GROUP: u32 = 1 << 31;
/// In a rule's `require` list: the requirement is in the rule's `confirm` list.
pub const CONFIRM: u32 = 1 << 30;
/// A requirement's index in a `require` list entry.
pub const INDEX: u32 = CONFIRM - 1;
/// No condition (an offset).
pub const NONE: u32 = u32::MAX;

// A question fits in bits 8–15 of a head word.
const _: () = assert!(MAX_QUESTIONS <= 256);

/// The compiled rule base (see the module's documentation).
#[derive(Default)]
pub struct Program {
    /// Every rule in order, then the other conditions.
    pub code: Vec<u32>,
    /// Per rule: where its condition starts in `code`.
    pub rule_at: Vec<u32>,
    /// Per question: where its `ask_when` starts in `code`, or `NONE`.
    pub ask_when: Vec<u32>,
    /// Per check: where its `when` starts, or `NONE`.
    pub check_when: Vec<u32>,
    /// Where each eligibility condition starts, requirement after requirement.
    pub eligibility: Vec<u32>,
    /// Per requirement, its first entry in `eligibility` (and one more entry: the end).
    pub eligibility_first: Vec<u32>,
    /// Per eligibility entry (same order): the questions its condition reads, for a condition
    /// (it has a met wording); `None` for a note. A condition is reported met only when every
    /// one of them is answered (so a met wording never rests on a question not asked).
    pub eligibility_reads: Vec<Option<Vec<QIdx>>>,
    /// Per requirement: where its `held_when` starts, or `NONE`.
    pub held_when: Vec<u32>,
    /// What the plan reads (src/plan.rs), per requirement: its lead time in working days
    /// (none: 0 to 0), and its step's place in `plan::STEP_ORDER`.
    pub lead_time: Vec<(u16, u16)>,
    pub step_rank: Vec<u8>,
    /// Each requirement's prerequisites, requirement after requirement, and per requirement
    /// its first entry there (and one more entry: the end).
    pub prerequisites: Vec<RIdx>,
    pub prerequisites_first: Vec<u32>,
}

/// A comparison as the orderings of answer and constant that pass it: 1 when the answer is
/// less, 2 equal, 4 greater.
pub fn cmp_mask(op: CmpOp) -> u32 {
    match op {
        CmpOp::Lt => 1,
        CmpOp::Le => 3,
        CmpOp::Gt => 4,
        CmpOp::Ge => 6,
        CmpOp::Eq => 2,
        CmpOp::Ne => 5,
    }
}

/// How `n` compares with `c`, as `cmp_mask` names orderings (finite numbers only: answers are).
#[inline(always)]
pub fn ordering(n: f64, c: f64) -> u32 {
    u32::from(n < c) | u32::from(n == c) << 1 | u32::from(n > c) << 2
}

/// An answer as the bits `MASK` tests: yes 2, no 1, option o `1 << o`, a several-of answer its
/// options' bits together; 0 for anything else (a number, or an option past 63, which no `MASK`
/// names).
pub fn answer_bits(a: &Answer) -> u64 {
    let bit = |o: OIdx| if o < 64 { 1u64 << o } else { 0 };
    match a {
        Answer::Yes => 2,
        Answer::No => 1,
        Answer::Opt(o) => bit(*o),
        Answer::Set(s) => s.iter().fold(0, |b, &o| b | bit(o)),
        Answer::NotSure | Answer::Num(_) => 0,
    }
}

impl Program {
    pub fn compile(rb: &RuleBase) -> Program {
        let mut p = Program::default();
        let code = &mut p.code;
        for rule in rb.rules.iter() {
            p.rule_at.push(code.len() as u32);
            expr(code, rb, &rule.when);
            code.push((rule.require.len() + rule.confirm.len()) as u32);
            let marked = |r: RIdx, confirm: bool| {
                let grouped = rb
                    .requirements
                    .get(r as usize)
                    .is_some_and(|x| x.group.is_some());
                r | if grouped { IN_GROUP } else { 0 } | if confirm { CONFIRM } else { 0 }
            };
            code.extend(rule.require.iter().map(|&r| marked(r, false)));
            code.extend(rule.confirm.iter().map(|&r| marked(r, true)));
            list(code, &rule.not_accepted);
            list(code, &rule.rule_out);
            code.push(rule.require_one_of.len() as u32);
            code.push(rule.checklist.len() as u32);
            code.extend(rule.checklist.iter().map(|&c| u32::from(c)));
        }
        let condition = |code: &mut Vec<u32>, e: Option<&Expr>| match e {
            Some(e) => {
                let at = code.len() as u32;
                expr(code, rb, e);
                at
            }
            None => NONE,
        };
        for q in rb.questions.iter() {
            let at = condition(code, q.ask_when.as_ref());
            p.ask_when.push(at);
        }
        for c in rb.checks.iter() {
            let at = condition(code, c.when.as_ref());
            p.check_when.push(at);
        }
        for r in rb.requirements.iter() {
            p.eligibility_first.push(p.eligibility.len() as u32);
            for e in r.eligibility.iter() {
                let at = condition(code, Some(&e.when));
                p.eligibility.push(at);
                p.eligibility_reads.push(e.met.as_ref().map(|_| {
                    let mut qs = Vec::new();
                    e.when.questions(&mut qs);
                    qs
                }));
            }
            let at = condition(code, r.held_when.as_ref());
            p.held_when.push(at);
            p.lead_time.push(r.lead_time.unwrap_or((0, 0)));
            p.step_rank
                .push(crate::engine::plan::step_rank(&r.step) as u8);
            p.prerequisites_first.push(p.prerequisites.len() as u32);
            p.prerequisites.extend_from_slice(&r.prerequisites);
        }
        p.eligibility_first.push(p.eligibility.len() as u32);
        p.prerequisites_first.push(p.prerequisites.len() as u32);
        p
    }

    /// The index in `eligibility` of requirement `r`'s first entry.
    pub fn eligibility_start(&self, r: RIdx) -> usize {
        self.eligibility_first[r as usize] as usize
    }

    /// Where requirement `r`'s eligibility conditions start in `code`.
    pub fn eligibility_of(&self, r: RIdx) -> &[u32] {
        span(&self.eligibility, &self.eligibility_first, r)
    }

    /// Requirement `r`'s prerequisites.
    pub fn prerequisites_of(&self, r: RIdx) -> &[RIdx] {
        span(&self.prerequisites, &self.prerequisites_first, r)
    }
}

/// Requirement `r`'s entries in a list kept requirement after requirement.
#[inline(always)]
fn span<'a>(list: &'a [u32], first: &[u32], r: RIdx) -> &'a [u32] {
    let from = first[r as usize] as usize;
    let to = first[r as usize + 1] as usize;
    &list[from..to]
}

fn list(code: &mut Vec<u32>, items: &[RIdx]) {
    code.push(items.len() as u32);
    code.extend_from_slice(items);
}

fn head(op: u32, q: QIdx, rest: u32) -> u32 {
    op | u32::from(q) << 8 | rest << 16
}

fn options(code: &mut Vec<u32>, op: u32, q: QIdx, os: &[u16]) {
    code.push(head(op, q, 0));
    code.push(os.len() as u32);
    code.extend(os.iter().map(|&o| u32::from(o)));
}

/// Whether tests on `q` are compiled to option masks (`MASK`): a yes/no question, or one of at
/// most 64 options. (Tests on the others read the answer itself, or, for numbers, `CMP`.)
fn masked(q: &Question) -> bool {
    match q.kind {
        QKind::YesNo => true,
        QKind::OneOf | QKind::SeveralOf => q.options.len() <= 64,
        QKind::Number => false,
    }
}

/// A test as the options of question `q` it passes (`MASK`), if the question has at most 64.
fn mask(rb: &RuleBase, e: &Expr) -> Option<(QIdx, u64)> {
    let q = match e {
        Expr::Yes(q) | Expr::Is(q, _) | Expr::IsNot(q, _) | Expr::Has(q, _) => *q,
        Expr::In(q, _) | Expr::HasAny(q, _) => *q,
        _ => return None,
    };
    // Checked first: an option past 63 has no bit.
    let question = rb.questions.get(usize::from(q))?;
    if !masked(question) {
        return None;
    }
    let n = question.options.len();
    let bits = |os: &[OIdx]| os.iter().fold(0u64, |b, &o| b | 1 << o);
    let m = match e {
        Expr::Yes(_) => 2,
        Expr::Is(_, o) | Expr::Has(_, o) => bits(&[*o]),
        Expr::IsNot(_, o) => {
            let all = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
            all & !bits(&[*o])
        }
        Expr::In(_, os) | Expr::HasAny(_, os) => bits(os),
        _ => return None,
    };
    Some((q, m))
}

fn expr(code: &mut Vec<u32>, rb: &RuleBase, e: &Expr) {
    if let Some((q, m)) = mask(rb, e) {
        code.push(head(MASK, q, 0));
        code.push(m as u32);
        code.push((m >> 32) as u32);
        return;
    }
    match e {
        Expr::Const(b) => code.push(CONST | u32::from(*b) << 8),
        Expr::Not(parts) => match parts.first() {
            Some(inner) => {
                code.push(NOT);
                expr(code, rb, inner);
            }
            None => code.push(CONST),
        },
        Expr::And(parts) | Expr::Or(parts) => {
            code.push(if matches!(e, Expr::And(_)) { AND } else { OR });
            let end_at = code.len();
            code.push(0);
            for part in parts.iter() {
                expr(code, rb, part);
            }
            code[end_at] = code.len() as u32;
        }
        // A yes/no question always has its `MASK`.
        Expr::Yes(_) => code.push(CONST),
        Expr::Is(q, o) => code.push(head(IS, *q, u32::from(*o))),
        Expr::IsNot(q, o) => code.push(head(IS_NOT, *q, u32::from(*o))),
        Expr::Has(q, o) => code.push(head(HAS, *q, u32::from(*o))),
        Expr::In(q, os) => options(code, IN, *q, os),
        Expr::HasAny(q, os) => options(code, HAS_ANY, *q, os),
        Expr::Cmp(q, op, c) => {
            code.push(head(CMP, *q, cmp_mask(*op)));
            let bits = c.to_bits();
            code.push(bits as u32);
            code.push((bits >> 32) as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comparison_passes_the_orderings_it_names() {
        let ops = [
            CmpOp::Lt,
            CmpOp::Le,
            CmpOp::Gt,
            CmpOp::Ge,
            CmpOp::Eq,
            CmpOp::Ne,
        ];
        for op in ops {
            for (n, c) in [(1.0, 2.0), (2.0, 2.0), (3.0, 2.0), (-0.5, 0.0), (1e9, 1e9)] {
                let want = match op {
                    CmpOp::Lt => n < c,
                    CmpOp::Le => n <= c,
                    CmpOp::Gt => n > c,
                    CmpOp::Ge => n >= c,
                    CmpOp::Eq => n == c,
                    CmpOp::Ne => n != c,
                };
                assert_eq!(cmp_mask(op) & ordering(n, c) != 0, want, "{n} {op:?} {c}");
            }
        }
    }

    #[test]
    fn answers_are_the_bits_their_tests_name() {
        assert_eq!(answer_bits(&Answer::Yes), 2);
        assert_eq!(answer_bits(&Answer::No), 1);
        assert_eq!(answer_bits(&Answer::Opt(5)), 1 << 5);
        assert_eq!(
            answer_bits(&Answer::Set(vec![0, 3, 63])),
            1 | 1 << 3 | 1 << 63
        );
        assert_eq!(answer_bits(&Answer::Set(vec![64, 500])), 0);
        assert_eq!(answer_bits(&Answer::Num(3.0)), 0);
        assert_eq!(answer_bits(&Answer::NotSure), 0);
    }
}
