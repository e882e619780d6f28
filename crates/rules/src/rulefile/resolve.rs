//! Raw records → `model::RuleBase`: ids resolved to indices, conditions compiled, values checked.

use std::borrow::Cow;
use std::collections::HashMap;

use super::raw::{At, RawBase, RawCond, RawDoc, RawDocs, RawText};
use super::{LoadOptions, Loc, Problems};
use crate::expr_parse::{self, Cond, Lit, Op};
use crate::model::*;

const KINDS: &[&str] = &[
    "licence", "filing", "approval", "category", "document", "duty", "entity",
];
const STEPS: &[&str] = &[
    "entity",
    "licence",
    "pre_approval",
    "filing",
    "category",
    "submission",
    "operation",
];

fn owned(s: &str) -> Str {
    Cow::Owned(s.to_string())
}

fn list<T: Clone>(v: Vec<T>) -> List<T> {
    Cow::Owned(v)
}

fn text(t: &RawText) -> Text {
    Text {
        zh: owned(&t.zh),
        en: owned(&t.en),
    }
}

/// Whether a place to apply starts with a capital that is not a name's ("The …", "Your …"): the
/// page writes it after "Apply at: ".
fn capitalised(en: &str) -> bool {
    ["The ", "Your ", "A ", "An "]
        .iter()
        .any(|w| en.starts_with(w))
}

fn valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 80
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'_' | b'.')
        })
}

fn valid_question_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_lowercase()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_')
        && !["and", "or", "not", "in", "has", "any", "true", "false"].contains(&id)
}

fn valid_date(s: &str) -> bool {
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|c| c.is_ascii_digit());
    let within = |p: &str, max: u8| (1..=max).contains(&p.parse::<u8>().unwrap_or(0));
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, ref day @ ..] = parts[..] else {
        return false;
    };
    digits(y, 4)
        && digits(m, 2)
        && within(m, 12)
        && day.len() <= 1
        && day.iter().all(|d| digits(d, 2) && within(d, 31))
}

/// Shared state while resolving.
struct Ctx<'p, 'f> {
    opts: LoadOptions,
    problems: &'p mut Problems<'f>,
    questions: Vec<Question>,
    q_index: HashMap<String, QIdx>,
    r_index: HashMap<String, RIdx>,
    c_index: HashMap<String, u16>,
    s_index: HashMap<String, u16>,
    source_tags: Vec<String>,
}

impl Ctx<'_, '_> {
    fn err(&mut self, loc: &Loc, id: &str, kind: &'static str, msg: impl Into<String>) {
        let id = (!id.is_empty()).then_some(id);
        self.problems.add(loc, id, kind, msg);
    }

    fn text(
        &mut self,
        t: &Option<RawText>,
        id: &str,
        field: &str,
        at: &Loc,
        required: bool,
    ) -> Option<Text> {
        let Some(t) = t else {
            if required {
                let msg = format!("missing `{field}` (zh and en)");
                self.err(at, id, "missing_field", msg);
            }
            return None;
        };
        if self.opts.require_translations {
            for (lang, s) in [("zh", &t.zh), ("en", &t.en)] {
                if s.trim().is_empty() {
                    let msg = format!("`{field}` has no {lang} text");
                    self.err(&t.loc, id, "missing_translation", msg);
                }
            }
        }
        Some(text(t))
    }

    /// A date field, YYYY-MM or YYYY-MM-DD; an invalid one is reported and left out.
    fn date(&mut self, v: &Option<At<String>>, id: &str, field: &str) -> Option<Str> {
        let v = v.as_ref()?;
        if !valid_date(&v.value) {
            let msg = format!("`{field}` \"{}\" is not YYYY-MM or YYYY-MM-DD", v.value);
            self.err(&v.loc, id, "invalid_date", msg);
            return None;
        }
        Some(owned(&v.value))
    }

    fn one_of(
        &mut self,
        v: &Option<At<String>>,
        allowed: &[&str],
        id: &str,
        field: &str,
        at: &Loc,
    ) -> Option<String> {
        match v {
            None => {
                self.err(at, id, "missing_field", format!("missing `{field}`"));
                None
            }
            Some(v) if allowed.contains(&v.value.as_str()) => Some(v.value.clone()),
            Some(v) => {
                let msg = format!(
                    "`{field}` is \"{}\"; expected one of: {}",
                    v.value,
                    allowed.join(", ")
                );
                self.err(&v.loc, id, "invalid_value", msg);
                None
            }
        }
    }

    fn confidence(
        &mut self,
        v: &Option<At<String>>,
        sources: &[u16],
        id: &str,
        at: &Loc,
    ) -> Confidence {
        let name = self.one_of(
            v,
            &["official", "secondary", "unconfirmed"],
            id,
            "confidence",
            at,
        );
        let c = match name.as_deref() {
            Some("official") => Confidence::Official,
            Some("secondary") => Confidence::Secondary,
            _ => Confidence::Unconfirmed,
        };
        if c == Confidence::Official && self.opts.require_sources {
            let official = sources
                .iter()
                .any(|&s| matches!(self.source_tags[s as usize].as_str(), "OFF" | "PLAT"));
            if !official {
                let loc = v.as_ref().map_or(at.clone(), |v| v.loc.clone());
                let msg = "confidence is \"official\" but no cited source is tagged OFF or PLAT";
                self.err(&loc, id, "confidence_mismatch", msg);
            }
        }
        c
    }

    fn sources(&mut self, ids: &[At<String>], at: &Option<Loc>, id: &str, rec: &Loc) -> List<u16> {
        if ids.is_empty() && self.opts.require_sources {
            let loc = at.clone().unwrap_or_else(|| rec.clone());
            let msg = "cites no source (`sources = [\"…\"]`)";
            self.err(&loc, id, "missing_sources", msg);
        }
        let mut out = Vec::new();
        for s in ids {
            match self.s_index.get(&s.value) {
                Some(&i) => out.push(i),
                None => {
                    let msg = format!("unknown source `{}`", s.value);
                    self.err(&s.loc, id, "unknown_source", msg);
                }
            }
        }
        list(out)
    }

    fn requirement(&mut self, r: &At<String>, id: &str) -> Option<RIdx> {
        let found = self.r_index.get(&r.value).copied();
        if found.is_none() {
            let msg = format!("unknown requirement `{}`", r.value);
            self.err(&r.loc, id, "unknown_requirement", msg);
        }
        found
    }

    fn requirements(&mut self, rs: &[At<String>], id: &str) -> List<RIdx> {
        list(rs.iter().filter_map(|r| self.requirement(r, id)).collect())
    }

    /// Parses and compiles a condition; errors point into the condition text.
    fn cond(&mut self, c: &RawCond, id: &str) -> Option<Expr> {
        match expr_parse::parse(&c.value) {
            Ok(cond) => self.compile(&cond, c, id),
            Err(e) => {
                let loc = Loc {
                    file: c.loc.file,
                    start: c.loc.start + e.offset,
                };
                self.err(&loc, id, "condition_syntax", e.message);
                None
            }
        }
    }

    fn at(c: &RawCond, offset: usize) -> Loc {
        Loc {
            file: c.loc.file,
            start: c.loc.start + offset,
        }
    }

    fn question(
        &mut self,
        name: &expr_parse::At<String>,
        c: &RawCond,
        id: &str,
    ) -> Option<(QIdx, QKind)> {
        match self.q_index.get(&name.value) {
            Some(&q) => Some((q, self.questions[q as usize].kind)),
            None => {
                let msg = format!("unknown question `{}`", name.value);
                self.err(&Self::at(c, name.offset), id, "unknown_question", msg);
                None
            }
        }
    }

    fn option(
        &mut self,
        q: QIdx,
        lit: &expr_parse::At<Lit>,
        c: &RawCond,
        id: &str,
    ) -> Option<OIdx> {
        let question = &self.questions[q as usize];
        let Lit::Str(s) = &lit.value else {
            let msg = format!(
                "`{}` is a {} question: compare it with an option id in quotes",
                question.id,
                question.kind.name()
            );
            self.err(&Self::at(c, lit.offset), id, "type_mismatch", msg);
            return None;
        };
        match question.options.iter().position(|o| o.id == s.as_str()) {
            Some(i) => Some(i as OIdx),
            None => {
                let msg = format!("question `{}` has no option \"{s}\"", question.id);
                self.err(&Self::at(c, lit.offset), id, "unknown_option", msg);
                None
            }
        }
    }

    fn options(
        &mut self,
        q: QIdx,
        lits: &[expr_parse::At<Lit>],
        c: &RawCond,
        id: &str,
    ) -> Option<List<OIdx>> {
        let found: Vec<Option<OIdx>> = lits.iter().map(|l| self.option(q, l, c, id)).collect();
        found.into_iter().collect::<Option<Vec<_>>>().map(list)
    }

    /// The question `name` names, if it is of kind `want`; otherwise a mismatch saying `how`.
    fn question_of_kind(
        &mut self,
        name: &expr_parse::At<String>,
        c: &RawCond,
        id: &str,
        want: QKind,
        how: &str,
    ) -> Option<QIdx> {
        let (q, kind) = self.question(name, c, id)?;
        if kind != want {
            return self.mismatch(q, name.offset, c, id, how);
        }
        Some(q)
    }

    fn mismatch<T>(
        &mut self,
        q: QIdx,
        offset: usize,
        c: &RawCond,
        id: &str,
        want: &str,
    ) -> Option<T> {
        let question = &self.questions[q as usize];
        let msg = format!(
            "`{}` is a {} question: {want}",
            question.id,
            question.kind.name()
        );
        self.err(&Self::at(c, offset), id, "type_mismatch", msg);
        None
    }

    fn compile(&mut self, cond: &Cond, c: &RawCond, id: &str) -> Option<Expr> {
        Some(match cond {
            Cond::Const(b) => Expr::Const(*b),
            Cond::Name(name) => {
                let (q, kind) = self.question(name, c, id)?;
                let how = match kind {
                    QKind::YesNo => return Some(Expr::Yes(q)),
                    QKind::OneOf => "compare it with `==` or `in`",
                    QKind::SeveralOf => "test it with `has`",
                    QKind::Number => "compare it with a number",
                };
                return self.mismatch(q, name.offset, c, id, how);
            }
            Cond::Compare(name, op, lit) => {
                let (q, kind) = self.question(name, c, id)?;
                let (offset, how) = match (kind, op, &lit.value) {
                    (QKind::OneOf, Op::Eq, _) => {
                        return Some(Expr::Is(q, self.option(q, lit, c, id)?))
                    }
                    (QKind::OneOf, Op::Ne, _) => {
                        return Some(Expr::IsNot(q, self.option(q, lit, c, id)?))
                    }
                    (QKind::Number, op, Lit::Num(n)) => return Some(Expr::Cmp(q, cmp_op(*op), *n)),
                    (QKind::Number, _, Lit::Str(_)) => (lit.offset, "compare it with a number"),
                    (QKind::YesNo, _, _) => (lit.offset, "use its name alone (`q`) or `not q`"),
                    (QKind::SeveralOf, _, _) => (name.offset, "test it with `has` or `has any`"),
                    (QKind::OneOf, _, _) => (name.offset, "only `==`, `!=` and `in` apply"),
                };
                return self.mismatch(q, offset, c, id, how);
            }
            Cond::In(name, lits) => {
                let how = "`in` applies to one_of questions";
                let q = self.question_of_kind(name, c, id, QKind::OneOf, how)?;
                Expr::In(q, self.options(q, lits, c, id)?)
            }
            Cond::Has(name, lit) => {
                let how = "`has` applies to several_of questions";
                let q = self.question_of_kind(name, c, id, QKind::SeveralOf, how)?;
                Expr::Has(q, self.option(q, lit, c, id)?)
            }
            Cond::HasAny(name, lits) => {
                let how = "`has any` applies to several_of questions";
                let q = self.question_of_kind(name, c, id, QKind::SeveralOf, how)?;
                Expr::HasAny(q, self.options(q, lits, c, id)?)
            }
            Cond::Not(inner) => Expr::Not(list(vec![self.compile(inner, c, id)?])),
            Cond::And(parts) => Expr::And(list(self.compile_all(parts, c, id)?)),
            Cond::Or(parts) => Expr::Or(list(self.compile_all(parts, c, id)?)),
        })
    }

    fn compile_all(&mut self, parts: &[Cond], c: &RawCond, id: &str) -> Option<Vec<Expr>> {
        // Compile every part so that all errors are reported, then give up if one failed.
        let out: Vec<Option<Expr>> = parts.iter().map(|p| self.compile(p, c, id)).collect();
        out.into_iter().collect()
    }
}

fn cmp_op(op: Op) -> CmpOp {
    match op {
        Op::Eq => CmpOp::Eq,
        Op::Ne => CmpOp::Ne,
        Op::Lt => CmpOp::Lt,
        Op::Le => CmpOp::Le,
        Op::Gt => CmpOp::Gt,
        Op::Ge => CmpOp::Ge,
    }
}

/// Most records of a kind numbered with 16 bits (all but requirements and rules).
pub const MAX_RECORDS: usize = u16::MAX as usize + 1;

/// Registers ids, reporting duplicates and malformed ones, and too many of them: records are
/// numbered with `I` (16-bit for most kinds, 32-bit for requirements and rules), and past its
/// range the indices would wrap and rules would silently point at other records.
fn index_ids<'a, I: TryFrom<usize>>(
    ids: impl Iterator<Item = &'a At<String>>,
    what: &str,
    valid: fn(&str) -> bool,
    problems: &mut Problems,
) -> HashMap<String, I> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        let Ok(index) = I::try_from(i) else {
            let msg = format!("at most {i} records of one kind ({what})");
            problems.add(&id.loc, Some(&id.value), "too_many", msg);
            break;
        };
        if id.value.is_empty() {
            continue;
        }
        if !valid(&id.value) {
            let msg = format!(
                "{what} id `{}` must be lower-case letters, digits, `-` or `_`",
                id.value
            );
            problems.add(&id.loc, Some(&id.value), "invalid_id", msg);
        }
        if map.insert(id.value.clone(), index).is_some() {
            let msg = format!("{what} `{}` is defined more than once", id.value);
            problems.add(&id.loc, Some(&id.value), "duplicate_id", msg);
        }
    }
    map
}

fn resolve_docs(d: &RawDocs) -> Docs {
    let item = |x: &RawDoc| match x {
        RawDoc::Doc(s) => DocItem::Doc(owned(&s.value)),
        RawDoc::Bundle(b) => DocItem::Bundle(resolve_docs(b)),
    };
    Docs {
        label: d.label.as_deref().map(owned),
        all: list(d.all.iter().map(item).collect()),
        any_of: list(
            d.any_of
                .iter()
                .map(|g| list(g.iter().map(item).collect()))
                .collect(),
        ),
    }
}

pub fn resolve(raw: &RawBase, opts: LoadOptions, problems: &mut Problems) -> Option<RuleBase> {
    let Some(meta) = &raw.meta else {
        let msg = "no `[meta]` table with the rule-base version";
        problems.add(&Loc::default(), None, "missing_meta", msg);
        return None;
    };
    let s_index = index_ids(
        raw.sources.iter().map(|s| &s.id),
        "source",
        valid_id,
        problems,
    );
    let q_index = index_ids(
        raw.questions.iter().map(|q| &q.id),
        "question",
        valid_question_id,
        problems,
    );
    let r_index = index_ids(
        raw.requirements.iter().map(|r| &r.id),
        "requirement",
        valid_id,
        problems,
    );
    let c_index = index_ids(
        raw.checks.iter().map(|c| &c.id),
        "check",
        valid_id,
        problems,
    );
    index_ids::<u32>(raw.rules.iter().map(|r| &r.id), "rule", valid_id, problems);
    index_ids::<u16>(
        raw.causes.iter().map(|c| &c.id),
        "cause",
        valid_id,
        problems,
    );
    if raw.questions.len() > MAX_QUESTIONS {
        let loc = raw.questions[MAX_QUESTIONS].id.loc.clone();
        let msg = format!("at most {MAX_QUESTIONS} questions");
        problems.add(&loc, None, "too_many_questions", msg);
        return None;
    }

    let mut ctx = Ctx {
        opts,
        problems,
        questions: Vec::new(),
        q_index,
        r_index,
        c_index,
        s_index,
        source_tags: Vec::new(),
    };

    let sources = resolve_sources(raw, &mut ctx);
    let mut questions = resolve_questions(raw, &mut ctx);
    // Catalogue options: one option per requirement of the named group.
    for (q, rq) in questions.iter_mut().zip(&raw.questions) {
        let Some(group) = &rq.options_from else {
            continue;
        };
        let opts: Vec<Opt> = raw
            .requirements
            .iter()
            .enumerate()
            .filter(|(_, r)| r.group.as_ref().map(|g| &g.value) == Some(&group.value))
            .map(|(i, r)| Opt {
                id: owned(&r.id.value),
                text: r.text.as_ref().map(text).unwrap_or_default(),
                help: None,
                requirement: Some(i as RIdx),
            })
            .collect();
        if opts.is_empty() {
            let msg = format!("no requirement has group \"{}\"", group.value);
            ctx.err(&group.loc, &rq.id.value, "unknown_group", msg);
        }
        q.options = list(opts);
    }
    ctx.questions = questions.clone();
    // Conditions can only be compiled once every question and option is known.
    for (q, rq) in questions.iter_mut().zip(&raw.questions) {
        if let Some(c) = &rq.ask_when {
            q.ask_when = ctx.cond(c, &rq.id.value);
            q.ask_when_src = owned(&c.value);
        }
    }
    ctx.questions = questions.clone();

    let entity_question =
        meta.entity_question
            .as_ref()
            .and_then(|e| match ctx.q_index.get(&e.value) {
                Some(&q) if questions[q as usize].kind == QKind::OneOf => Some(q),
                _ => {
                    let msg = format!("`entity_question` \"{}\" is not a one_of question", e.value);
                    ctx.err(&e.loc, "meta", "unknown_question", msg);
                    None
                }
            });

    let requirements = resolve_requirements(raw, &mut ctx, entity_question, &questions);
    let rules = resolve_rules(raw, &mut ctx);
    let checks = resolve_checks(raw, &mut ctx, &rules);
    let normalise = resolve_normalise(raw, &mut ctx);
    let causes = resolve_causes(raw, &mut ctx, &normalise, &questions);

    let version = meta.version.as_ref().map(|v| owned(&v.value));
    if version.is_none() {
        ctx.err(&meta.loc, "meta", "missing_field", "missing `version`");
    }
    let reviewed = ctx.date(&meta.reviewed, "meta", "reviewed");
    Some(RuleBase {
        version: version.unwrap_or_default(),
        reviewed: reviewed.unwrap_or_default(),
        entity_question,
        questions: list(questions),
        requirements: list(requirements),
        rules: list(rules),
        checks: list(checks),
        causes: list(causes),
        sources: list(sources),
        normalise: list(normalise),
    })
}

fn resolve_sources(raw: &RawBase, ctx: &mut Ctx) -> Vec<Source> {
    let mut out = Vec::new();
    for s in &raw.sources {
        let id = s.id.value.as_str();
        let tag = ctx.one_of(&s.tag, &["OFF", "PLAT", "SEC"], id, "tag", &s.id.loc);
        let checked = ctx.date(&s.checked, id, "checked");
        if s.checked.is_none() {
            let msg = "missing `checked` (when the source was last read)";
            ctx.err(&s.id.loc, id, "missing_field", msg);
        }
        if s.title.is_none() {
            ctx.err(&s.id.loc, id, "missing_field", "missing `title`");
        }
        if s.url.is_none() && s.note.is_none() {
            let msg = "a source needs a `url`, or a `note` saying how to find it";
            ctx.err(&s.id.loc, id, "missing_field", msg);
        }
        ctx.source_tags.push(tag.clone().unwrap_or_default());
        out.push(Source {
            id: owned(id),
            title: owned(s.title.as_ref().map_or("", |t| t.value.as_str())),
            title_en: s.title_en.as_ref().map(|t| owned(&t.value)),
            url: s.url.as_ref().map(|u| owned(&u.value)),
            checked: checked.unwrap_or_default(),
            tag: owned(&tag.unwrap_or_default()),
            note: s.note.as_ref().map(|n| owned(&n.value)),
        });
    }
    out
}

fn resolve_questions(raw: &RawBase, ctx: &mut Ctx) -> Vec<Question> {
    let mut out = Vec::new();
    for q in &raw.questions {
        let id = q.id.value.as_str();
        let kind = match ctx.one_of(
            &q.kind,
            &["yes_no", "one_of", "several_of", "number"],
            id,
            "kind",
            &q.id.loc,
        ) {
            Some(k) if k == "yes_no" => QKind::YesNo,
            Some(k) if k == "one_of" => QKind::OneOf,
            Some(k) if k == "several_of" => QKind::SeveralOf,
            Some(_) => QKind::Number,
            None => QKind::YesNo,
        };
        let text = ctx.text(&q.text, id, "zh/en", &q.id.loc, true);
        let help = ctx.text(&q.help, id, "help", &q.id.loc, false);
        let unit = ctx.text(&q.unit, id, "unit", &q.id.loc, false);
        let mut options = Vec::new();
        let mut seen = HashMap::new();
        for o in &q.options {
            if seen.insert(o.id.value.clone(), ()).is_some() {
                let msg = format!("option `{}` appears twice", o.id.value);
                ctx.err(&o.id.loc, id, "duplicate_id", msg);
            }
            if !valid_id(&o.id.value) {
                let msg = format!(
                    "option id `{}` must be lower-case letters, digits, `-` or `_`",
                    o.id.value
                );
                ctx.err(&o.id.loc, id, "invalid_id", msg);
            }
            let text = ctx.text(&o.text, id, "option zh/en", &o.id.loc, true);
            let help = ctx.text(&o.help, id, "option help", &o.id.loc, false);
            options.push(Opt {
                id: owned(&o.id.value),
                text: text.unwrap_or_default(),
                help,
                requirement: None,
            });
        }
        let has_options = !q.options.is_empty() || q.options_from.is_some();
        let loc = q.options_loc.clone().unwrap_or_else(|| q.id.loc.clone());
        match kind {
            QKind::OneOf | QKind::SeveralOf if !has_options => ctx.err(
                &loc,
                id,
                "empty_options",
                format!("a {} question needs `options`", kind.name()),
            ),
            QKind::YesNo | QKind::Number if has_options => ctx.err(
                &loc,
                id,
                "empty_options",
                format!("a {} question takes no options", kind.name()),
            ),
            QKind::OneOf if q.options_from.is_some() => ctx.err(
                &loc,
                id,
                "invalid_value",
                "`options_from` needs a several_of question",
            ),
            _ => {}
        }
        if q.options_from.is_some() && !q.options.is_empty() {
            let msg = "give `options` or `options_from`, not both";
            ctx.err(&loc, id, "invalid_value", msg);
        }
        if let (Some(min), Some(max)) = (&q.min, &q.max) {
            if min.value > max.value {
                ctx.err(&min.loc, id, "invalid_range", "`min` is greater than `max`");
            }
        }
        out.push(Question {
            id: owned(id),
            kind,
            text: text.unwrap_or_default(),
            help,
            ask_when: None,
            ask_when_src: Cow::Borrowed(""),
            not_sure: q.not_sure,
            options: list(options),
            options_from: q.options_from.as_ref().map(|g| owned(&g.value)),
            on_results: q.on_results,
            unit,
            min: q.min.as_ref().map(|m| m.value),
            max: q.max.as_ref().map(|m| m.value),
        });
    }
    out
}

fn resolve_requirements(
    raw: &RawBase,
    ctx: &mut Ctx,
    entity_question: Option<QIdx>,
    questions: &[Question],
) -> Vec<Requirement> {
    let mut out = Vec::new();
    for r in &raw.requirements {
        let id = r.id.value.as_str();
        let at = &r.id.loc;
        let layer = match ctx
            .one_of(&r.layer, &["law", "filing", "platform"], id, "layer", at)
            .as_deref()
        {
            Some("law") => Layer::Law,
            Some("filing") => Layer::Filing,
            _ => Layer::Platform,
        };
        let kind = ctx
            .one_of(&r.kind, KINDS, id, "kind", at)
            .unwrap_or_default();
        let step = ctx
            .one_of(&r.step, STEPS, id, "step", at)
            .unwrap_or_default();
        let difficulty = match ctx
            .one_of(
                &r.difficulty,
                &["none", "easy", "moderate", "hard", "out_of_reach"],
                id,
                "difficulty",
                at,
            )
            .as_deref()
        {
            Some("none") => Difficulty::None,
            Some("easy") => Difficulty::Easy,
            Some("hard") => Difficulty::Hard,
            Some("out_of_reach") => Difficulty::OutOfReach,
            _ => Difficulty::Moderate,
        };
        let name = ctx.text(&r.text, id, "zh/en", at, true);
        let summary = ctx.text(&r.summary, id, "summary", at, false);
        let authority = ctx.text(&r.authority, id, "authority", at, false);
        let validity = ctx.text(&r.validity, id, "validity", at, false);
        let scope = ctx.text(&r.scope, id, "scope", at, false);
        let lead_time = r.lead_time.as_ref().and_then(|l| {
            let (a, b) = l.value;
            if a < 0 || b < a || b > 2000 {
                let msg = "`lead_time` must be [min, max] with 0 ≤ min ≤ max ≤ 2000";
                ctx.err(&l.loc, id, "invalid_range", msg);
                None
            } else {
                Some((a as u16, b as u16))
            }
        });
        let prerequisites = ctx.requirements(&r.prerequisites, id);
        let this = ctx.r_index.get(id);
        if this.is_some_and(|this| prerequisites.contains(this)) {
            let msg = "a requirement cannot be its own prerequisite";
            ctx.err(at, id, "prerequisite_cycle", msg);
        }
        let mut entities = Vec::new();
        let entity_options = entity_question.map_or(&[][..], |q| &questions[q as usize].options);
        for e in &r.entities {
            let found = entity_options.iter().position(|o| o.id == e.value.as_str());
            match found {
                Some(i) => entities.push(i as OIdx),
                None => {
                    let msg = format!("`{}` is not an option of the entity question", e.value);
                    ctx.err(&e.loc, id, "unknown_entity", msg);
                }
            }
        }
        let mut eligibility = Vec::new();
        for e in &r.eligibility {
            let when = match &e.when {
                Some(c) => ctx.cond(c, id),
                None => {
                    let msg = "an eligibility entry needs `when`";
                    ctx.err(&e.loc, id, "missing_field", msg);
                    None
                }
            };
            let what = if e.note {
                "note zh/en"
            } else {
                "eligibility zh/en (not met)"
            };
            let text = ctx.text(&e.text, id, what, &e.loc, true);
            // A condition is worded both ways: met and not met (the page shows the one that is
            // true for these answers).
            let met = if e.note {
                None
            } else {
                if e.met.is_none() && e.text.is_some() {
                    let msg = "an eligibility condition needs both wordings: `zh`/`en` (not met) and `met = { zh = \"…\", en = \"…\" }`";
                    ctx.err(&e.loc, id, "missing_met_wording", msg);
                }
                ctx.text(&e.met, id, "met", &e.loc, false)
            };
            if let Some(when) = &when {
                let mut asked = Vec::new();
                when.questions(&mut asked);
                for (label, t) in [("zh/en", &e.text), ("met", &e.met)] {
                    let Some(t) = t else { continue };
                    for name in placeholders(&t.zh).chain(placeholders(&t.en)) {
                        let known = ctx.q_index.get(name).copied();
                        if !known.is_some_and(|q| asked.contains(&q)) {
                            let msg = format!("`{{{name}}}` in {label}: a placeholder names a question the condition compares");
                            ctx.err(&t.loc, id, "unknown_placeholder", msg);
                        }
                    }
                }
            }
            // A not-met wording that names an answer says the condition first, then a colon: while
            // the condition is not known, the page shows that part alone, with no verdict.
            if let Some(t) = e.text.as_ref().filter(|_| !e.note) {
                for (s, colon) in [(&t.zh, "："), (&t.en, ": ")] {
                    if s.find('{').is_some_and(|at| !s[..at].contains(colon)) {
                        let msg = format!("the not-met wording names an answer before the condition: write the condition, then `{colon}`, then the verdict with the answer");
                        ctx.err(&t.loc, id, "condition_not_first", msg);
                    }
                }
            }
            let sources = ctx.sources(&e.sources, &Some(e.loc.clone()), id, &e.loc);
            if let (Some(when), Some(text)) = (when, text) {
                eligibility.push(Eligibility {
                    when,
                    when_src: owned(e.when.as_ref().map_or("", |c| c.value.as_str())),
                    blocks: e.blocks,
                    text,
                    met,
                    sources,
                });
            }
        }
        let myth = r.myth.as_ref().and_then(|m| {
            let text = ctx.text(&m.text, id, "myth zh/en", &m.loc, true);
            let sources = ctx.sources(&m.sources, &Some(m.loc.clone()), id, &m.loc);
            text.map(|text| Myth { text, sources })
        });
        let sources = ctx.sources(&r.sources, &r.sources_loc, id, at);
        let confidence = ctx.confidence(&r.confidence, &sources, id, at);
        let checked = ctx.date(&r.checked, id, "checked");
        out.push(Requirement {
            id: owned(id),
            layer,
            kind: owned(&kind),
            step: owned(&step),
            name: name.unwrap_or_default(),
            summary,
            authority,
            lead_time,
            validity,
            difficulty,
            prerequisites,
            platforms: list(r.platforms.iter().map(|p| owned(&p.value)).collect()),
            group: r.group.as_ref().map(|g| owned(&g.value)),
            entities: list(entities),
            scope,
            documents: r.documents.as_ref().map(resolve_docs),
            eligibility: list(eligibility),
            held_when: r.held_when.as_ref().and_then(|c| ctx.cond(c, id)),
            apply: r.apply.as_ref().and_then(|a| {
                let name = ctx.text(&a.text, id, "apply zh/en", &a.loc, true);
                if let Some(t) = a.text.as_ref().filter(|t| capitalised(&t.en)) {
                    let msg = "the place to apply follows \"Apply at: \": start the English in lower case";
                    ctx.err(&t.loc, id, "apply_capitalised", msg);
                }
                let sources = ctx.sources(&a.sources, &Some(a.loc.clone()), id, &a.loc);
                let confidence = ctx.confidence(&a.confidence, &sources, id, &a.loc);
                name.map(|name| Apply {
                    name,
                    url: a.url.as_ref().map(|u| owned(&u.value)),
                    confidence,
                    sources,
                })
            }),
            myth,
            sources,
            confidence,
            checked,
        });
    }
    out
}

fn resolve_rules(raw: &RawBase, ctx: &mut Ctx) -> Vec<Rule> {
    let mut out = Vec::new();
    for r in &raw.rules {
        let id = r.id.value.as_str();
        let at = &r.id.loc;
        let when = match &r.when {
            Some(c) => ctx.cond(c, id),
            None => {
                ctx.err(at, id, "missing_field", "missing `when`");
                None
            }
        };
        let require = ctx.requirements(&r.require, id);
        let require_one_of: Vec<List<RIdx>> = r
            .require_one_of
            .iter()
            .map(|g| {
                if g.len() < 2 {
                    let loc = g.first().map_or(at.clone(), |x| x.loc.clone());
                    let msg =
                        "a `require_one_of` group needs at least two ids (use `require` for one)";
                    ctx.err(&loc, id, "invalid_value", msg);
                }
                ctx.requirements(g, id)
            })
            .collect();
        let not_accepted = ctx.requirements(&r.not_accepted, id);
        let rule_out = ctx.requirements(&r.rule_out, id);
        let confirm = ctx.requirements(&r.confirm, id);
        let ask = ctx.text(&r.ask, id, "ask", at, !r.confirm.is_empty());
        if let (Some(a), true) = (&r.ask, r.confirm.is_empty()) {
            let msg = "`ask` says whom to ask to confirm: it needs a `confirm` list";
            ctx.err(&a.loc, id, "ask_without_confirm", msg);
        }
        let mut checklist = Vec::new();
        for c in &r.checklist {
            match ctx.c_index.get(&c.value) {
                Some(&i) => checklist.push(i),
                None => {
                    let msg = format!("unknown check `{}`", c.value);
                    ctx.err(&c.loc, id, "unknown_check", msg);
                }
            }
        }
        if r.require.is_empty()
            && r.require_one_of.is_empty()
            && r.not_accepted.is_empty()
            && r.rule_out.is_empty()
            && r.confirm.is_empty()
            && r.checklist.is_empty()
        {
            ctx.err(at, id, "no_outcome", "a rule needs an outcome: require, require_one_of, not_accepted, rule_out, confirm or checklist");
        }
        let text = ctx.text(&r.text, id, "zh/en", at, true);
        let sources = ctx.sources(&r.sources, &r.sources_loc, id, at);
        let confidence = ctx.confidence(&r.confidence, &sources, id, at);
        // Provenance, as `sources`: generated workloads (LoadOptions::BENCH) skip it.
        let requires = !(r.require.is_empty() && r.require_one_of.is_empty());
        if confidence == Confidence::Unconfirmed && requires && ctx.opts.require_sources {
            let loc = r
                .require
                .first()
                .or(r.require_one_of.first().and_then(|g| g.first()))
                .map_or(at.clone(), |x| x.loc.clone());
            let msg = "an unconfirmed rule may not require anything: list these under `confirm`, with `ask` saying whom to ask";
            ctx.err(&loc, id, "unconfirmed_requires", msg);
        }
        out.push(Rule {
            id: owned(id),
            when: when.unwrap_or(Expr::Const(false)),
            when_src: owned(r.when.as_ref().map_or("", |c| c.value.as_str())),
            require,
            require_one_of: list(require_one_of),
            not_accepted,
            rule_out,
            confirm,
            ask,
            checklist: list(checklist),
            text: text.unwrap_or_default(),
            sources,
            confidence,
        });
    }
    out
}

fn resolve_checks(raw: &RawBase, ctx: &mut Ctx, rules: &[Rule]) -> Vec<Check> {
    let mut out = Vec::new();
    for (i, c) in raw.checks.iter().enumerate() {
        let id = c.id.value.as_str();
        let at = &c.id.loc;
        let title = ctx.text(&c.title, id, "zh/en", at, true);
        let why = ctx.text(&c.why, id, "why", at, true);
        let how = ctx.text(&c.how, id, "how", at, true);
        let when = c.when.as_ref().and_then(|w| ctx.cond(w, id));
        let referenced = rules.iter().any(|r| r.checklist.contains(&(i as u16)));
        let sources = ctx.sources(&c.sources, &c.sources_loc, id, at);
        let confidence = ctx.confidence(&c.confidence, &sources, id, at);
        out.push(Check {
            id: owned(id),
            title: title.unwrap_or_default(),
            why: why.unwrap_or_default(),
            how: how.unwrap_or_default(),
            always: c.when.is_none() && !referenced,
            when,
            sources,
            confidence,
        });
    }
    out
}

fn resolve_normalise(raw: &RawBase, ctx: &mut Ctx) -> Vec<(char, char)> {
    let mut out: Vec<(char, char)> = Vec::new();
    for (a, b) in &raw.normalise {
        let single = |s: &str| {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        };
        match (single(&a.value), single(&b.value)) {
            (Some(x), Some(y)) => out.push((x, y)),
            _ => ctx.err(
                &a.loc,
                "normalise",
                "invalid_value",
                "each pair maps one character to one character",
            ),
        }
    }
    out.sort_unstable();
    out.dedup();
    for w in out.windows(2) {
        if w[0].0 == w[1].0 {
            let loc = raw
                .normalise
                .first()
                .map_or(Loc::default(), |p| p.0.loc.clone());
            let msg = format!("`{}` is mapped to two characters", w[0].0);
            ctx.err(&loc, "normalise", "duplicate_id", msg);
        }
    }
    out
}

fn resolve_causes(
    raw: &RawBase,
    ctx: &mut Ctx,
    table: &[(char, char)],
    questions: &[Question],
) -> Vec<Cause> {
    let mut out = Vec::new();
    for c in &raw.causes {
        let id = c.id.value.as_str();
        let at = &c.id.loc;
        let title = ctx
            .text(&c.title, id, "zh/en", at, true)
            .unwrap_or_default();
        let meaning = ctx
            .text(&c.meaning, id, "meaning", at, true)
            .unwrap_or_default();
        let fix = ctx.text(&c.fix, id, "fix", at, true).unwrap_or_default();
        // The rule cited may be given per platform only (each platform's own document).
        let rule_on = c.on.iter().any(|o| o.rule.is_some());
        let rule = ctx
            .text(&c.rule, id, "rule", at, !rule_on)
            .unwrap_or_default();
        let on = resolve_cause_on(c, ctx, questions);
        let implies = ctx.requirements(&c.implies, id);
        let mut patterns = Vec::new();
        for (p, w) in &c.patterns {
            let folded = crate::normalise::fold(&p.value, table);
            if folded.trim().is_empty() {
                ctx.err(&p.loc, id, "invalid_pattern", "a pattern cannot be empty");
                continue;
            }
            if !(1..=100).contains(&(w.value as i64)) {
                let msg = "a pattern weight is a whole number from 1 to 100";
                ctx.err(&w.loc, id, "invalid_pattern", msg);
                continue;
            }
            patterns.push((owned(&folded), w.value as u16));
        }
        if patterns.is_empty()
            && c.codes.is_empty()
            && c.rej_sections.is_empty()
            && c.ops_sections.is_empty()
        {
            let msg = "a cause needs patterns, codes or section numbers to be recognised";
            ctx.err(at, id, "invalid_pattern", msg);
        }
        let section = |s: &At<String>, ctx: &mut Ctx| {
            let ok = !s.value.is_empty()
                && s.value
                    .split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                let msg = format!("section `{}` must look like 3.4 or 5.7.1", s.value);
                ctx.err(&s.loc, id, "invalid_value", msg);
            }
            owned(&s.value)
        };
        let rej_sections = c.rej_sections.iter().map(|s| section(s, ctx)).collect();
        let ops_sections = c.ops_sections.iter().map(|s| section(s, ctx)).collect();
        let sources = ctx.sources(&c.sources, &c.sources_loc, id, at);
        let confidence = ctx.confidence(&c.confidence, &sources, id, at);
        out.push(Cause {
            id: owned(id),
            title,
            meaning,
            fix,
            rule,
            implies,
            rej_sections: list(rej_sections),
            ops_sections: list(ops_sections),
            codes: list(
                c.codes
                    .iter()
                    .map(|s| owned(&crate::normalise::fold(&s.value, table)))
                    .collect(),
            ),
            patterns: list(patterns),
            sources,
            confidence,
            on: cause_ons(on),
        });
    }
    out
}

/// The per-platform wording as the model holds it: none in a wasm build (model::CauseOns), where
/// the rule checker runs only for the benchmark's rule bases.
#[cfg(not(target_arch = "wasm32"))]
fn cause_ons(on: Vec<CauseOn>) -> CauseOns {
    (!on.is_empty()).then(|| list(on))
}
#[cfg(target_arch = "wasm32")]
fn cause_ons(_: Vec<CauseOn>) -> CauseOns {
    None
}

/// A cause's `[[cause.on]]` entries: each names an option of the `platform` question once and
/// words at least one of meaning, fix and rule.
fn resolve_cause_on(
    c: &super::raw::RawCause,
    ctx: &mut Ctx,
    questions: &[Question],
) -> Vec<CauseOn> {
    let id = c.id.value.as_str();
    let platforms = questions.iter().find(|q| &*q.id == "platform");
    let mut out: Vec<CauseOn> = Vec::new();
    for o in &c.on {
        let at = o.loc.clone().unwrap_or_else(|| c.id.loc.clone());
        let Some(p) = &o.platform else {
            let msg = "a `[[cause.on]]` entry needs `platform`";
            ctx.err(&at, id, "missing_field", msg);
            continue;
        };
        if !platforms.is_some_and(|q| q.options.iter().any(|x| &*x.id == p.value.as_str())) {
            let msg = format!("`{}` is not an option of the platform question", p.value);
            ctx.err(&p.loc, id, "unknown_platform", msg);
            continue;
        }
        if out.iter().any(|x| &*x.platform == p.value.as_str()) {
            let msg = format!("platform `{}` is worded twice", p.value);
            ctx.err(&p.loc, id, "duplicate_platform", msg);
            continue;
        }
        let meaning = ctx.text(&o.meaning, id, "on.meaning", &at, false);
        let fix = ctx.text(&o.fix, id, "on.fix", &at, false);
        let rule = ctx.text(&o.rule, id, "on.rule", &at, false);
        if meaning.is_none() && fix.is_none() && rule.is_none() {
            let msg = "a `[[cause.on]]` entry words `meaning`, `fix` or `rule`";
            ctx.err(&at, id, "missing_field", msg);
        }
        out.push(CauseOn {
            platform: owned(&p.value),
            meaning,
            fix,
            rule,
        });
    }
    out
}

/// The `{name}` placeholders of a wording (filled with the answer's words by www/describe.js).
fn placeholders(s: &str) -> impl Iterator<Item = &str> {
    s.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
}
