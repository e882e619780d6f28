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
    pub patterns: Vec<(At<String>, At<i64>)>,
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

/// Reading one table: knows its file, reports problems, remembers which keys it used.
struct Tab<'t, 'i, 'p, 'f> {
    table: &'t DeTable<'i>,
    file: usize,
    start: usize,
    id: Option<String>,
    used: Vec<&'static str>,
    problems: &'p mut Problems<'f>,
}

impl<'t, 'i, 'p, 'f> Tab<'t, 'i, 'p, 'f> {
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
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|i| i as f64),
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
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        self.string_list(key, v)
    }

    fn string_list(&mut self, key: &str, v: &'t SV<'i>) -> Vec<At<String>> {
        let Some(arr) = v.get_ref().as_array() else {
            self.wrong_type(key, v, "a list of strings");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in arr.iter() {
            match item.get_ref().as_str() {
                Some(s) => out.push(At {
                    value: s.to_string(),
                    loc: self.loc(item.span().start),
                }),
                None => self.wrong_type(key, item, "a string"),
            }
        }
        out
    }

    /// `zh = "…"` and `en = "…"` in this table.
    fn own_text(&mut self) -> Option<RawText> {
        let zh = self.get("zh");
        let en = self.get("en");
        if zh.is_none() && en.is_none() {
            return None;
        }
        let start = zh.or(en).map_or(self.start, |v| v.span().start);
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
        let v = self.get(key)?;
        let Some(table) = v.get_ref().as_table() else {
            self.wrong_type(key, v, "a table { zh = \"…\", en = \"…\" }");
            return None;
        };
        let mut sub = self.sub(table, v.span().start);
        let t = sub.own_text();
        sub.finish(&["zh", "en"]);
        Some(t.unwrap_or(RawText {
            loc: self.loc(v.span().start),
            ..RawText::default()
        }))
    }

    fn sub<'t2>(&mut self, table: &'t2 DeTable<'i>, start: usize) -> Tab<'t2, 'i, '_, 'f> {
        Tab {
            table,
            file: self.file,
            start,
            id: self.id.clone(),
            used: Vec::new(),
            problems: self.problems,
        }
    }

    /// Reports every key that is not one of `allowed`.
    fn finish(&mut self, allowed: &[&str]) {
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

    fn tables(&mut self, key: &'static str) -> Vec<(&'t DeTable<'i>, usize)> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        tables_of(v).unwrap_or_else(|| {
            self.wrong_type(key, v, "a list of tables");
            Vec::new()
        })
    }
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
        if name == "meta" || name == "normalise" {
            let Some(table) = value.get_ref().as_table() else {
                problems.add(
                    &loc,
                    None,
                    "wrong_type",
                    format!("`[{name}]` must be a table"),
                );
                continue;
            };
            let mut tab = Tab {
                table,
                file,
                start: value.span().start,
                id: None,
                used: Vec::new(),
                problems,
            };
            if name == "meta" {
                if raw.meta.is_some() {
                    tab.report(
                        key.span().start,
                        "duplicate_id",
                        "`[meta]` is defined twice".into(),
                    );
                }
                raw.meta = Some(read_meta(&mut tab));
            } else {
                read_normalise(&mut tab, raw);
            }
            continue;
        }
        let Some(records) = tables_of(value) else {
            problems.add(
                &loc,
                None,
                "wrong_type",
                format!("`{name}` must be written as [[{name}]] tables"),
            );
            continue;
        };
        for (table, start) in records {
            let mut tab = Tab {
                table,
                file,
                start,
                id: None,
                used: Vec::new(),
                problems,
            };
            match name {
                "source" => raw.sources.push(read_source(&mut tab)),
                "question" => raw.questions.push(read_question(&mut tab)),
                "requirement" => raw.requirements.push(read_requirement(&mut tab)),
                "rule" => raw.rules.push(read_rule(&mut tab)),
                "check" => raw.checks.push(read_check(&mut tab)),
                _ => raw.causes.push(read_cause(&mut tab)),
            }
        }
    }
}

fn read_meta(t: &mut Tab) -> RawMeta {
    let m = RawMeta {
        version: t.string("version"),
        reviewed: t.string("reviewed"),
        entity_question: t.string("entity_question"),
        loc: t.loc(t.start),
    };
    t.finish(&["version", "reviewed", "entity_question"]);
    m
}

fn read_normalise(t: &mut Tab, raw: &mut RawBase) {
    if let Some(v) = t.get("chars") {
        match v.get_ref().as_array() {
            Some(arr) => {
                for pair in arr.iter() {
                    let list = t.string_list("chars", pair);
                    if list.len() == 2 {
                        let mut it = list.into_iter();
                        if let (Some(a), Some(b)) = (it.next(), it.next()) {
                            raw.normalise.push((a, b));
                        }
                    } else {
                        t.report(
                            pair.span().start,
                            "invalid_value",
                            "each `chars` entry is a pair [\"from\", \"to\"]".into(),
                        );
                    }
                }
            }
            None => t.wrong_type("chars", v, "a list of pairs"),
        }
    }
    t.finish(&["chars"]);
}

fn read_source(t: &mut Tab) -> RawSource {
    let s = RawSource {
        id: t.id(),
        title: t.string("title"),
        title_en: t.string("title_en"),
        url: t.string("url"),
        checked: t.string("checked"),
        tag: t.string("tag"),
        note: t.string("note"),
    };
    t.finish(&["id", "title", "title_en", "url", "checked", "tag", "note"]);
    s
}

fn read_option(t: &mut Tab) -> RawOpt {
    let o = RawOpt {
        id: t.id(),
        text: t.own_text(),
        help: t.text("help"),
    };
    t.finish(&["id", "zh", "en", "help"]);
    o
}

fn read_question(t: &mut Tab) -> RawQuestion {
    let id = t.id();
    let options_loc = t.get("options").map(|v| t.loc(v.span().start));
    let mut options = Vec::new();
    for (table, start) in t.tables("options") {
        let mut sub = t.sub(table, start);
        options.push(read_option(&mut sub));
    }
    let q = RawQuestion {
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
    };
    t.finish(&[
        "id",
        "kind",
        "zh",
        "en",
        "help",
        "ask_when",
        "not_sure",
        "options",
        "options_from",
        "on_results",
        "unit",
        "min",
        "max",
    ]);
    q
}

fn read_docs(t: &mut Tab) -> RawDocs {
    let mut docs = RawDocs {
        label: t.string("label").map(|s| s.value),
        loc: t.loc(t.start),
        ..RawDocs::default()
    };
    if let Some(v) = t.get("all") {
        docs.all = read_doc_list(t, "all", v);
    }
    if let Some(v) = t.get("any_of") {
        match v.get_ref().as_array() {
            Some(groups) => {
                for g in groups.iter() {
                    docs.any_of.push(read_doc_list(t, "any_of", g));
                }
            }
            None => t.wrong_type("any_of", v, "a list of lists"),
        }
    }
    t.finish(&["label", "all", "any_of"]);
    docs
}

fn read_doc_list<'t, 'i>(t: &mut Tab<'t, 'i, '_, '_>, key: &str, v: &'t SV<'i>) -> Vec<RawDoc> {
    let Some(arr) = v.get_ref().as_array() else {
        t.wrong_type(key, v, "a list");
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in arr.iter() {
        match item.get_ref() {
            DeValue::String(s) => out.push(RawDoc::Doc(At {
                value: s.to_string(),
                loc: t.loc(item.span().start),
            })),
            DeValue::Table(table) => {
                let mut sub = t.sub(table, item.span().start);
                out.push(RawDoc::Bundle(read_docs(&mut sub)));
            }
            _ => t.wrong_type(key, item, "a document name or a bundle table"),
        }
    }
    out
}

fn read_sources(t: &mut Tab) -> (Vec<At<String>>, Option<Loc>) {
    let loc = t.get("sources").map(|v| t.loc(v.span().start));
    (t.strings("sources"), loc)
}

fn read_requirement(t: &mut Tab) -> RawRequirement {
    let id = t.id();
    let lead_time = t.get("lead_time").and_then(|v| {
        let arr = v.get_ref().as_array();
        let nums: Option<Vec<i64>> = arr.map(|a| {
            a.iter()
                .filter_map(|x| x.get_ref().as_integer())
                .filter_map(|i| i64::from_str_radix(i.as_str(), i.radix()).ok())
                .collect()
        });
        match nums {
            Some(n) if n.len() == 2 && arr.map(|a| a.len()) == Some(2) => Some(At {
                value: (n[0], n[1]),
                loc: t.loc(v.span().start),
            }),
            _ => {
                t.wrong_type("lead_time", v, "[min, max] working days");
                None
            }
        }
    });
    let mut eligibility = Vec::new();
    for (table, start) in t.tables("eligibility") {
        let mut sub = t.sub(table, start);
        let e = RawEligibility {
            when: sub.cond("when"),
            blocks: sub.boolean("blocks"),
            note: false,
            text: sub.own_text(),
            met: sub.text("met"),
            sources: sub.strings("sources"),
            loc: sub.loc(start),
        };
        sub.finish(&["when", "blocks", "zh", "en", "met", "sources"]);
        eligibility.push(e);
    }
    // Notes: shown when their condition holds (a note for one entity type, platform or product).
    for (table, start) in t.tables("note") {
        let mut sub = t.sub(table, start);
        let e = RawEligibility {
            when: sub.cond("when"),
            blocks: false,
            note: true,
            text: sub.own_text(),
            met: None,
            sources: sub.strings("sources"),
            loc: sub.loc(start),
        };
        sub.finish(&["when", "zh", "en", "sources"]);
        eligibility.push(e);
    }
    let myth = match t.get("myth") {
        Some(v) => match v.get_ref().as_table() {
            Some(table) => {
                let mut sub = t.sub(table, v.span().start);
                let m = RawMyth {
                    text: sub.own_text(),
                    sources: sub.strings("sources"),
                    loc: sub.loc(v.span().start),
                };
                sub.finish(&["zh", "en", "sources"]);
                Some(m)
            }
            None => {
                t.wrong_type("myth", v, "a table");
                None
            }
        },
        None => None,
    };
    let apply = match t.get("apply") {
        Some(v) => match v.get_ref().as_table() {
            Some(table) => {
                let mut sub = t.sub(table, v.span().start);
                let a = RawApply {
                    text: sub.own_text(),
                    url: sub.string("url"),
                    confidence: sub.string("confidence"),
                    sources: sub.strings("sources"),
                    loc: sub.loc(v.span().start),
                };
                sub.finish(&["zh", "en", "url", "confidence", "sources"]);
                Some(a)
            }
            None => {
                t.wrong_type("apply", v, "a table { zh, en, url, confidence, sources }");
                None
            }
        },
        None => None,
    };
    let documents = match t.get("documents") {
        Some(v) => match v.get_ref().as_table() {
            Some(table) => {
                let mut sub = t.sub(table, v.span().start);
                Some(read_docs(&mut sub))
            }
            None => {
                t.wrong_type("documents", v, "a table { all = […], any_of = [[…]] }");
                None
            }
        },
        None => None,
    };
    let (sources, sources_loc) = read_sources(t);
    let r = RawRequirement {
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
    };
    t.finish(&[
        "id",
        "layer",
        "kind",
        "step",
        "zh",
        "en",
        "summary",
        "authority",
        "lead_time",
        "validity",
        "difficulty",
        "prerequisites",
        "platforms",
        "group",
        "entities",
        "scope",
        "documents",
        "eligibility",
        "note",
        "held_when",
        "apply",
        "myth",
        "sources",
        "confidence",
        "checked",
    ]);
    r
}

fn read_rule(t: &mut Tab) -> RawRule {
    let id = t.id();
    let mut require_one_of = Vec::new();
    if let Some(v) = t.get("require_one_of") {
        match v.get_ref().as_array() {
            Some(groups) => {
                for g in groups.iter() {
                    require_one_of.push(t.string_list("require_one_of", g));
                }
            }
            None => t.wrong_type("require_one_of", v, "a list of lists of ids"),
        }
    }
    let (sources, sources_loc) = read_sources(t);
    let r = RawRule {
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
    };
    t.finish(&[
        "id",
        "when",
        "require",
        "require_one_of",
        "not_accepted",
        "rule_out",
        "confirm",
        "ask",
        "checklist",
        "zh",
        "en",
        "sources",
        "confidence",
    ]);
    r
}

fn read_check(t: &mut Tab) -> RawCheck {
    let id = t.id();
    let (sources, sources_loc) = read_sources(t);
    let c = RawCheck {
        id,
        title: t.own_text(),
        why: t.text("why"),
        how: t.text("how"),
        when: t.cond("when"),
        sources,
        sources_loc,
        confidence: t.string("confidence"),
    };
    t.finish(&[
        "id",
        "zh",
        "en",
        "why",
        "how",
        "when",
        "sources",
        "confidence",
    ]);
    c
}

fn read_cause(t: &mut Tab) -> RawCause {
    let id = t.id();
    let mut patterns = Vec::new();
    for (table, start) in t.tables("patterns") {
        let mut sub = t.sub(table, start);
        let text = sub.string("text");
        let weight = sub.number("weight");
        sub.finish(&["text", "weight"]);
        match (text, weight) {
            (Some(text), Some(w)) => patterns.push((
                text,
                At {
                    value: w.value as i64,
                    loc: w.loc,
                },
            )),
            _ => sub.report(
                start,
                "missing_field",
                "a pattern needs `text` and `weight`".into(),
            ),
        }
    }
    let mut on = Vec::new();
    for (table, start) in t.tables("on") {
        let mut sub = t.sub(table, start);
        on.push(RawCauseOn {
            platform: sub.string("platform"),
            loc: Some(sub.loc(start)),
            meaning: sub.text("meaning"),
            fix: sub.text("fix"),
            rule: sub.text("rule"),
        });
        sub.finish(&["platform", "meaning", "fix", "rule"]);
    }
    let (sources, sources_loc) = read_sources(t);
    let c = RawCause {
        id,
        title: t.own_text(),
        meaning: t.text("meaning"),
        fix: t.text("fix"),
        rule: t.text("rule"),
        implies: t.strings("implies"),
        rej_sections: t.strings("rej_sections"),
        ops_sections: t.strings("ops_sections"),
        codes: t.strings("codes"),
        patterns,
        sources,
        sources_loc,
        confidence: t.string("confidence"),
        on,
    };
    t.finish(&[
        "id",
        "zh",
        "en",
        "meaning",
        "fix",
        "rule",
        "on",
        "implies",
        "rej_sections",
        "ops_sections",
        "codes",
        "patterns",
        "sources",
        "confidence",
    ]);
    c
}
