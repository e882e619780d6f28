//! Whole-base checks that need every record: cycles in when-to-ask and in prerequisites,
//! questions never asked on any path, conditions on them, and rules that can never fire.
//!
//! "Can this condition be true?" is answered by trying every combination of answers to the
//! questions it depends on (and the questions those depend on to be asked), with each
//! several_of reduced to the options that conditions mention and each number to the values
//! around the constants it is compared with. Large searches are skipped, never guessed.

use std::collections::BTreeMap;

use super::raw::RawBase;
use super::{Loc, Problems};
use crate::model::*;

/// Give up (say nothing) beyond this many combinations.
const MAX_COMBINATIONS: usize = 400_000;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Val {
    Absent,
    Yes,
    No,
    Opt(OIdx),
    /// Bit i set: the i-th mentioned option of this question is chosen.
    Set(u32),
    Num(f64),
}

/// Options of several_of questions, and constants of number questions, that `e` mentions.
fn mentions(e: &Expr, opts: &mut BTreeMap<QIdx, Vec<OIdx>>, nums: &mut BTreeMap<QIdx, Vec<f64>>) {
    match e {
        Expr::Has(q, o) => opts.entry(*q).or_default().push(*o),
        Expr::HasAny(q, os) => opts.entry(*q).or_default().extend(os.iter().copied()),
        Expr::Cmp(q, _, n) => nums.entry(*q).or_default().extend([*n - 1.0, *n, *n + 1.0]),
        Expr::Not(c) | Expr::And(c) | Expr::Or(c) => c.iter().for_each(|x| mentions(x, opts, nums)),
        _ => {}
    }
}

struct Search<'a> {
    base: &'a RuleBase,
    /// Questions in the search, in question order, with their domains.
    qs: Vec<(QIdx, Vec<Val>)>,
    opts: BTreeMap<QIdx, Vec<OIdx>>,
}

impl<'a> Search<'a> {
    fn new(base: &'a RuleBase, target: &Expr) -> Option<Search<'a>> {
        let mut todo = Vec::new();
        target.questions(&mut todo);
        let mut seen = vec![false; base.questions.len()];
        let mut opts = BTreeMap::new();
        let mut nums = BTreeMap::new();
        mentions(target, &mut opts, &mut nums);
        while let Some(q) = todo.pop() {
            if std::mem::replace(&mut seen[q as usize], true) {
                continue;
            }
            if let Some(w) = &base.questions[q as usize].ask_when {
                w.questions(&mut todo);
                mentions(w, &mut opts, &mut nums);
            }
        }
        let mut qs = Vec::new();
        let mut total: usize = 1;
        for (i, q) in base.questions.iter().enumerate().filter(|(i, _)| seen[*i]) {
            let i = i as QIdx;
            let mut dom = Vec::new();
            if q.ask_when.is_some() {
                dom.push(Val::Absent);
            }
            match q.kind {
                QKind::YesNo => dom.extend([Val::Yes, Val::No]),
                QKind::OneOf => dom.extend((0..q.options.len() as OIdx).map(Val::Opt)),
                QKind::SeveralOf => {
                    let list = opts.entry(i).or_default();
                    list.sort_unstable();
                    list.dedup();
                    if list.len() > 12 {
                        return None;
                    }
                    dom.extend((0..(1u32 << list.len())).map(Val::Set));
                }
                QKind::Number => {
                    let mut n = nums.get(&i).cloned().unwrap_or_else(|| vec![0.0]);
                    n.sort_by(|a, b| a.total_cmp(b));
                    n.dedup();
                    dom.extend(n.into_iter().map(Val::Num));
                }
            }
            total = total.saturating_mul(dom.len().max(1));
            qs.push((i, dom));
        }
        (total <= MAX_COMBINATIONS).then_some(Search { base, qs, opts })
    }

    fn val(&self, vals: &[Val], q: QIdx) -> Val {
        self.qs
            .iter()
            .position(|(i, _)| *i == q)
            .map_or(Val::Absent, |p| vals[p])
    }

    fn bit(&self, q: QIdx, o: OIdx) -> u32 {
        self.opts
            .get(&q)
            .and_then(|l| l.iter().position(|x| *x == o))
            .map_or(0, |p| 1 << p)
    }

    fn eval(&self, e: &Expr, vals: &[Val]) -> bool {
        match e {
            Expr::Const(b) => *b,
            Expr::Yes(q) => self.val(vals, *q) == Val::Yes,
            Expr::Is(q, o) => self.val(vals, *q) == Val::Opt(*o),
            Expr::IsNot(q, o) => matches!(self.val(vals, *q), Val::Opt(x) if x != *o),
            Expr::In(q, os) => matches!(self.val(vals, *q), Val::Opt(x) if os.contains(&x)),
            Expr::Has(q, o) => {
                matches!(self.val(vals, *q), Val::Set(s) if s & self.bit(*q, *o) != 0)
            }
            Expr::HasAny(q, os) => {
                matches!(self.val(vals, *q), Val::Set(s) if os.iter().any(|o| s & self.bit(*q, *o) != 0))
            }
            Expr::Cmp(q, op, c) => match self.val(vals, *q) {
                Val::Num(n) => match op {
                    CmpOp::Lt => n < *c,
                    CmpOp::Le => n <= *c,
                    CmpOp::Gt => n > *c,
                    CmpOp::Ge => n >= *c,
                    CmpOp::Eq => n == *c,
                    CmpOp::Ne => n != *c,
                },
                _ => false,
            },
            Expr::Not(c) => !c.iter().all(|x| self.eval(x, vals)),
            Expr::And(c) => c.iter().all(|x| self.eval(x, vals)),
            Expr::Or(c) => c.iter().any(|x| self.eval(x, vals)),
        }
    }

    /// Every question is asked exactly when its ask_when holds.
    fn consistent(&self, vals: &[Val]) -> bool {
        self.qs.iter().zip(vals).all(|((q, _), v)| {
            match &self.base.questions[*q as usize].ask_when {
                Some(w) => self.eval(w, vals) == (*v != Val::Absent),
                None => *v != Val::Absent,
            }
        })
    }

    fn satisfiable(&self, target: &Expr) -> bool {
        let mut vals: Vec<Val> = self.qs.iter().map(|(_, d)| d[0]).collect();
        let mut idx = vec![0usize; self.qs.len()];
        loop {
            if self.consistent(&vals) && self.eval(target, &vals) {
                return true;
            }
            // Next combination (odometer).
            let mut k = 0;
            loop {
                if k == idx.len() {
                    return false;
                }
                idx[k] += 1;
                if idx[k] < self.qs[k].1.len() {
                    vals[k] = self.qs[k].1[idx[k]];
                    break;
                }
                idx[k] = 0;
                vals[k] = self.qs[k].1[0];
                k += 1;
            }
        }
    }
}

/// Some(false): this condition can never hold. None: too large to decide.
pub fn can_hold(base: &RuleBase, e: &Expr) -> Option<bool> {
    Search::new(base, e).map(|s| s.satisfiable(e))
}

/// Finds a cycle in a graph given as adjacency lists; returns its nodes.
fn find_cycle(edges: &[Vec<usize>]) -> Option<Vec<usize>> {
    let mut state = vec![0u8; edges.len()]; // 0 new, 1 on stack, 2 done
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for start in 0..edges.len() {
        if state[start] != 0 {
            continue;
        }
        stack.push((start, 0));
        state[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&to) = edges[node].get(*next) {
                *next += 1;
                match state[to] {
                    0 => {
                        state[to] = 1;
                        stack.push((to, 0));
                    }
                    1 => {
                        let from = stack.iter().position(|(n, _)| *n == to).unwrap_or(0);
                        return Some(stack[from..].iter().map(|(n, _)| *n).collect());
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    None
}

fn ask_loc(raw: &RawBase, i: usize) -> Loc {
    raw.questions[i]
        .ask_when
        .as_ref()
        .map_or(raw.questions[i].id.loc.clone(), |c| c.loc.clone())
}

/// Cycles in when-to-ask and prerequisites, and when-to-ask on later questions.
/// Returns false when evaluation order is broken (the satisfiability checks then stop).
pub fn structure(base: &RuleBase, raw: &RawBase, problems: &mut Problems) -> bool {
    let q_loc = |i: usize| ask_loc(raw, i);
    // Cycles in when-to-ask.
    let edges: Vec<Vec<usize>> = base
        .questions
        .iter()
        .map(|q| {
            let mut r = Vec::new();
            if let Some(w) = &q.ask_when {
                w.questions(&mut r);
            }
            r.into_iter().map(usize::from).collect()
        })
        .collect();
    if let Some(cycle) = find_cycle(&edges) {
        let names: Vec<&str> = cycle.iter().map(|&i| &*base.questions[i].id).collect();
        let msg = format!(
            "when-to-ask conditions form a cycle: {} → {}",
            names.join(" → "),
            names[0]
        );
        problems.add(&q_loc(cycle[0]), Some(names[0]), "ask_cycle", msg);
        return false;
    }
    // Asked in order: a question may only depend on earlier ones.
    let mut ordered = true;
    for (i, q) in base.questions.iter().enumerate() {
        let mut r = Vec::new();
        if let Some(w) = &q.ask_when {
            w.questions(&mut r);
        }
        if let Some(&later) = r.iter().find(|&&x| x as usize >= i) {
            let msg = format!(
                "ask_when may only depend on earlier questions; `{}` comes later",
                base.questions[later as usize].id
            );
            problems.add(&q_loc(i), Some(&q.id), "ask_order", msg);
            ordered = false;
        }
    }
    // Cycles in prerequisites.
    let edges: Vec<Vec<usize>> = base
        .requirements
        .iter()
        .map(|r| r.prerequisites.iter().map(|&p| p as usize).collect())
        .collect();
    if let Some(cycle) = find_cycle(&edges) {
        let names: Vec<&str> = cycle.iter().map(|&i| &*base.requirements[i].id).collect();
        let loc = raw.requirements[cycle[0]].id.loc.clone();
        let msg = format!(
            "prerequisites form a cycle: {} → {}",
            names.join(" → "),
            names[0]
        );
        problems.add(&loc, Some(names[0]), "prerequisite_cycle", msg);
    }
    ordered
}

/// Questions never asked, conditions on them, and conditions that can never hold.
pub fn reachability(base: &RuleBase, raw: &RawBase, problems: &mut Problems) {
    let q_loc = |i: usize| ask_loc(raw, i);
    // Questions that are never asked.
    let mut never = vec![false; base.questions.len()];
    for (i, q) in base.questions.iter().enumerate() {
        if let Some(w) = &q.ask_when {
            if can_hold(base, w) == Some(false) {
                never[i] = true;
                let msg = format!("`{}` is never asked: its ask_when can never hold", q.id);
                problems.add(&q_loc(i), Some(&q.id), "never_asked", msg);
            }
        }
    }
    let check = |e: &Expr, loc: &Loc, id: &str, what: &str, problems: &mut Problems| {
        let mut r = Vec::new();
        e.questions(&mut r);
        if let Some(&q) = r.iter().find(|&&q| never[q as usize]) {
            let msg = format!(
                "this condition tests `{}`, which is never asked",
                base.questions[q as usize].id
            );
            problems.add(loc, Some(id), "never_asked_reference", msg);
        } else if can_hold(base, e) == Some(false) {
            let msg = format!("this {what} can never apply: its condition never holds");
            problems.add(loc, Some(id), "never_fires", msg);
        }
    };
    for (i, r) in base.rules.iter().enumerate() {
        let loc = raw.rules[i]
            .when
            .as_ref()
            .map_or(raw.rules[i].id.loc.clone(), |c| c.loc.clone());
        check(&r.when, &loc, &r.id, "rule", problems);
    }
    for (i, c) in base.checks.iter().enumerate() {
        if let Some(w) = &c.when {
            let loc = raw.checks[i]
                .when
                .as_ref()
                .map_or(raw.checks[i].id.loc.clone(), |c| c.loc.clone());
            check(w, &loc, &c.id, "check", problems);
        }
    }
    for (i, r) in base.requirements.iter().enumerate() {
        for (e, raw_e) in r.eligibility.iter().zip(&raw.requirements[i].eligibility) {
            let loc = raw_e
                .when
                .as_ref()
                .map_or(raw_e.loc.clone(), |c| c.loc.clone());
            check(&e.when, &loc, &r.id, "eligibility condition", problems);
        }
    }
}
