//! The report as a list of numbers (a "tape"), for the wasm adapter: JavaScript rebuilds the
//! report object from it (`src/js/report.js`) with the strings of a table it received once per
//! rule base and language (`tables_json`), which is several times faster than writing and
//! parsing the report's JSON. `JSON.stringify` of the rebuilt object is byte-identical to
//! `output::report_json` (tests/node/scenarios.test.mjs checks every scenario).
//!
//! Layout (every entry one u32; `NONE` = no value; lists are a count then their entries):
//! ```text
//! flow:       asked[q], next (q | NONE), unsure[q]
//! items[]:    REF | req (the item kept for req, unchanged), or
//!             req (NEW | req: keep it), status, because[], settle{q}, one_of (NONE | rule, group),
//!             problems[text, blocks, certain]
//! because:    REF | e (entry e, as sent before), NEW | e, d, answers{q} (entry e, from now on:
//!             decider d with these answers), or d, answers{q} (an entry sent only this once)
//!             (d: the rule's index; rules.len() + 0 picked, 1 entity, 2 when)
//! checklist[]: check, certain, because[], settle{q}
//! next_questions[]: q, settles
//! plan:       steps[req, start.0, start.1, finish.0, finish.1], total.0, total.1
//! answers[]:  q, words   (see `answer_words`)
//! ```
//! A question set `{q}` is `0` (empty), `REF | k` (set k, as sent before), `NEW | k, n, q…` (set
//! k, from now on), or `n, q…` (a set sent only this once: the table of sets is full).
//!
//! So that JS builds each list of question ids and each `because` entry once, and then shares it
//! between items and reports (frozen, src/js/report.js): a tape remembers, across reports, the sets
//! it sent (up to `MAX_SETS`, numbered in order) and the entries it sent whose set is empty or
//! numbered (up to `MAX_ENTRIES`, numbered in order): every pair of decider and set, not only the
//! last one per decider, so answers that change back and forth reuse what JS built before. Both
//! are pure values — a set of question ids, a decider with such a set — so sharing them never
//! carries one report's answers into another. A tape also keeps the report it last wrote, when it
//! has at most `MAX_KEPT` items: JS keeps its items (frozen too; an item holds ids, entries and
//! problem texts, never an answer's words), and an item equal to the one of its requirement there
//! is sent as a reference, so consecutive reports share what did not
//! change. (After a report in which many items changed, no new ones are kept: see
//! `Tape::churning`.) A tape serves one rule base and one language (one string table in JS): the
//! adapter keeps one per language, and calls `forget` if JS failed to read one (JS then receives
//! everything again).
//!
//! Problem texts index `texts` in the table: first every requirement's eligibility texts in
//! order, then every rule's text.

use crate::answers::{Answer, Answers};
use crate::eval::QSet;
use crate::json::Json;
use crate::model::*;
use crate::output::{ANSWER_WORDS, LIST_SEPARATOR};
use crate::report::{Because, Decider, Item, ProblemFrom, Report, Status};

pub const NONE: u32 = u32::MAX;
/// A set or entry sent before (`REF | k`), or a set numbered from now on (`NEW | k`). Set sizes
/// (at most `MAX_QUESTIONS`) and decider codes (rule indices in 32-bit memory, each rule many
/// bytes) stay below `NEW`.
pub const REF: u32 = 1 << 31;
pub const NEW: u32 = 1 << 30;
/// Most question sets a tape numbers (and JS keeps).
pub const MAX_SETS: usize = 1 << 16;
/// Most `because` entries a tape numbers (and JS keeps, a small object each).
pub const MAX_ENTRIES: usize = 1 << 18;
/// Most items a report may have for the tape to keep its items (see `report_tape`).
pub const MAX_KEPT: usize = 2048;

/// The numbers of one report, kept between reports so its memory is reused. Written through a
/// slice and grown in big steps: at opt-level "z" `Vec::push` stays a call per number, a slice
/// store does not. Writers make room for a run of numbers once (`room`) and store them with no
/// further checks than the slice's bounds; every helper is inlined (a call per number costs more
/// than the store).
#[derive(Default)]
pub struct Tape {
    buf: Vec<u32>,
    len: usize,
    /// The sets sent, by number, and an open-addressing table of them (1 + number; 0: empty).
    sets: Vec<QSet>,
    slots: Vec<u32>,
    /// The entries sent, by number: (decider code, set key: 1 the empty set, 2 + k set k), and
    /// an open-addressing table of them (1 + number; 0: empty).
    entries: Vec<(u32, u32)>,
    entry_slots: Vec<u32>,
    /// Per decider code: 1 + the number of the entry last sent for it (0: none), looked at
    /// first: with answers that repeat, it is the entry again.
    last: Vec<u32>,
    /// The report last written, if its items were kept (`keep`): an item of the next report
    /// that is the same as its requirement's item there, and which JS keeps (`held_item`), is
    /// sent as `REF | req`, and JS gives the same object again.
    prev: Report,
    /// Per requirement: 1 + the index of its item in `prev.items` (0: none, or forgotten).
    prev_item: Vec<u32>,
    /// Per requirement: whether JS keeps the object of its item in `prev`.
    held_item: Vec<bool>,
    /// Whether more than a quarter of the items of the last report differed from the one before
    /// (answers that change all at once; one changed answer leaves nine in ten of the shipped
    /// rule base's items as they were): then no new items are kept, since freezing an object
    /// costs about as much as building it, and few would be sent again.
    churning: bool,
    /// Reports of more items than this keep none (`None`: `MAX_KEPT`; tests set less).
    keep_up_to: Option<usize>,
}

impl Tape {
    pub fn as_slice(&self) -> &[u32] {
        &self.buf[..self.len]
    }

    /// Makes room for `n` more numbers.
    #[inline(always)]
    fn room(&mut self, n: usize) {
        if self.buf.len() - self.len < n {
            self.grow(n);
        }
    }

    #[inline(never)]
    fn grow(&mut self, n: usize) {
        let want = (2 * self.buf.len()).max(self.len + n) + 1024;
        self.buf.resize(want, 0);
    }

    #[inline(always)]
    fn put(&mut self, x: u32) {
        self.room(1);
        let buf: &mut [u32] = &mut self.buf;
        buf[self.len] = x;
        self.len += 1;
    }

    #[inline(always)]
    fn put_all<const N: usize>(&mut self, xs: [u32; N]) {
        self.room(N);
        let buf: &mut [u32] = &mut self.buf;
        let mut i = 0;
        while i < N {
            buf[self.len + i] = xs[i];
            i += 1;
        }
        self.len += N;
    }

    /// Forgets every set and entry sent: JS will receive them again.
    pub fn forget(&mut self) {
        self.sets.clear();
        self.slots.clear();
        self.entries.clear();
        self.entry_slots.clear();
        self.last.iter_mut().for_each(|x| *x = 0);
        self.prev_item.iter_mut().for_each(|x| *x = 0);
    }

    /// Whether `item` of `report` is the item of its requirement in the report last written.
    #[inline(always)]
    fn same_item(&self, report: &Report, item: &Item) -> bool {
        let at = self.prev_item[item.req as usize];
        if at == 0 {
            return false;
        }
        let old = &self.prev.items[at as usize - 1];
        old.status == item.status
            && old.settle.same(&item.settle)
            && old.one_of == item.one_of
            && old.because.of(&self.prev.because) == item.because.of(&report.because)
            && old.problems.of(&self.prev.problems) == item.problems.of(&report.problems)
    }

    /// Keeps `report` as the one last written if its items were kept (taking its buffers;
    /// `report` is left with the older report's, to be overwritten); otherwise keeps none.
    fn keep(&mut self, report: &mut Report, keeping: bool) {
        for i in &self.prev.items {
            self.prev_item[i.req as usize] = 0;
        }
        if !keeping {
            self.prev.items.clear();
            return;
        }
        std::mem::swap(&mut self.prev, report);
        for (k, i) in self.prev.items.iter().enumerate() {
            self.prev_item[i.req as usize] = k as u32 + 1;
        }
    }

    /// Where set `s` is among the sets sent: `Ok(k)` its number, or `Err(i)` the free slot it
    /// would take (`usize::MAX` while the table is empty).
    #[inline(always)]
    fn find_set(&self, s: &QSet) -> Result<u32, usize> {
        let slots: &[u32] = &self.slots;
        if slots.is_empty() {
            return Err(usize::MAX);
        }
        let sets: &[QSet] = &self.sets;
        let mask = slots.len() - 1;
        let mut i = (s.hash() >> 32) as usize & mask;
        loop {
            let k = slots[i];
            if k == 0 {
                return Err(i);
            }
            if sets[k as usize - 1].same(s) {
                return Ok(k - 1);
            }
            i = (i + 1) & mask;
        }
    }

    /// A question set, numbered if it can be: returns its key for an entry with this set (1 the
    /// empty set, 2 + k set k; 0: it was sent as a one-off).
    #[inline(always)]
    fn set(&mut self, s: &QSet) -> u32 {
        if s.is_empty() {
            self.put(0);
            return 1;
        }
        if 2 * (self.sets.len() + 1) > self.slots.len() && self.sets.len() < MAX_SETS {
            self.rehash();
        }
        match self.find_set(s) {
            Ok(k) => {
                self.put(REF | k);
                k + 2
            }
            Err(i) if self.sets.len() < MAX_SETS => {
                let k = self.sets.len() as u32;
                self.slots[i] = k + 1;
                self.sets.push(*s);
                self.put(NEW | k);
                self.qset(s);
                k + 2
            }
            Err(_) => {
                self.qset(s);
                0
            }
        }
    }

    /// The key of set `s` (see `set`) if it has one, without writing anything; or 0 if it
    /// would be a one-off, or `NONE` if writing it would number it now.
    #[inline(always)]
    fn key_of(&self, s: &QSet) -> u32 {
        if s.is_empty() {
            return 1;
        }
        match self.find_set(s) {
            Ok(k) => k + 2,
            Err(_) if self.sets.len() < MAX_SETS => NONE,
            Err(_) => 0,
        }
    }

    /// Where entry (d, key) is, or would go, in `entry_slots` (which must not be empty).
    #[inline(always)]
    fn entry_slot(&self, d: u32, key: u32) -> usize {
        let slots: &[u32] = &self.entry_slots;
        let entries: &[(u32, u32)] = &self.entries;
        let mask = slots.len() - 1;
        let h = (u64::from(d) << 32 | u64::from(key)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mut i = (h >> 40) as usize & mask;
        loop {
            let k = slots[i];
            if k == 0 || entries[k as usize - 1] == (d, key) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// 1 + the number of entry (d, key), or 0 if it was never sent.
    #[inline(always)]
    fn find_entry(&self, d: u32, key: u32) -> u32 {
        if self.entry_slots.is_empty() {
            return 0;
        }
        self.entry_slots[self.entry_slot(d, key)]
    }

    /// Numbers entry (d, key) (not numbered yet; fewer than `MAX_ENTRIES` are).
    fn add_entry(&mut self, d: u32, key: u32) {
        if 2 * (self.entries.len() + 1) > self.entry_slots.len() {
            self.rehash_entries();
        }
        let i = self.entry_slot(d, key);
        self.entry_slots[i] = self.entries.len() as u32 + 1;
        self.entries.push((d, key));
    }

    /// Doubles the table of entries (at least 256 slots) and enters the entries again.
    #[inline(never)]
    fn rehash_entries(&mut self) {
        let n = (2 * self.entry_slots.len()).max(256);
        self.entry_slots.clear();
        self.entry_slots.resize(n, 0);
        for k in 0..self.entries.len() {
            let (d, key) = self.entries[k];
            let i = self.entry_slot(d, key);
            self.entry_slots[i] = k as u32 + 1;
        }
    }

    /// Doubles the table of sets (at least 256 slots) and enters the sets again.
    #[inline(never)]
    fn rehash(&mut self) {
        let n = (2 * self.slots.len()).max(256);
        self.slots.clear();
        self.slots.resize(n, 0);
        let slots: &mut [u32] = &mut self.slots;
        for (k, s) in self.sets.iter().enumerate() {
            let mut i = (s.hash() >> 32) as usize & (n - 1);
            while slots[i] != 0 {
                i = (i + 1) & (n - 1);
            }
            slots[i] = k as u32 + 1;
        }
    }

    /// A question set: its size, then its members in order.
    #[inline(always)]
    fn qset(&mut self, s: &QSet) {
        self.room(1 + MAX_QUESTIONS);
        let buf: &mut [u32] = &mut self.buf;
        let at = self.len;
        let mut len = at + 1;
        for q in s.iter() {
            buf[len] = q.into();
            len += 1;
        }
        buf[at] = (len - at - 1) as u32;
        self.len = len;
    }
}

fn status_code(s: Status) -> u32 {
    match s {
        Status::Required => 0,
        Status::Possible => 1,
        Status::NotAccepted => 2,
        Status::NotNeeded => 3,
        Status::NeedsConfirming => 4,
    }
}

/// Where each requirement's eligibility texts start in the table's `texts`, and at the end
/// (index `requirements.len()`) where the rules' texts start.
pub fn eligibility_base(rb: &RuleBase) -> Vec<u32> {
    let mut base = Vec::with_capacity(rb.requirements.len() + 1);
    let mut n = 0u32;
    for r in rb.requirements.iter() {
        base.push(n);
        n += r.eligibility.len() as u32;
    }
    base.push(n);
    base
}

fn because(tape: &mut Tape, rb: &RuleBase, list: &[Because]) {
    tape.put(list.len() as u32);
    let rules = rb.rules.len() as u32;
    for b in list {
        let d = match b.by {
            Decider::Rule(r) => r,
            Decider::Picked => rules,
            Decider::Entity => rules + 1,
            Decider::Own => rules + 2,
        };
        // The entry last sent for this decider, most often.
        let last = tape.last[d as usize];
        if last != 0 {
            let (_, key) = tape.entries[last as usize - 1];
            let same = match key {
                1 => b.answers.is_empty(),
                k => tape.sets[k as usize - 2].same(&b.answers),
            };
            if same {
                tape.put(REF | (last - 1));
                continue;
            }
        }
        // Otherwise an entry sent before for this decider and set, or a new one.
        let key = tape.key_of(&b.answers);
        let k = if key == 0 || key == NONE {
            0
        } else {
            tape.find_entry(d, key)
        };
        if k != 0 {
            tape.last[d as usize] = k;
            tape.put(REF | (k - 1));
        } else if key == 0 || tape.entries.len() >= MAX_ENTRIES {
            // A set sent only this once, or no room for more entries: an entry sent only once.
            tape.put(d);
            tape.set(&b.answers);
        } else {
            let k = tape.entries.len() as u32;
            tape.put(NEW | k);
            tape.put(d);
            let key = tape.set(&b.answers);
            tape.add_entry(d, key);
            tape.last[d as usize] = k + 1;
        }
    }
}

/// Writes `report` onto `tape` (cleared first). `base` is `eligibility_base(rb)`. The tape may
/// keep the report (to send what recurs in the next one by reference): `report` is then left
/// holding an older report's buffers, for `evaluate_into` to overwrite.
pub fn report_tape(
    rb: &RuleBase,
    report: &mut Report,
    answers: &Answers,
    base: &[u32],
    tape: &mut Tape,
) {
    tape.len = 0;
    if tape.last.len() != rb.rules.len() + 3 || tape.prev_item.len() != rb.requirements.len() {
        tape.last.clear();
        tape.last.resize(rb.rules.len() + 3, 0);
        tape.prev_item.clear();
        tape.prev_item.resize(rb.requirements.len(), 0);
        tape.held_item.clear();
        tape.held_item.resize(rb.requirements.len(), false);
        tape.churning = false;
        tape.prev = Report::default();
        tape.forget();
    }
    let eligibility_total = base[rb.requirements.len()];
    let qs = |tape: &mut Tape, list: &[QIdx]| {
        tape.put(list.len() as u32);
        for &q in list {
            tape.put(q.into());
        }
    };
    qs(tape, &report.asked);
    tape.put(report.next.map_or(NONE, u32::from));
    qs(tape, &report.unsure);

    // Items are kept (and the report, to compare the next one with) only in reports of at most
    // `MAX_KEPT` items: in larger ones, holding two reports' buffers doubles what a report
    // reads and writes, which costs more than JS saves.
    let keeping = report.items.len() <= tape.keep_up_to.unwrap_or(MAX_KEPT);
    let mut repeated = 0;
    tape.put(report.items.len() as u32);
    for item in &report.items {
        let r = item.req as usize;
        let same = keeping && tape.same_item(report, item);
        repeated += usize::from(same);
        if same && tape.held_item[r] {
            tape.put(REF | item.req);
            continue;
        }
        let keep = keeping && !tape.churning;
        tape.held_item[r] = keep;
        tape.put(if keep { NEW | item.req } else { item.req });
        tape.put(status_code(item.status));
        because(tape, rb, item.because.of(&report.because));
        tape.set(&item.settle);
        match item.one_of {
            Some((r, g)) => tape.put_all([r, u32::from(g)]),
            None => tape.put(NONE),
        }
        let problems = item.problems.of(&report.problems);
        tape.put(problems.len() as u32);
        for p in problems {
            let (text, blocks) = match p.from {
                ProblemFrom::Eligibility(e) => {
                    let req = &rb.requirements[item.req as usize];
                    (
                        base[item.req as usize] + u32::from(e),
                        req.eligibility[e as usize].blocks,
                    )
                }
                ProblemFrom::Rule(r) => (eligibility_total + r, true),
            };
            tape.put_all([text, u32::from(blocks), u32::from(p.certain)]);
        }
    }

    tape.put(report.checklist.len() as u32);
    for c in &report.checklist {
        tape.put_all([u32::from(c.check), u32::from(c.certain)]);
        because(tape, rb, c.because.of(&report.because));
        tape.set(&c.settle);
    }

    tape.put(report.next_questions.len() as u32);
    for (q, n) in &report.next_questions {
        tape.put_all([u32::from(*q), *n]);
    }

    tape.put(report.plan.steps.len() as u32);
    for s in &report.plan.steps {
        tape.put_all([s.req, s.start.0, s.start.1, s.finish.0, s.finish.1]);
    }
    tape.put_all([report.plan.total.0, report.plan.total.1]);

    tape.put(report.cited.iter().count() as u32);
    for q in report.cited.iter() {
        tape.put(q.into());
        answer_words(tape, answers.values[q as usize].as_ref());
    }
    tape.churning = keeping && !tape.prev.items.is_empty() && 4 * repeated < 3 * report.items.len();
    tape.keep(report, keeping);
}

/// An answer as the table's words put it together (the same as `output::answer_label`):
/// `WORD, w` (the table's `words[w]`); `OPTIONS, n, o…` (the question's option labels joined
/// with the table's `separator`); `NUMBER, n, c…` (the number's text as `n` character codes,
/// then the question's unit, if it has one, after a space).
fn answer_words(tape: &mut Tape, a: Option<&Answer>) {
    let word = |tape: &mut Tape, w: u32| tape.put_all([WORD, w]);
    match a {
        None => word(tape, 0),
        Some(Answer::NotSure) => word(tape, 1),
        Some(Answer::Yes) => word(tape, 2),
        Some(Answer::No) => word(tape, 3),
        Some(Answer::Set(s)) if s.is_empty() => word(tape, 4),
        Some(Answer::Opt(o)) => tape.put_all([OPTIONS, 1, u32::from(*o)]),
        Some(Answer::Set(s)) => {
            tape.put_all([OPTIONS, s.len() as u32]);
            for &o in s {
                tape.put(o.into());
            }
        }
        Some(Answer::Num(n)) => {
            let text = crate::json::number(*n);
            tape.put_all([NUMBER, text.len() as u32]);
            for b in text.bytes() {
                tape.put(b.into());
            }
        }
    }
}

const WORD: u32 = 0;
const OPTIONS: u32 = 1;
const NUMBER: u32 = 2;

/// The strings the tape's numbers stand for, in one language:
/// `{version, questions: [id], question_texts: [text], requirements: [id], layers: [layer],
/// steps: [step], deciders: [rule id…, "picked", "entity", "when"], checks: [id],
/// kinds: [kind], not_sure: [bool], min: [n | null], max: [n | null], option_ids: [[id]],
/// options: [[label]] (per question), units: [unit | null], words: [not answered, not sure,
/// yes, no, none of these], separator,
/// groups: [[[id]]] (per rule, its one-of groups), texts: [eligibility texts…, rule texts…]}`.
pub fn tables_json(rb: &RuleBase, lang: Lang) -> String {
    let mut j = Json::with_capacity(64 * 1024);
    j.obj().str_field("version", &rb.version);
    j.str_list("questions", rb.questions.iter().map(|q| &*q.id));
    j.str_list(
        "question_texts",
        rb.questions.iter().map(|q| q.text.get(lang)),
    );
    j.str_list("requirements", rb.requirements.iter().map(|r| &*r.id));
    j.str_list("layers", rb.requirements.iter().map(|r| r.layer.name()));
    j.str_list("steps", rb.requirements.iter().map(|r| &*r.step));
    j.str_list(
        "deciders",
        rb.rules
            .iter()
            .map(|r| &*r.id)
            .chain(["picked", "entity", "when"]),
    );
    j.str_list("checks", rb.checks.iter().map(|c| &*c.id));
    // What src/js/answers.js needs to encode well-formed answers without JSON.
    j.str_list("kinds", rb.questions.iter().map(|q| q.kind.name()));
    j.key("not_sure").arr();
    for q in rb.questions.iter() {
        j.bool(q.not_sure);
    }
    j.end_arr();
    for (key, bound) in [("min", 0), ("max", 1)] {
        j.key(key).arr();
        for q in rb.questions.iter() {
            match if bound == 0 { q.min } else { q.max } {
                Some(n) => j.num(n),
                None => j.null(),
            };
        }
        j.end_arr();
    }
    j.key("option_ids").arr();
    for q in rb.questions.iter() {
        j.arr();
        for o in q.options.iter() {
            j.str(&o.id);
        }
        j.end_arr();
    }
    j.end_arr();
    j.key("options").arr();
    for q in rb.questions.iter() {
        j.arr();
        for o in q.options.iter() {
            j.str(o.text.get(lang));
        }
        j.end_arr();
    }
    j.end_arr();
    j.key("units").arr();
    for q in rb.questions.iter() {
        match &q.unit {
            Some(u) => j.str(u.get(lang)),
            None => j.null(),
        };
    }
    j.end_arr();
    j.str_list("words", ANSWER_WORDS.iter().map(|w| w.get(lang)));
    j.str_field("separator", LIST_SEPARATOR.get(lang));
    j.key("groups").arr();
    for r in rb.rules.iter() {
        j.arr();
        for g in r.require_one_of.iter() {
            j.arr();
            for m in g.iter() {
                j.str(&rb.requirements[*m as usize].id);
            }
            j.end_arr();
        }
        j.end_arr();
    }
    j.end_arr();
    j.str_list(
        "texts",
        rb.requirements
            .iter()
            .flat_map(|r| r.eligibility.iter().map(|e| e.text.get(lang)))
            .chain(rb.rules.iter().map(|r| r.text.get(lang))),
    );
    j.end_obj();
    j.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{RawAnswers, RawValue};
    use crate::report::{evaluate_into, Scratch};

    /// The item headers of a tape (src/js/report.js reads it the same way).
    fn item_headers(tape: &[u32]) -> Vec<u32> {
        let mut p = 0;
        let list = |p: &mut usize| {
            let n = tape[*p] as usize;
            *p += 1 + n;
        };
        let set = |p: &mut usize| {
            let x = tape[*p];
            *p += 1;
            if x != 0 && x < REF {
                let n = if x >= NEW { tape[*p] } else { x } as usize;
                *p += n + usize::from(x >= NEW);
            }
        };
        list(&mut p);
        p += 1;
        list(&mut p);
        let n = tape[p] as usize;
        p += 1;
        let mut headers = Vec::new();
        for _ in 0..n {
            headers.push(tape[p]);
            p += 1;
            if headers.last().is_some_and(|&h| h >= REF) {
                continue;
            }
            p += 1;
            let nb = tape[p] as usize;
            p += 1;
            for _ in 0..nb {
                let x = tape[p];
                p += 1;
                if x >= REF {
                    continue;
                }
                if x >= NEW {
                    p += 1;
                }
                set(&mut p);
            }
            set(&mut p);
            p += if tape[p] == NONE { 1 } else { 2 };
            p += 1 + 3 * tape[p] as usize;
        }
        headers
    }

    fn tapes(keep_up_to: Option<usize>) -> Vec<Vec<u32>> {
        let rb = &*crate::RULES;
        let base = eligibility_base(rb);
        let mut scratch = Scratch::default();
        let mut report = Report::default();
        let mut tape = Tape {
            keep_up_to,
            ..Tape::default()
        };
        let mut out = Vec::new();
        for platform in ["wechat", "wechat", "douyin"] {
            let raw = RawAnswers(vec![
                ("platform".into(), RawValue::Str(platform.into())),
                ("entity".into(), RawValue::Str("company".into())),
            ]);
            let answers = Answers::resolve(rb, &raw).expect("valid answers");
            evaluate_into(rb, &answers, &mut scratch, &mut report);
            report_tape(rb, &mut report, &answers, &base, &mut tape);
            out.push(tape.as_slice().to_vec());
        }
        out
    }

    #[test]
    fn items_are_kept_and_referred_to_while_they_stay_the_same() {
        let t = tapes(None);
        let h: Vec<Vec<u32>> = t.iter().map(|t| item_headers(t)).collect();
        assert!(
            h[0].len() > 5 && h[0].iter().all(|&x| (NEW..REF).contains(&x)),
            "all kept: {:?}",
            h[0]
        );
        assert!(
            h[1].iter().all(|&x| x >= REF),
            "the same answers again: every item by reference"
        );
        let refs = h[2].iter().filter(|&&x| x >= REF).count();
        assert!(
            refs > 0 && refs < h[2].len(),
            "another platform: some kept, some new ({refs} of {})",
            h[2].len()
        );
    }

    #[test]
    fn large_reports_keep_no_items() {
        let t = tapes(Some(0));
        for tape in &t {
            assert!(
                item_headers(tape).iter().all(|&x| x < NEW),
                "items sent whole, not kept"
            );
        }
    }
}
