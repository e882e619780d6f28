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
//! - `YES`: the question in bits 8–15.
//! - `IS`, `IS_NOT`, `HAS`: the question, and the option in bits 16–31.
//! - `IN`, `HAS_ANY`: the question; the next word is how many options follow, one a word.
//! - `CMP`: the question, the comparison (`cmp_code`) in bits 16–31; the constant's `f64` bits
//!   follow, low word first.
//!
//! After a rule's condition: its `require` list (each requirement with `IN_GROUP` set when it is
//! a member of a group, which a rule that does not hold leaves alone), its `not_accepted` list,
//! its `rule_out` list, how many `require_one_of` groups it has, and its checklist items; each
//! list is its length, then its entries.

use crate::model::{CmpOp, Expr, QIdx, RIdx, RuleBase, MAX_QUESTIONS};

pub const CONST: u32 = 0;
pub const NOT: u32 = 1;
pub const AND: u32 = 2;
pub const OR: u32 = 3;
pub const YES: u32 = 4;
pub const IS: u32 = 5;
pub const IS_NOT: u32 = 6;
pub const IN: u32 = 7;
pub const HAS: u32 = 8;
pub const HAS_ANY: u32 = 9;
pub const CMP: u32 = 10;

/// In a rule's `require` list: the requirement also belongs to a group.
pub const IN_GROUP: u32 = 1 << 31;
/// No condition (an offset).
pub const NONE: u32 = u32::MAX;

/// Per requirement (`Program::flags`): it has eligibility conditions.
pub const HAS_ELIGIBILITY: u8 = 1;

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
    /// Per requirement: `HAS_ELIGIBILITY`.
    pub flags: Vec<u8>,
    /// What the plan reads (src/plan.rs), per requirement: its lead time in working days
    /// (none: 0 to 0), and its step's place in `plan::STEP_ORDER`.
    pub lead_time: Vec<(u16, u16)>,
    pub step_rank: Vec<u8>,
    /// Each requirement's prerequisites, requirement after requirement, and per requirement
    /// its first entry there (and one more entry: the end).
    pub prerequisites: Vec<RIdx>,
    pub prerequisites_first: Vec<u32>,
    /// Which rule base this was compiled from (`fits`).
    key: [usize; 6],
}

/// What tells rule bases apart: where it and its lists are, and how long they are.
fn key(rb: &RuleBase) -> [usize; 6] {
    [
        rb as *const RuleBase as usize,
        rb.rules.as_ptr() as usize,
        rb.rules.len(),
        rb.questions.len(),
        rb.requirements.len(),
        rb.checks.len(),
    ]
}

/// The number a comparison is written as.
pub fn cmp_code(op: CmpOp) -> u32 {
    match op {
        CmpOp::Lt => 0,
        CmpOp::Le => 1,
        CmpOp::Gt => 2,
        CmpOp::Ge => 3,
        CmpOp::Eq => 4,
        CmpOp::Ne => 5,
    }
}

impl Program {
    pub fn compile(rb: &RuleBase) -> Program {
        let mut p = Program {
            key: key(rb),
            ..Program::default()
        };
        let mut in_group = vec![false; rb.requirements.len()];
        for r in rb.requirements.iter().enumerate() {
            in_group[r.0] = r.1.group.is_some();
        }
        let code = &mut p.code;
        for rule in rb.rules.iter() {
            p.rule_at.push(code.len() as u32);
            expr(code, &rule.when);
            code.push(rule.require.len() as u32);
            for &r in rule.require.iter() {
                let grouped = in_group.get(r as usize).copied().unwrap_or(false);
                code.push(if grouped { r | IN_GROUP } else { r });
            }
            list(code, &rule.not_accepted);
            list(code, &rule.rule_out);
            code.push(rule.require_one_of.len() as u32);
            code.push(rule.checklist.len() as u32);
            code.extend(rule.checklist.iter().map(|&c| u32::from(c)));
        }
        let condition = |code: &mut Vec<u32>, e: Option<&Expr>| match e {
            Some(e) => {
                let at = code.len() as u32;
                expr(code, e);
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
            p.flags.push(if r.eligibility.is_empty() {
                0
            } else {
                HAS_ELIGIBILITY
            });
            for e in r.eligibility.iter() {
                let at = condition(code, Some(&e.when));
                p.eligibility.push(at);
            }
            p.lead_time.push(r.lead_time.unwrap_or((0, 0)));
            p.step_rank.push(crate::plan::step_rank(&r.step) as u8);
            p.prerequisites_first.push(p.prerequisites.len() as u32);
            p.prerequisites.extend_from_slice(&r.prerequisites);
        }
        p.eligibility_first.push(p.eligibility.len() as u32);
        p.prerequisites_first.push(p.prerequisites.len() as u32);
        p
    }

    /// Whether this was compiled from `rb` (or an identical rule base at the same place).
    pub fn fits(&self, rb: &RuleBase) -> bool {
        self.key == key(rb)
    }

    /// Compiles `rb` unless this already is its program.
    pub fn prepare(&mut self, rb: &RuleBase) {
        if !self.fits(rb) {
            *self = Program::compile(rb);
        }
    }

    /// Where requirement `r`'s eligibility conditions start in `code`.
    #[inline(always)]
    pub fn eligibility_of(&self, r: RIdx) -> &[u32] {
        span(&self.eligibility, &self.eligibility_first, r)
    }

    /// Requirement `r`'s prerequisites.
    #[inline(always)]
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

fn expr(code: &mut Vec<u32>, e: &Expr) {
    match e {
        Expr::Const(b) => code.push(CONST | u32::from(*b) << 8),
        Expr::Not(parts) => match parts.first() {
            Some(inner) => {
                code.push(NOT);
                expr(code, inner);
            }
            None => code.push(CONST),
        },
        Expr::And(parts) | Expr::Or(parts) => {
            code.push(if matches!(e, Expr::And(_)) { AND } else { OR });
            let end_at = code.len();
            code.push(0);
            for part in parts.iter() {
                expr(code, part);
            }
            code[end_at] = code.len() as u32;
        }
        Expr::Yes(q) => code.push(head(YES, *q, 0)),
        Expr::Is(q, o) => code.push(head(IS, *q, u32::from(*o))),
        Expr::IsNot(q, o) => code.push(head(IS_NOT, *q, u32::from(*o))),
        Expr::Has(q, o) => code.push(head(HAS, *q, u32::from(*o))),
        Expr::In(q, os) => options(code, IN, *q, os),
        Expr::HasAny(q, os) => options(code, HAS_ANY, *q, os),
        Expr::Cmp(q, op, c) => {
            code.push(head(CMP, *q, cmp_code(*op)));
            let bits = c.to_bits();
            code.push(bits as u32);
            code.push((bits >> 32) as u32);
        }
    }
}
