//! The plan: required items in the order they can be done, with lead times added up along
//! prerequisites (a prerequisite must finish before its dependant starts).

use crate::model::{RIdx, RuleBase};
use crate::report::{Item, Status};

/// Plan order of the `step` values.
pub const STEP_ORDER: &[&str] = &[
    "entity",
    "pre_approval",
    "licence",
    "filing",
    "category",
    "submission",
    "operation",
];

#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub req: RIdx,
    /// Working days from the start, (min, max).
    pub start: (u32, u32),
    pub finish: (u32, u32),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub steps: Vec<Step>,
    pub total: (u32, u32),
}

fn step_rank(rb: &RuleBase, r: RIdx) -> usize {
    let step = &rb.requirements[r as usize].step;
    STEP_ORDER
        .iter()
        .position(|s| *s == step.as_ref())
        .unwrap_or(STEP_ORDER.len())
}

pub fn plan(rb: &RuleBase, items: &[Item]) -> Plan {
    let required: Vec<RIdx> = items
        .iter()
        .filter(|i| i.status == Status::Required)
        .map(|i| i.req)
        .collect();
    // finish[k] for required[k]; computed by repeated relaxation (prerequisites are acyclic,
    // checked at build time, so |required| rounds always suffice).
    // Position of each requirement in `required`, for prerequisite look-ups.
    let mut pos = vec![u32::MAX; rb.requirements.len()];
    for (k, &r) in required.iter().enumerate() {
        pos[r as usize] = k as u32;
    }
    let mut start = vec![(0u32, 0u32); required.len()];
    let mut finish = vec![(0u32, 0u32); required.len()];
    for _ in 0..=required.len() {
        let mut changed = false;
        for (k, &r) in required.iter().enumerate() {
            let req = &rb.requirements[r as usize];
            let mut s = (0, 0);
            for p in req.prerequisites.iter() {
                let pk = pos[*p as usize];
                if pk != u32::MAX {
                    let f = finish[pk as usize];
                    s = (s.0.max(f.0), s.1.max(f.1));
                }
            }
            let (lo, hi) = req.lead_time.unwrap_or((0, 0));
            let f = (s.0 + u32::from(lo), s.1 + u32::from(hi));
            if s != start[k] || f != finish[k] {
                start[k] = s;
                finish[k] = f;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut steps: Vec<Step> = required
        .iter()
        .enumerate()
        .map(|(k, &req)| Step {
            req,
            start: start[k],
            finish: finish[k],
        })
        .collect();
    let mut keyed: Vec<(usize, Step)> =
        steps.drain(..).map(|s| (step_rank(rb, s.req), s)).collect();
    keyed.sort_unstable_by_key(|(rank, s)| (*rank, s.start, s.req));
    steps.extend(keyed.into_iter().map(|(_, s)| s));
    let total = finish
        .iter()
        .fold((0, 0), |t, f| (t.0.max(f.0), t.1.max(f.1)));
    Plan { steps, total }
}
