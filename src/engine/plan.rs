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
    let mut i = 0;
    while i < STEP_ORDER.len() {
        // Lengths first: most steps differ in length, and a string compare is a call.
        if STEP_ORDER[i].len() == step.len() && STEP_ORDER[i] == step {
            return i;
        }
        i += 1;
    }
    STEP_ORDER.len()
}

/// Where `r` is in the ascending list `sorted`, if it is there. (A plain loop: at opt-level
/// "z" `binary_search` is a call.)
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

/// The buffers `plan_into` works in, kept between reports so that their memory is reused.
#[derive(Default)]
pub struct Scratch {
    required: Vec<RIdx>,
    /// (start, finish) of required[k].
    times: Vec<(Days, Days)>,
    keys: Vec<u128>,
}

/// The plan of `items` (in catalogue order, as `report::evaluate` makes them) into `out` (its
/// previous contents replaced), with `scratch`'s buffers. What it needs of each requirement
/// comes from `program` (lead times, prerequisites, steps), not from the rule base's records:
/// for a large rule base those are many bytes each and out of the CPU cache.
pub fn plan_into(program: &Program, items: &[Item], scratch: &mut Scratch, out: &mut Plan) {
    // The required items, picked without a branch per item (which one is required depends on
    // the answers, and a wrongly guessed branch costs more than the store): each is written at
    // the end of the list, which only moves on past a required one.
    let required = &mut scratch.required;
    required.clear();
    required.resize(items.len(), 0);
    let mut n = 0;
    let buf: &mut [RIdx] = required;
    for i in items {
        buf[n] = i.req;
        n += usize::from(i.status == Status::Required && !i.held);
    }
    required.truncate(n);
    let required: &[RIdx] = required;
    debug_assert!(required.windows(2).all(|w| w[0] < w[1]));
    let lead_times: &[(u16, u16)] = &program.lead_time;
    // (start, finish) of required[k]; computed by repeated relaxation (prerequisites are
    // acyclic, checked at build time, so |required| rounds always suffice).
    scratch.times.clear();
    scratch.times.resize(required.len(), ((0, 0), (0, 0)));
    let times: &mut [(Days, Days)] = &mut scratch.times;
    for _ in 0..=required.len() {
        let mut changed = false;
        // Whether some item read a prerequisite that comes after it (and may still change).
        let mut ahead = false;
        for (k, &r) in required.iter().enumerate() {
            let mut s = (0, 0);
            for &p in program.prerequisites_of(r) {
                if let Some(pk) = position(required, p) {
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
    let keys = &mut scratch.keys;
    keys.clear();
    let mut total = (0, 0);
    let ranks: &[u8] = &program.step_rank;
    for (k, &r) in required.iter().enumerate() {
        let (s, f) = times[k];
        let rank = ranks[r as usize];
        keys.push((rank as u128) << 96 | u128::from(s.0) << 64 | u128::from(s.1) << 32 | k as u128);
        total = (total.0.max(f.0), total.1.max(f.1));
    }
    keys.sort_unstable();
    out.steps.clear();
    for &key in keys.iter() {
        let k = key as u32 as usize;
        let (start, finish) = times[k];
        out.steps.push(Step {
            req: required[k],
            start,
            finish,
        });
    }
    out.total = total;
}
