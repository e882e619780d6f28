//! Writes a checked `RuleBase` as Rust source: static data the crate includes, so the shipped
//! rule base needs no parsing and no allocation at start-up. Used only by `build.rs`.

use std::fmt::Write;

use crate::model::*;

pub trait Emit {
    fn emit(&self, out: &mut String);
}

impl Emit for str {
    fn emit(&self, out: &mut String) {
        let _ = write!(out, "B({self:?})");
    }
}

impl Emit for Str {
    fn emit(&self, out: &mut String) {
        self.as_ref().emit(out);
    }
}

impl<T: Emit + Clone> Emit for List<T> {
    fn emit(&self, out: &mut String) {
        out.push_str("B(&[");
        for x in self.iter() {
            x.emit(out);
            out.push(',');
        }
        out.push_str("])");
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut String) {
        match self {
            Some(x) => {
                out.push_str("Some(");
                x.emit(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

macro_rules! plain {
    ($($t:ty),*) => {$(
        impl Emit for $t {
            fn emit(&self, out: &mut String) {
                let _ = write!(out, "{self:?}");
            }
        }
    )*};
}
plain!(u16, bool, char, f64);

impl<A: Emit, B: Emit> Emit for (A, B) {
    fn emit(&self, out: &mut String) {
        out.push('(');
        self.0.emit(out);
        out.push(',');
        self.1.emit(out);
        out.push(')');
    }
}

/// `Name { field: value, … }` with each value emitted.
macro_rules! record {
    ($out:expr, $name:literal, $self:expr, [$($field:ident),*]) => {{
        $out.push_str(concat!($name, "{"));
        $(
            $out.push_str(concat!(stringify!($field), ":"));
            $self.$field.emit($out);
            $out.push(',');
        )*
        $out.push('}');
    }};
}

macro_rules! enum_names {
    ($t:ty, $prefix:literal, [$($v:ident),*]) => {
        impl Emit for $t {
            fn emit(&self, out: &mut String) {
                match self { $(<$t>::$v => out.push_str(concat!($prefix, stringify!($v))),)* }
            }
        }
    };
}
enum_names!(QKind, "QKind::", [YesNo, OneOf, SeveralOf, Number]);
enum_names!(CmpOp, "CmpOp::", [Lt, Le, Gt, Ge, Eq, Ne]);
enum_names!(Layer, "Layer::", [Law, Filing, Platform]);
enum_names!(
    Confidence,
    "Confidence::",
    [Official, Secondary, Unconfirmed]
);
enum_names!(
    Difficulty,
    "Difficulty::",
    [None, Easy, Moderate, Hard, OutOfReach]
);

impl Emit for Text {
    fn emit(&self, out: &mut String) {
        record!(out, "Text", self, [zh, en]);
    }
}

impl Emit for Expr {
    fn emit(&self, out: &mut String) {
        let two = |out: &mut String, name: &str, q: &u16, rest: &dyn Fn(&mut String)| {
            let _ = write!(out, "Expr::{name}({q},");
            rest(out);
            out.push(')');
        };
        match self {
            Expr::Const(b) => {
                let _ = write!(out, "Expr::Const({b})");
            }
            Expr::Yes(q) => {
                let _ = write!(out, "Expr::Yes({q})");
            }
            Expr::Is(q, o) => two(out, "Is", q, &|out| o.emit(out)),
            Expr::IsNot(q, o) => two(out, "IsNot", q, &|out| o.emit(out)),
            Expr::In(q, os) => two(out, "In", q, &|out| os.emit(out)),
            Expr::Has(q, o) => two(out, "Has", q, &|out| o.emit(out)),
            Expr::HasAny(q, os) => two(out, "HasAny", q, &|out| os.emit(out)),
            Expr::Cmp(q, op, n) => two(out, "Cmp", q, &|out| {
                op.emit(out);
                out.push(',');
                n.emit(out);
            }),
            Expr::Not(c) | Expr::And(c) | Expr::Or(c) => {
                let name = match self {
                    Expr::Not(_) => "Not",
                    Expr::And(_) => "And",
                    _ => "Or",
                };
                let _ = write!(out, "Expr::{name}(");
                c.emit(out);
                out.push(')');
            }
        }
    }
}

impl Emit for Opt {
    fn emit(&self, out: &mut String) {
        record!(out, "Opt", self, [id, text, help, requirement]);
    }
}

impl Emit for Question {
    fn emit(&self, out: &mut String) {
        record!(
            out,
            "Question",
            self,
            [
                id,
                kind,
                text,
                help,
                ask_when,
                ask_when_src,
                not_sure,
                options,
                options_from,
                unit,
                min,
                max
            ]
        );
    }
}

impl Emit for DocItem {
    fn emit(&self, out: &mut String) {
        match self {
            DocItem::Doc(s) => {
                out.push_str("DocItem::Doc(");
                s.emit(out);
                out.push(')');
            }
            DocItem::Bundle(d) => {
                out.push_str("DocItem::Bundle(");
                d.emit(out);
                out.push(')');
            }
        }
    }
}

impl Emit for Docs {
    fn emit(&self, out: &mut String) {
        record!(out, "Docs", self, [label, all, any_of]);
    }
}

impl Emit for Eligibility {
    fn emit(&self, out: &mut String) {
        record!(
            out,
            "Eligibility",
            self,
            [when, when_src, blocks, text, sources]
        );
    }
}

impl Emit for Myth {
    fn emit(&self, out: &mut String) {
        record!(out, "Myth", self, [text, sources]);
    }
}

impl Emit for Requirement {
    fn emit(&self, out: &mut String) {
        record!(
            out,
            "Requirement",
            self,
            [
                id,
                layer,
                kind,
                step,
                name,
                summary,
                authority,
                lead_time,
                validity,
                difficulty,
                prerequisites,
                platforms,
                group,
                entities,
                scope,
                documents,
                eligibility,
                myth,
                sources,
                confidence,
                checked
            ]
        );
    }
}

impl Emit for Rule {
    fn emit(&self, out: &mut String) {
        record!(
            out,
            "Rule",
            self,
            [
                id,
                when,
                when_src,
                require,
                require_one_of,
                not_accepted,
                rule_out,
                checklist,
                text,
                sources,
                confidence
            ]
        );
    }
}

impl Emit for Check {
    fn emit(&self, out: &mut String) {
        record!(
            out,
            "Check",
            self,
            [id, title, why, how, when, always, sources, confidence]
        );
    }
}

impl Emit for Cause {
    fn emit(&self, out: &mut String) {
        record!(
            out,
            "Cause",
            self,
            [
                id,
                title,
                meaning,
                fix,
                rule,
                implies,
                rej_sections,
                ops_sections,
                codes,
                patterns,
                sources,
                confidence
            ]
        );
    }
}

impl Emit for Source {
    fn emit(&self, out: &mut String) {
        record!(out, "Source", self, [id, title, url, checked, tag, note]);
    }
}

/// The whole rule base as a `pub static RULES: RuleBase`.
pub fn rulebase(rb: &RuleBase) -> String {
    let mut out = String::with_capacity(1 << 20);
    out.push_str("pub static RULES: RuleBase = ");
    record!(
        &mut out,
        "RuleBase",
        rb,
        [
            version,
            reviewed,
            entity_question,
            questions,
            requirements,
            rules,
            checks,
            causes,
            sources,
            normalise
        ]
    );
    out.push_str(";\n");
    out
}
