//! The plan: required items (not those the operator already holds) in the order they can be done, with lead times added up along
//! prerequisites (a prerequisite must finish before its dependant starts).

use crate::engine::program::Program;
use crate::engine::report::{Item, Status};
use crate::model::RIdx;

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

/// Position of a `step` in `STEP_ORDER` (unknown steps last).
pub fn step_rank(step: &str) -> usize {
    let rank = STEP_ORDER.iter().position(|&s| s == step);
    rank.unwrap_or(STEP_ORDER.len())
}

/// Where `r` is in the ascending list `sorted`, if it is there. (Not `binary_search`: its
/// generic code made the module 0.25 KB gzip larger.)
fn position(sorted: &[RIdx], r: RIdx) -> Option<usize> {
    let (mut lo, mut hi) = (0, sorted.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if sorted[mid] < r {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    (lo < sorted.len() && sorted[lo] == r).then_some(lo)
}

/// Working days from the start, (min, max).
type Days = (u32, u32);

/// The plan of `items` (in catalogue order, as `report::evaluate` makes them). What it needs of
/// each requirement comes from `program` (lead times, prerequisites, steps), not from the rule
/// base's records: for a large rule base those are many bytes each and out of the CPU cache.
pub fn plan(program: &Program, items: &[Item]) -> Plan {
    let required: Vec<RIdx> = items
        .iter()
        .filter(|i| i.status == Status::Required && !i.held)
        .map(|i| i.req)
        .collect();
    debug_assert!(required.windows(2).all(|w| w[0] < w[1]));
    let lead_times: &[(u16, u16)] = &program.lead_time;
    // (start, finish) of required[k]; computed by repeated relaxation (prerequisites are
    // acyclic, checked at build time, so |required| rounds always suffice).
    let mut times: Vec<(Days, Days)> = vec![((0, 0), (0, 0)); required.len()];
    for _ in 0..=required.len() {
        let mut changed = false;
        // Whether some item read a prerequisite that comes after it (and may still change).
        let mut ahead = false;
        for (k, &r) in required.iter().enumerate() {
            let mut s = (0, 0);
            for p in program.prerequisites_of(r) {
                if let Some(pk) = position(&required, *p) {
                    ahead |= pk >= k;
                    let f = times[pk].1;
                    s = (s.0.max(f.0), s.1.max(f.1));
                }
            }
            let (lo, hi) = lead_times[r as usize];
            let f = (s.0 + u32::from(lo), s.1 + u32::from(hi));
            if (s, f) != times[k] {
                times[k] = (s, f);
                changed = true;
            }
        }
        // When every prerequisite came earlier, each item was worked out from final values:
        // another round would change nothing, so it is skipped.
        if !changed || !ahead {
            break;
        }
    }
    // Plan order: step, then start, then catalogue order (= position in `required`), packed
    // into one integer key so that the sort compares integers rather than tuples.
    let mut keys = Vec::with_capacity(required.len());
    let mut total = (0, 0);
    let ranks: &[u8] = &program.step_rank;
    for (k, &r) in required.iter().enumerate() {
        let (s, f) = times[k];
        let rank = ranks[r as usize];
        keys.push((rank as u128) << 96 | u128::from(s.0) << 64 | u128::from(s.1) << 32 | k as u128);
        total = (total.0.max(f.0), total.1.max(f.1));
    }
    keys.sort_unstable();
    let mut steps = Vec::with_capacity(keys.len());
    for key in keys {
        let k = key as u32 as usize;
        let (start, finish) = times[k];
        let req = required[k];
        steps.push(Step { req, start, finish });
    }
    Plan { steps, total }
}
