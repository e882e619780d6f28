//! The rule base in a compact binary form: what `build.rs` embeds in the crate and the crate
//! decodes once, on first use.
//!
//! Why not generated Rust statics: on wasm32 every `&str` and slice in a static struct is a
//! pointer-and-length pair, and those pairs compressed worse than the texts they point to.
//! Here numbers are LEB128 varints, strings are length-prefixed UTF-8, and lists are
//! length-prefixed, so the embedded data is little more than its text. Decoding the shipped
//! rule base takes about a millisecond.

use std::borrow::Cow;

use crate::model::*;

/// Reads a blob; every read is bounds-checked, so a damaged blob gives `None`, never a panic.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Every string read so far, in order: a later copy of one is written as its number here.
    strings: Vec<&'a str>,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }

    /// A list length, refused if the rest of the blob could not hold that many items.
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.varint()?).ok()?;
        (n <= self.bytes.len() - self.pos).then_some(n)
    }
}

fn varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

pub trait Codec: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn get(r: &mut Reader) -> Option<Self>;
}

impl Codec for u16 {
    fn put(&self, out: &mut Vec<u8>) {
        varint(out, u64::from(*self));
    }
    fn get(r: &mut Reader) -> Option<u16> {
        u16::try_from(r.varint()?).ok()
    }
}

impl Codec for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        varint(out, u64::from(*self));
    }
    fn get(r: &mut Reader) -> Option<u32> {
        u32::try_from(r.varint()?).ok()
    }
}

impl Codec for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn get(r: &mut Reader) -> Option<bool> {
        match r.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Codec for char {
    fn put(&self, out: &mut Vec<u8>) {
        varint(out, u64::from(u32::from(*self)));
    }
    fn get(r: &mut Reader) -> Option<char> {
        char::from_u32(u32::try_from(r.varint()?).ok()?)
    }
}

impl Codec for f64 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn get(r: &mut Reader) -> Option<f64> {
        let b: [u8; 8] = r.take(8)?.try_into().ok()?;
        Some(f64::from_le_bytes(b))
    }
}

std::thread_local! {
    /// The strings `encode` has written so far, with their numbers (see `Codec for Str`).
    static WRITTEN: std::cell::RefCell<std::collections::HashMap<String, u64>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// A string is written once: `len << 1` then its UTF-8 bytes; every later copy as
/// `number << 1 | 1`, the number of its first copy among the strings written so far. The rule
/// base repeats short strings hundreds of times (kinds, steps, groups, platforms of the 533 WeChat
/// categories), and gzip codes a number in fewer bits than a repeat of the text.
impl Codec for Str {
    fn put(&self, out: &mut Vec<u8>) {
        let seen = WRITTEN.with(|w| {
            let mut w = w.borrow_mut();
            let next = w.len() as u64;
            match w.get(&**self) {
                Some(n) => Some(*n),
                None => {
                    w.insert(self.to_string(), next);
                    None
                }
            }
        });
        match seen {
            Some(n) => varint(out, n << 1 | 1),
            None => {
                varint(out, (self.len() as u64) << 1);
                out.extend_from_slice(self.as_bytes());
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Str> {
        let head = r.varint()?;
        if head & 1 == 1 {
            let s = *r.strings.get(usize::try_from(head >> 1).ok()?)?;
            return Some(Cow::Owned(s.to_string()));
        }
        let n = usize::try_from(head >> 1).ok()?;
        let end = r.pos.checked_add(n)?;
        let s = std::str::from_utf8(r.bytes.get(r.pos..end)?).ok()?;
        r.pos = end;
        r.strings.push(s);
        Some(Cow::Owned(s.to_string()))
    }
}

impl<T: Codec + Clone> Codec for List<T> {
    fn put(&self, out: &mut Vec<u8>) {
        varint(out, self.len() as u64);
        self.iter().for_each(|x| x.put(out));
    }
    fn get(r: &mut Reader) -> Option<List<T>> {
        let n = r.len()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(T::get(r)?);
        }
        Some(Cow::Owned(v))
    }
}

impl<T: Codec> Codec for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Some(x) => {
                out.push(1);
                x.put(out);
            }
            None => out.push(0),
        }
    }
    fn get(r: &mut Reader) -> Option<Option<T>> {
        match r.byte()? {
            0 => Some(None),
            1 => Some(Some(T::get(r)?)),
            _ => None,
        }
    }
}

impl<A: Codec, B: Codec> Codec for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn get(r: &mut Reader) -> Option<(A, B)> {
        Some((A::get(r)?, B::get(r)?))
    }
}

/// A fieldless enum as one byte, in the order listed.
macro_rules! small_enum {
    ($t:ident: $($v:ident),*) => {
        impl Codec for $t {
            fn put(&self, out: &mut Vec<u8>) {
                let all = [$($t::$v),*];
                out.push(all.iter().position(|x| x == self).unwrap_or(0) as u8);
            }
            fn get(r: &mut Reader) -> Option<$t> {
                [$($t::$v),*].get(usize::from(r.byte()?)).copied()
            }
        }
    };
}
small_enum!(QKind: YesNo, OneOf, SeveralOf, Number);
small_enum!(CmpOp: Lt, Le, Gt, Ge, Eq, Ne);
small_enum!(Layer: Law, Filing, Platform);
small_enum!(Confidence: Official, Secondary, Unconfirmed);
small_enum!(Difficulty: None, Easy, Moderate, Hard, OutOfReach);

/// A struct as its fields in order; fields after `;` are not written and read back as `None`
/// (a few requirements have them: `encode` writes them apart, so that the hundreds of records
/// without them keep their shape, which compresses better).
macro_rules! record {
    ($t:ident: $($f:ident),*) => {
        record!($t: $($f),* ;);
    };
    ($t:ident: $($f:ident),* ; $($none:ident),*) => {
        impl Codec for $t {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$f.put(out);)*
            }
            fn get(r: &mut Reader) -> Option<$t> {
                Some($t { $($f: Codec::get(r)?,)* $($none: None,)* })
            }
        }
    };
}
record!(Text: zh, en);
record!(Opt: id, text, help, requirement);
record!(Question: id, kind, text, help, ask_when, ask_when_src, not_sure, options, options_from,
    on_results, unit, min, max);
record!(Docs: label, all, any_of);
record!(Eligibility: when, when_src, blocks, text, met, sources);
record!(Myth: text, sources);
record!(Apply: name, url, confidence, sources);
record!(Requirement: id, layer, kind, step, name, summary, authority, lead_time, validity,
    difficulty, prerequisites, platforms, group, entities, scope, documents, eligibility, myth,
    sources, confidence, checked; held_when, apply);
record!(Rule: id, when, when_src, require, require_one_of, not_accepted, rule_out, confirm, ask,
    checklist, text, sources, confidence);
record!(Check: id, title, why, how, when, always, sources, confidence);
record!(Cause: id, title, meaning, fix, rule, implies, rej_sections, ops_sections, codes,
    patterns, sources, confidence, on);
// A cause's per-platform wording (model::CauseOns): written for the native catalogue export; the
// wasm module's blob has none (build.rs strips it), and its type there has no value to read.
#[cfg(not(target_arch = "wasm32"))]
record!(CauseOn: platform, meaning, fix, rule);
#[cfg(target_arch = "wasm32")]
impl Codec for core::convert::Infallible {
    fn put(&self, _: &mut Vec<u8>) {
        match *self {}
    }
    fn get(_: &mut Reader) -> Option<Self> {
        None
    }
}
record!(Source: id, title, title_en, url, checked, tag, note);
record!(RuleBase: version, reviewed, entity_question, questions, requirements, rules, checks,
    causes, sources, normalise);

impl Codec for DocItem {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            DocItem::Doc(s) => {
                out.push(0);
                s.put(out);
            }
            DocItem::Bundle(d) => {
                out.push(1);
                d.put(out);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<DocItem> {
        match r.byte()? {
            0 => Some(DocItem::Doc(Codec::get(r)?)),
            1 => Some(DocItem::Bundle(Codec::get(r)?)),
            _ => None,
        }
    }
}

impl Codec for Expr {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Expr::Const(b) => {
                out.push(0);
                b.put(out);
            }
            Expr::Yes(q) => {
                out.push(1);
                q.put(out);
            }
            Expr::Is(q, o) | Expr::IsNot(q, o) | Expr::Has(q, o) => {
                out.push(match self {
                    Expr::Is(..) => 2,
                    Expr::IsNot(..) => 3,
                    _ => 4,
                });
                q.put(out);
                o.put(out);
            }
            Expr::In(q, os) | Expr::HasAny(q, os) => {
                out.push(if matches!(self, Expr::In(..)) { 5 } else { 6 });
                q.put(out);
                os.put(out);
            }
            Expr::Cmp(q, op, n) => {
                out.push(7);
                q.put(out);
                op.put(out);
                n.put(out);
            }
            Expr::Not(c) | Expr::And(c) | Expr::Or(c) => {
                out.push(match self {
                    Expr::Not(_) => 8,
                    Expr::And(_) => 9,
                    _ => 10,
                });
                c.put(out);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Expr> {
        Some(match r.byte()? {
            0 => Expr::Const(Codec::get(r)?),
            1 => Expr::Yes(Codec::get(r)?),
            2 => Expr::Is(Codec::get(r)?, Codec::get(r)?),
            3 => Expr::IsNot(Codec::get(r)?, Codec::get(r)?),
            4 => Expr::Has(Codec::get(r)?, Codec::get(r)?),
            5 => Expr::In(Codec::get(r)?, Codec::get(r)?),
            6 => Expr::HasAny(Codec::get(r)?, Codec::get(r)?),
            7 => Expr::Cmp(Codec::get(r)?, Codec::get(r)?, Codec::get(r)?),
            8 => Expr::Not(Codec::get(r)?),
            9 => Expr::And(Codec::get(r)?),
            10 => Expr::Or(Codec::get(r)?),
            _ => return None,
        })
    }
}

/// Marks the format; a blob from another layout is refused rather than misread.
const MAGIC: &[u8; 8] = b"mpchk\x00\x00\x03";

pub fn encode(rb: &RuleBase) -> Vec<u8> {
    WRITTEN.with(|w| w.borrow_mut().clear());
    let mut out = MAGIC.to_vec();
    // Catalogue options repeat requirement ids and names: leave them out, `decode` rebuilds them.
    let mut rb = rb.clone();
    let questions: Vec<Question> = rb
        .questions
        .iter()
        .cloned()
        .map(|mut q| {
            if q.options_from.is_some() {
                q.options = Cow::Borrowed(&[]);
            }
            q
        })
        .collect();
    rb.questions = Cow::Owned(questions);
    rb.put(&mut out);
    // The few requirements' `held_when` and `apply`, by index (the records leave them out).
    let held: Vec<(u32, Expr)> = rb
        .requirements
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i as u32, r.held_when.clone()?)))
        .collect();
    let apply: Vec<(u32, Apply)> = rb
        .requirements
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i as u32, r.apply.clone()?)))
        .collect();
    List::<(u32, Expr)>::Owned(held).put(&mut out);
    List::<(u32, Apply)>::Owned(apply).put(&mut out);
    out
}

/// One option per requirement of the question's group, as the rule-file reader made them.
fn catalogue_options(rb: &mut RuleBase) {
    let mut questions = rb.questions.to_vec();
    for q in questions.iter_mut() {
        let Some(group) = &q.options_from else {
            continue;
        };
        let options: Vec<Opt> = rb
            .requirements
            .iter()
            .enumerate()
            .filter(|(_, r)| r.group.as_ref() == Some(group))
            .map(|(i, r)| Opt {
                id: r.id.clone(),
                text: r.name.clone(),
                help: None,
                requirement: Some(i as RIdx),
            })
            .collect();
        q.options = Cow::Owned(options);
    }
    rb.questions = Cow::Owned(questions);
}

/// Decodes a whole blob; `None` if it is damaged or has bytes left over.
pub fn decode(bytes: &[u8]) -> Option<RuleBase> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let mut r = Reader {
        bytes: rest,
        pos: 0,
        strings: Vec::new(),
    };
    let mut rb = RuleBase::get(&mut r)?;
    let (Cow::Owned(held), Cow::Owned(apply)) = (
        List::<(u32, Expr)>::get(&mut r)?,
        List::<(u32, Apply)>::get(&mut r)?,
    ) else {
        return None;
    };
    // Decoded lists are owned (`List::get`); matching rather than `to_mut` keeps the code that
    // would clone borrowed requirements out of the module.
    let Cow::Owned(reqs) = &mut rb.requirements else {
        return None;
    };
    for (i, e) in held {
        reqs.get_mut(i as usize)?.held_when = Some(e);
    }
    for (i, a) in apply {
        reqs.get_mut(i as usize)?.apply = Some(a);
    }
    catalogue_options(&mut rb);
    (r.pos == rest.len()).then_some(rb)
}
