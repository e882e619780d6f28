//! TOML → raw records: names still unresolved, every value with its location.
//! Unknown sections and fields are errors, so a typo never passes silently.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::{Loc, Problems};

pub type SV<'i> = Spanned<DeValue<'i>>;

#[derive(Clone, Debug, Default)]
pub struct RawText {
    pub zh: String,
    pub en: String,
    pub loc: Loc,
}

#[derive(Clone, Debug, Default)]
pub struct At<T> {
    pub value: T,
    pub loc: Loc,
}

/// A condition: its source and where its first character is.
pub type RawCond = At<String>;

#[derive(Clone, Debug, Default)]
pub struct RawMeta {
    pub version: Option<At<String>>,
    pub reviewed: Option<At<String>>,
    pub entity_question: Option<At<String>>,
    pub loc: Loc,
}

#[derive(Clone, Debug, Default)]
pub struct RawSource {
    pub id: At<String>,
    pub title: Option<At<String>>,
    pub title_en: Option<At<String>>,
    pub url: Option<At<String>>,
    pub checked: Option<At<String>>,
    pub tag: Option<At<String>>,
    pub note: Option<At<String>>,
}

#[derive(Clone, Debug, Default)]
pub struct RawOpt {
    pub id: At<String>,
    pub text: Option<RawText>,
    pub help: Option<RawText>,
}

#[derive(Clone, Debug, Default)]
pub struct RawQuestion {
    pub id: At<String>,
    pub kind: Option<At<String>>,
    pub text: Option<RawText>,
    pub help: Option<RawText>,
    pub ask_when: Option<RawCond>,
    pub not_sure: bool,
    pub options: Vec<RawOpt>,
    pub options_loc: Option<Loc>,
    pub options_from: Option<At<String>>,
    pub on_results: bool,
    pub unit: Option<RawText>,
    pub min: Option<At<f64>>,
    pub max: Option<At<f64>>,
}

#[derive(Clone, Debug, Default)]
pub struct RawEligibility {
    pub when: Option<RawCond>,
    pub blocks: bool,
    /// `[[requirement.note]]` rather than `[[requirement.eligibility]]`.
    pub note: bool,
    pub text: Option<RawText>,
    pub met: Option<RawText>,
    pub sources: Vec<At<String>>,
    pub loc: Loc,
}

#[derive(Clone, Debug, Default)]
pub struct RawApply {
    pub text: Option<RawText>,
    pub url: Option<At<String>>,
    pub confidence: Option<At<String>>,
    pub sources: Vec<At<String>>,
    pub loc: Loc,
}

#[derive(Clone, Debug, Default)]
pub struct RawMyth {
    pub text: Option<RawText>,
    pub sources: Vec<At<String>>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub enum RawDoc {
    Doc(At<String>),
    Bundle(RawDocs),
}

#[derive(Clone, Debug, Default)]
pub struct RawDocs {
    pub label: Option<String>,
    pub all: Vec<RawDoc>,
    pub any_of: Vec<Vec<RawDoc>>,
    pub loc: Loc,
}

#[derive(Clone, Debug, Default)]
pub struct RawRequirement {
    pub id: At<String>,
    pub layer: Option<At<String>>,
    pub kind: Option<At<String>>,
    pub step: Option<At<String>>,
    pub text: Option<RawText>,
    pub summary: Option<RawText>,
    pub authority: Option<RawText>,
    pub lead_time: Option<At<(i64, i64)>>,
    pub validity: Option<RawText>,
    pub difficulty: Option<At<String>>,
    pub prerequisites: Vec<At<String>>,
    pub platforms: Vec<At<String>>,
    pub group: Option<At<String>>,
    pub entities: Vec<At<String>>,
    pub scope: Option<RawText>,
    pub documents: Option<RawDocs>,
    pub eligibility: Vec<RawEligibility>,
    pub held_when: Option<RawCond>,
    pub apply: Option<RawApply>,
    pub myth: Option<RawMyth>,
    pub sources: Vec<At<String>>,
    pub sources_loc: Option<Loc>,
    pub confidence: Option<At<String>>,
    pub checked: Option<At<String>>,
}

#[derive(Clone, Debug, Default)]
pub struct RawRule {
    pub id: At<String>,
    pub when: Option<RawCond>,
    pub require: Vec<At<String>>,
    pub require_one_of: Vec<Vec<At<String>>>,
    pub not_accepted: Vec<At<String>>,
    pub rule_out: Vec<At<String>>,
    pub confirm: Vec<At<String>>,
    pub ask: Option<RawText>,
    pub checklist: Vec<At<String>>,
    pub text: Option<RawText>,
    pub sources: Vec<At<String>>,
    pub sources_loc: Option<Loc>,
    pub confidence: Option<At<String>>,
}

#[derive(Clone, Debug, Default)]
pub struct RawCheck {
    pub id: At<String>,
    pub title: Option<RawText>,
    pub why: Option<RawText>,
    pub how: Option<RawText>,
    pub when: Option<RawCond>,
    pub sources: Vec<At<String>>,
    pub sources_loc: Option<Loc>,
    pub confidence: Option<At<String>>,
}

#[derive(Clone, Debug, Default)]
pub struct RawCause {
    pub id: At<String>,
    pub title: Option<RawText>,
    pub meaning: Option<RawText>,
    pub fix: Option<RawText>,
    pub rule: Option<RawText>,
    pub implies: Vec<At<String>>,
    pub rej_sections: Vec<At<String>>,
    pub ops_sections: Vec<At<String>>,
    pub codes: Vec<At<String>>,
    pub patterns: Vec<(At<String>, At<f64>)>,
    pub sources: Vec<At<String>>,
    pub sources_loc: Option<Loc>,
    pub confidence: Option<At<String>>,
    pub on: Vec<RawCauseOn>,
}

/// `[[cause.on]]`: a cause's wording on one platform.
#[derive(Clone, Debug, Default)]
pub struct RawCauseOn {
    pub platform: Option<At<String>>,
    pub loc: Option<Loc>,
    pub meaning: Option<RawText>,
    pub fix: Option<RawText>,
    pub rule: Option<RawText>,
}

#[derive(Clone, Debug, Default)]
pub struct RawBase {
    pub meta: Option<RawMeta>,
    pub sources: Vec<RawSource>,
    pub questions: Vec<RawQuestion>,
    pub requirements: Vec<RawRequirement>,
    pub rules: Vec<RawRule>,
    pub checks: Vec<RawCheck>,
    pub causes: Vec<RawCause>,
    pub normalise: Vec<(At<String>, At<String>)>,
}

/// Reading one table: knows its file, reports problems, remembers which keys it read so that
/// `finish` can report every other key as unknown.
struct Tab<'t, 'i, 'p, 'f> {
    table: &'t DeTable<'i>,
    file: usize,
    start: usize,
    id: Option<String>,
    used: Vec<&'static str>,
    problems: &'p mut Problems<'f>,
}

impl<'t, 'i, 'p, 'f> Tab<'t, 'i, 'p, 'f> {
    fn new(
        table: &'t DeTable<'i>,
        file: usize,
        start: usize,
        problems: &'p mut Problems<'f>,
    ) -> Self {
        Tab {
            table,
            file,
            start,
            id: None,
            used: Vec::new(),
            problems,
        }
    }

    fn loc(&self, span_start: usize) -> Loc {
        Loc {
            file: self.file,
            start: span_start,
        }
    }

    fn get(&mut self, key: &'static str) -> Option<&'t SV<'i>> {
        self.used.push(key);
        self.table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v)
    }

    fn report(&mut self, start: usize, kind: &'static str, msg: String) {
        let loc = self.loc(start);
        self.problems.add(&loc, self.id.as_deref(), kind, msg);
    }

    fn wrong_type(&mut self, key: &str, v: &SV<'i>, want: &str) {
        let msg = format!("`{key}` must be {want}, not {}", v.get_ref().type_str());
        self.report(v.span().start, "wrong_type", msg);
    }

    fn string(&mut self, key: &'static str) -> Option<At<String>> {
        let v = self.get(key)?;
        self.string_item(key, v)
    }

    fn string_item(&mut self, key: &str, v: &SV<'i>) -> Option<At<String>> {
        match v.get_ref().as_str() {
            Some(s) => Some(At {
                value: s.to_string(),
                loc: self.loc(v.span().start),
            }),
            None => {
                self.wrong_type(key, v, "a string");
                None
            }
        }
    }

    /// A condition string: the location points at its first character inside the quotes.
    fn cond(&mut self, key: &'static str) -> Option<RawCond> {
        let v = self.get(key)?;
        let Some(s) = v.get_ref().as_str() else {
            self.wrong_type(key, v, "a condition string");
            return None;
        };
        let text = self.problems.text_of(self.file);
        let start = v.span().start;
        let rest = text.get(start..).unwrap_or("");
        let skip = if rest.starts_with("'''") || rest.starts_with("\"\"\"") {
            3 + usize::from(rest[3..].starts_with('\n'))
        } else {
            1
        };
        Some(At {
            value: s.to_string(),
            loc: self.loc(start + skip),
        })
    }

    fn boolean(&mut self, key: &'static str) -> bool {
        let Some(v) = self.get(key) else { return false };
        match v.get_ref().as_bool() {
            Some(b) => b,
            None => {
                self.wrong_type(key, v, "true or false");
                false
            }
        }
    }

    fn number(&mut self, key: &'static str) -> Option<At<f64>> {
        let v = self.get(key)?;
        let n = match v.get_ref() {
            DeValue::Integer(_) => integer(v).map(|i| i as f64),
            DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
            _ => None,
        };
        match n {
            Some(n) if n.is_finite() => Some(At {
                value: n,
                loc: self.loc(v.span().start),
            }),
            _ => {
                self.wrong_type(key, v, "a number");
                None
            }
        }
    }

    fn strings(&mut self, key: &'static str) -> Vec<At<String>> {
        let v = self.get(key);
        v.map_or_else(Vec::new, |v| self.string_list(key, v))
    }

    fn string_list(&mut self, key: &str, v: &'t SV<'i>) -> Vec<At<String>> {
        let Some(arr) = v.get_ref().as_array() else {
            self.wrong_type(key, v, "a list of strings");
            return Vec::new();
        };
        arr.iter()
            .filter_map(|item| self.string_item(key, item))
            .collect()
    }

    /// `key = [[…], […]]`: each inner list read by `read`.
    fn lists<R>(
        &mut self,
        key: &'static str,
        want: &str,
        mut read: impl FnMut(&mut Self, &'t SV<'i>) -> R,
    ) -> Vec<R> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let Some(arr) = v.get_ref().as_array() else {
            self.wrong_type(key, v, want);
            return Vec::new();
        };
        arr.iter().map(|item| read(self, item)).collect()
    }

    /// `zh = "…"` and `en = "…"` in this table.
    fn own_text(&mut self) -> Option<RawText> {
        let zh = self.get("zh");
        let en = self.get("en");
        let start = zh.or(en)?.span().start;
        let mut t = RawText {
            loc: self.loc(start),
            ..RawText::default()
        };
        for (key, v, slot) in [("zh", zh, &mut t.zh), ("en", en, &mut t.en)] {
            if let Some(v) = v {
                match v.get_ref().as_str() {
                    Some(s) => *slot = s.to_string(),
                    None => {
                        let msg = format!("`{key}` must be a string");
                        self.report(v.span().start, "wrong_type", msg);
                    }
                }
            }
        }
        Some(t)
    }

    /// `key = { zh = "…", en = "…" }`.
    fn text(&mut self, key: &'static str) -> Option<RawText> {
        self.table(key, "a table { zh = \"…\", en = \"…\" }", |t| {
            let empty = RawText {
                loc: t.loc(t.start),
                ..RawText::default()
            };
            t.own_text().unwrap_or(empty)
        })
    }

    /// `key = { … }`, read by `read`; its unknown keys reported.
    fn table<R>(
        &mut self,
        key: &'static str,
        want: &str,
        read: impl FnOnce(&mut Tab<'_, 'i, '_, 'f>) -> R,
    ) -> Option<R> {
        let v = self.get(key)?;
        let Some(table) = v.get_ref().as_table() else {
            self.wrong_type(key, v, want);
            return None;
        };
        Some(self.read_sub(table, v.span().start, read))
    }

    /// `[[key]]` tables (or `key = [{ … }]`), each read by `read`; their unknown keys reported.
    fn tables<R>(
        &mut self,
        key: &'static str,
        mut read: impl FnMut(&mut Tab<'_, 'i, '_, 'f>) -> R,
    ) -> Vec<R> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let Some(tables) = tables_of(v) else {
            self.wrong_type(key, v, "a list of tables");
            return Vec::new();
        };
        tables
            .into_iter()
            .map(|(table, start)| self.read_sub(table, start, &mut read))
            .collect()
    }

    fn read_sub<R>(
        &mut self,
        table: &DeTable<'i>,
        start: usize,
        read: impl FnOnce(&mut Tab<'_, 'i, '_, 'f>) -> R,
    ) -> R {
        let mut sub = Tab::new(table, self.file, start, self.problems);
        sub.id = self.id.clone();
        let r = read(&mut sub);
        sub.finish();
        r
    }

    /// Reports every key that was not read.
    fn finish(&mut self) {
        let mut allowed = self.used.clone();
        allowed.dedup();
        let unknown: Vec<(String, usize)> = self
            .table
            .iter()
            .filter(|(k, _)| !allowed.contains(&k.get_ref().as_ref()))
            .map(|(k, _)| (k.get_ref().to_string(), k.span().start))
            .collect();
        for (key, start) in unknown {
            let msg = format!("unknown field `{key}` (allowed: {})", allowed.join(", "));
            self.report(start, "unknown_field", msg);
        }
    }

    fn id(&mut self) -> At<String> {
        match self.string("id") {
            Some(id) => {
                self.id = Some(id.value.clone());
                id
            }
            None => {
                self.report(self.start, "missing_field", "missing `id`".into());
                At {
                    value: String::new(),
                    loc: self.loc(self.start),
                }
            }
        }
    }

    fn sources(&mut self) -> (Vec<At<String>>, Option<Loc>) {
        let loc = self.get("sources").map(|v| self.loc(v.span().start));
        (self.strings("sources"), loc)
    }
}

fn integer(v: &SV) -> Option<i64> {
    let i = v.get_ref().as_integer()?;
    i64::from_str_radix(i.as_str(), i.radix()).ok()
}

fn tables_of<'t, 'i>(v: &'t SV<'i>) -> Option<Vec<(&'t DeTable<'i>, usize)>> {
    let arr = v.get_ref().as_array()?;
    arr.iter()
        .map(|item| item.get_ref().as_table().map(|t| (t, item.span().start)))
        .collect()
}

const SECTIONS: &[&str] = &[
    "meta",
    "source",
    "question",
    "requirement",
    "rule",
    "check",
    "cause",
    "normalise",
];

/// Parses one file and appends its records to `raw`.
pub fn read_file(file: usize, text: &str, raw: &mut RawBase, problems: &mut Problems) {
    let doc = match DeTable::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            let start = e.span().map_or(0, |s| s.start);
            let loc = Loc { file, start };
            problems.add(&loc, None, "toml_syntax", e.message().trim().to_string());
            return;
        }
    };
    for (key, value) in doc.get_ref().iter() {
        let name = key.get_ref().as_ref();
        let loc = Loc {
            file,
            start: key.span().start,
        };
        if !SECTIONS.contains(&name) {
            let msg = format!(
                "unknown section `{name}` (expected one of: {})",
                SECTIONS.join(", ")
            );
            problems.add(&loc, None, "unknown_section", msg);
            continue;
        }
        // `[meta]` and `[normalise]` are one table; the other sections are `[[name]]` tables.
        let one = name == "meta" || name == "normalise";
        let tables = match value.get_ref().as_table() {
            Some(table) if one => Some(vec![(table, value.span().start)]),
            _ if one => None,
            _ => tables_of(value),
        };
        let Some(tables) = tables else {
            let msg = if one {
                format!("`[{name}]` must be a table")
            } else {
                format!("`{name}` must be written as [[{name}]] tables")
            };
            problems.add(&loc, None, "wrong_type", msg);
            continue;
        };
        for (table, start) in tables {
            let mut tab = Tab::new(table, file, start, problems);
            match name {
                "meta" => {
                    if raw.meta.is_some() {
                        let msg = "`[meta]` is defined twice".into();
                        tab.report(key.span().start, "duplicate_id", msg);
                    }
                    raw.meta = Some(read_meta(&mut tab));
                }
                "normalise" => read_normalise(&mut tab, raw),
                "source" => raw.sources.push(read_source(&mut tab)),
                "question" => raw.questions.push(read_question(&mut tab)),
                "requirement" => raw.requirements.push(read_requirement(&mut tab)),
                "rule" => raw.rules.push(read_rule(&mut tab)),
                "check" => raw.checks.push(read_check(&mut tab)),
                _ => raw.causes.push(read_cause(&mut tab)),
            }
            tab.finish();
        }
    }
}

fn read_meta(t: &mut Tab) -> RawMeta {
    RawMeta {
        version: t.string("version"),
        reviewed: t.string("reviewed"),
        entity_question: t.string("entity_question"),
        loc: t.loc(t.start),
    }
}

fn read_normalise(t: &mut Tab, raw: &mut RawBase) {
    let pairs = t.lists("chars", "a list of pairs", |t, pair| {
        let list = t.string_list("chars", pair);
        let two = <[At<String>; 2]>::try_from(list).ok();
        if two.is_none() {
            let msg = "each `chars` entry is a pair [\"from\", \"to\"]".into();
            t.report(pair.span().start, "invalid_value", msg);
        }
        two
    });
    raw.normalise
        .extend(pairs.into_iter().flatten().map(|[a, b]| (a, b)));
}

fn read_source(t: &mut Tab) -> RawSource {
    RawSource {
        id: t.id(),
        title: t.string("title"),
        title_en: t.string("title_en"),
        url: t.string("url"),
        checked: t.string("checked"),
        tag: t.string("tag"),
        note: t.string("note"),
    }
}

fn read_question(t: &mut Tab) -> RawQuestion {
    let id = t.id();
    let options_loc = t.get("options").map(|v| t.loc(v.span().start));
    let options = t.tables("options", |t| RawOpt {
        id: t.id(),
        text: t.own_text(),
        help: t.text("help"),
    });
    RawQuestion {
        id,
        kind: t.string("kind"),
        text: t.own_text(),
        help: t.text("help"),
        ask_when: t.cond("ask_when"),
        not_sure: t.boolean("not_sure"),
        options,
        options_loc,
        options_from: t.string("options_from"),
        on_results: t.boolean("on_results"),
        unit: t.text("unit"),
        min: t.number("min"),
        max: t.number("max"),
    }
}

fn read_docs(t: &mut Tab) -> RawDocs {
    RawDocs {
        label: t.string("label").map(|s| s.value),
        loc: t.loc(t.start),
        all: t
            .get("all")
            .map_or(Vec::new(), |v| read_doc_list(t, "all", v)),
        any_of: t.lists("any_of", "a list of lists", |t, g| {
            read_doc_list(t, "any_of", g)
        }),
    }
}

fn read_doc_list<'t, 'i>(t: &mut Tab<'t, 'i, '_, '_>, key: &str, v: &'t SV<'i>) -> Vec<RawDoc> {
    let Some(arr) = v.get_ref().as_array() else {
        t.wrong_type(key, v, "a list");
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in arr.iter() {
        let start = item.span().start;
        match item.get_ref() {
            DeValue::String(s) => out.push(RawDoc::Doc(At {
                value: s.to_string(),
                loc: t.loc(start),
            })),
            DeValue::Table(table) => out.push(RawDoc::Bundle(t.read_sub(table, start, read_docs))),
            _ => t.wrong_type(key, item, "a document name or a bundle table"),
        }
    }
    out
}

fn read_requirement(t: &mut Tab) -> RawRequirement {
    let id = t.id();
    let lead_time = t.get("lead_time").and_then(|v| {
        let arr = v.get_ref().as_array();
        let nums: Option<Vec<i64>> = arr.and_then(|a| a.iter().map(integer).collect());
        match nums.as_deref() {
            Some(&[min, max]) => Some(At {
                value: (min, max),
                loc: t.loc(v.span().start),
            }),
            _ => {
                t.wrong_type("lead_time", v, "[min, max] working days");
                None
            }
        }
    });
    let mut eligibility = t.tables("eligibility", |t| RawEligibility {
        when: t.cond("when"),
        blocks: t.boolean("blocks"),
        note: false,
        text: t.own_text(),
        met: t.text("met"),
        sources: t.strings("sources"),
        loc: t.loc(t.start),
    });
    // Notes: shown when their condition holds (a note for one entity type, platform or product).
    eligibility.extend(t.tables("note", |t| RawEligibility {
        when: t.cond("when"),
        note: true,
        text: t.own_text(),
        sources: t.strings("sources"),
        loc: t.loc(t.start),
        ..RawEligibility::default()
    }));
    let myth = t.table("myth", "a table", |t| RawMyth {
        text: t.own_text(),
        sources: t.strings("sources"),
        loc: t.loc(t.start),
    });
    let apply_want = "a table { zh, en, url, confidence, sources }";
    let apply = t.table("apply", apply_want, |t| RawApply {
        text: t.own_text(),
        url: t.string("url"),
        confidence: t.string("confidence"),
        sources: t.strings("sources"),
        loc: t.loc(t.start),
    });
    let documents_want = "a table { all = […], any_of = [[…]] }";
    let documents = t.table("documents", documents_want, read_docs);
    let (sources, sources_loc) = t.sources();
    RawRequirement {
        id,
        layer: t.string("layer"),
        kind: t.string("kind"),
        step: t.string("step"),
        text: t.own_text(),
        summary: t.text("summary"),
        authority: t.text("authority"),
        lead_time,
        validity: t.text("validity"),
        difficulty: t.string("difficulty"),
        prerequisites: t.strings("prerequisites"),
        platforms: t.strings("platforms"),
        group: t.string("group"),
        entities: t.strings("entities"),
        scope: t.text("scope"),
        documents,
        eligibility,
        held_when: t.cond("held_when"),
        apply,
        myth,
        sources,
        sources_loc,
        confidence: t.string("confidence"),
        checked: t.string("checked"),
    }
}

fn read_rule(t: &mut Tab) -> RawRule {
    let id = t.id();
    let require_one_of = t.lists("require_one_of", "a list of lists of ids", |t, g| {
        t.string_list("require_one_of", g)
    });
    let (sources, sources_loc) = t.sources();
    RawRule {
        id,
        when: t.cond("when"),
        require: t.strings("require"),
        require_one_of,
        not_accepted: t.strings("not_accepted"),
        rule_out: t.strings("rule_out"),
        confirm: t.strings("confirm"),
        ask: t.text("ask"),
        checklist: t.strings("checklist"),
        text: t.own_text(),
        sources,
        sources_loc,
        confidence: t.string("confidence"),
    }
}

fn read_check(t: &mut Tab) -> RawCheck {
    let id = t.id();
    let (sources, sources_loc) = t.sources();
    RawCheck {
        id,
        title: t.own_text(),
        why: t.text("why"),
        how: t.text("how"),
        when: t.cond("when"),
        sources,
        sources_loc,
        confidence: t.string("confidence"),
    }
}

fn read_cause(t: &mut Tab) -> RawCause {
    let id = t.id();
    let patterns = t.tables("patterns", |t| {
        let text = t.string("text");
        let weight = t.number("weight");
        if text.is_none() || weight.is_none() {
            let msg = "a pattern needs `text` and `weight`".into();
            t.report(t.start, "missing_field", msg);
        }
        Some((text?, weight?))
    });
    let on = t.tables("on", |t| RawCauseOn {
        platform: t.string("platform"),
        loc: Some(t.loc(t.start)),
        meaning: t.text("meaning"),
        fix: t.text("fix"),
        rule: t.text("rule"),
    });
    let (sources, sources_loc) = t.sources();
    RawCause {
        id,
        title: t.own_text(),
        meaning: t.text("meaning"),
        fix: t.text("fix"),
        rule: t.text("rule"),
        implies: t.strings("implies"),
        rej_sections: t.strings("rej_sections"),
        ops_sections: t.strings("ops_sections"),
        codes: t.strings("codes"),
        patterns: patterns.into_iter().flatten().collect(),
        sources,
        sources_loc,
        confidence: t.string("confidence"),
        on,
    }
}
