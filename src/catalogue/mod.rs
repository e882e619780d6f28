//! The catalogue: every word the engine's ids stand for, as the JSON files the page and API users
//! read beside the module (shapes in docs/api.md; written by src/bin/export-catalogue.rs).

pub mod json;

use crate::model::*;
use json::Json;

/// `questions.<lang>.json`, which the page reads before the wasm has arrived:
/// `{"version", "questions"}` with every question's id, kind, words,
/// options and limits, except that a question with `options_from` has `"options": []` (its options are
/// the catalogue's requirements of that group, in catalogue order: `questionsFrom` in www/describe.js).
pub fn questions_file_json(rb: &RuleBase, lang: Lang) -> String {
    let mut j = Json::with_capacity(16 * 1024);
    j.obj()
        .str_field("version", &rb.version)
        .key("questions")
        .arr();
    for q in rb.questions.iter() {
        j.obj()
            .str_field("id", &q.id)
            .str_field("kind", q.kind.name());
        j.str_field("text", q.text.get(lang));
        j.opt_str_field("help", q.help.as_ref().map(|h| h.get(lang)));
        j.key("not_sure").bool(q.not_sure);
        j.key("options").arr();
        for o in q.options.iter().filter(|_| q.options_from.is_none()) {
            j.obj()
                .str_field("id", &o.id)
                .str_field("label", o.text.get(lang));
            j.opt_str_field("help", o.help.as_ref().map(|h| h.get(lang)));
            j.end_obj();
        }
        j.end_arr();
        j.opt_str_field("options_from", q.options_from.as_deref());
        if q.on_results {
            j.key("on_results").bool(true);
        }
        j.opt_str_field("unit", q.unit.as_ref().map(|u| u.get(lang)));
        if let Some(m) = q.min {
            j.key("min").num(m);
        }
        if let Some(m) = q.max {
            j.key("max").num(m);
        }
        if !q.ask_when_src.is_empty() {
            j.str_field("ask_when", &q.ask_when_src);
        }
        j.end_obj();
    }
    j.end_arr().end_obj();
    j.finish()
}

fn sources(j: &mut Json, rb: &RuleBase, list: &[u16]) {
    j.str_list("sources", source_ids(rb, list));
}

/// The ids of a list of sources.
fn source_ids<'a>(rb: &'a RuleBase, list: &'a [u16]) -> impl Iterator<Item = &'a str> + 'a {
    list.iter().map(|s| &*rb.sources[*s as usize].id)
}

fn docs(j: &mut Json, d: &Docs) {
    fn item(j: &mut Json, i: &DocItem) {
        match i {
            DocItem::Doc(s) => {
                j.str(s);
            }
            DocItem::Bundle(b) => docs(j, b),
        }
    }
    j.obj();
    j.opt_str_field("label", d.label.as_deref());
    j.key("all").arr();
    d.all.iter().for_each(|i| item(j, i));
    j.end_arr().key("any_of").arr();
    for g in d.any_of.iter() {
        j.arr();
        g.iter().for_each(|i| item(j, i));
        j.end_arr();
    }
    j.end_arr().end_obj();
}

/// Whether a requirement's long texts (`summary`, `scope`, `documents`) go to
/// `categories.<lang>.json` rather than the core catalogue: the WeChat categories, the ones with a
/// scope or a document list.
fn detailed(r: &Requirement) -> bool {
    r.kind == "category" && (r.scope.is_some() || r.documents.is_some())
}

/// One value of a record, written on its own (a field of the catalogue, compared and reused whole).
fn value(write: impl FnOnce(&mut Json)) -> String {
    let mut j = Json::default();
    write(&mut j);
    j.finish()
}

fn str_value(s: &str) -> String {
    value(|j| {
        j.str(s);
    })
}

fn list_value<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    value(|j| {
        j.arr();
        for s in items {
            j.str(s);
        }
        j.end_arr();
    })
}

/// A requirement's fields after `id`, as `(key, JSON value)` in catalogue order. In the core
/// catalogue (`core`), without what a first result does not show (`category_details_json`).
fn requirement_fields(rb: &RuleBase, r: &Requirement, lang: Lang, core: bool) -> Fields {
    let long = !(core && detailed(r));
    let mut f = Fields::with_capacity(20);
    // What a first result does not show (layer and step come with the report) is left to
    // `category_details_json` in the core catalogue (`requirement_details`).
    let full = !core;
    if full {
        f.push(("layer", str_value(r.layer.name())));
    }
    f.push(("kind", str_value(&r.kind)));
    if full {
        f.push(("step", str_value(&r.step)));
    }
    f.push(("name", str_value(r.name.get(lang))));
    if let Some(t) = r.summary.as_ref().filter(|_| long) {
        // A first result shows a summary as a row's one line; the core catalogue has its first
        // sentence (and an ellipsis when there is more), `requirement_details` the whole.
        let t = t.get(lang);
        let line = if core { first_sentence(t, lang) } else { None };
        f.push(("summary", str_value(&line.unwrap_or_else(|| t.to_string()))));
    }
    if let Some(t) = &r.authority {
        f.push(("authority", str_value(t.get(lang))));
    }
    if let Some((a, b)) = r.lead_time {
        f.push((
            "lead_time",
            value(|j| {
                j.arr().num(a.into()).num(b.into()).end_arr();
            }),
        ));
    }
    if let Some(t) = &r.validity {
        f.push(("validity", str_value(t.get(lang))));
    }
    // How hard it is to get: a card's fact, behind the row's disclosure (`requirement_details`).
    if full {
        f.push(("difficulty", str_value(r.difficulty.name())));
        f.push(("prerequisites", prerequisites_value(rb, r)));
        f.push(("platforms", list_value(r.platforms.iter().map(|p| &**p))));
    }
    if let Some(g) = &r.group {
        f.push(("group", str_value(g)));
    }
    if let Some(eq) = rb.entity_question {
        let opts = &rb.questions[eq as usize].options;
        f.push((
            "entities",
            list_value(r.entities.iter().map(|e| &*opts[*e as usize].id)),
        ));
    }
    if long {
        if let Some(t) = &r.scope {
            f.push(("scope", str_value(t.get(lang))));
        }
        if let Some(d) = &r.documents {
            f.push(("documents", value(|j| docs(j, d))));
        }
    }
    // Where to apply: in the core catalogue (the plan's first steps show it on the first screen).
    if let Some(a) = &r.apply {
        f.push((
            "apply",
            value(|j| {
                j.obj().str_field("name", a.name.get(lang));
                if let Some(u) = &a.url {
                    j.str_field("url", u);
                }
                j.str_field("confidence", a.confidence.name());
                sources(j, rb, &a.sources);
                j.end_obj();
            }),
        ));
    }
    // The myth (a common claim and why it is wrong) is behind a disclosure: the core catalogue
    // leaves it to the details (`requirement_details`), the full catalogue has it.
    if let Some(m) = r.myth.as_ref().filter(|_| full) {
        f.push((
            "myth",
            value(|j| {
                j.obj().str_field("text", m.text.get(lang));
                sources(j, rb, &m.sources);
                j.end_obj();
            }),
        ));
    }
    // The core catalogue has each condition's texts (not met, met) and whether it blocks; its condition and
    // sources are in `category_details_json` (`eligibility_details`).
    f.push((
        "eligibility",
        value(|j| {
            j.arr();
            for e in r.eligibility.iter() {
                j.obj();
                if full {
                    j.str_field("when", &e.when_src);
                }
                j.key("blocks").bool(e.blocks);
                j.str_field("text", e.text.get(lang));
                // A condition's met wording; a note has none.
                if let Some(met) = &e.met {
                    j.str_field("met", met.get(lang));
                }
                if full {
                    sources(j, rb, &e.sources);
                }
                j.end_obj();
            }
            j.end_arr();
        }),
    ));
    if full {
        f.push(("sources", list_value(source_ids(rb, &r.sources))));
    }
    f.push(("confidence", str_value(r.confidence.name())));
    if let Some(c) = r.checked.as_ref().filter(|_| full) {
        f.push(("checked", str_value(c)));
    }
    f
}

fn prerequisites_value(rb: &RuleBase, r: &Requirement) -> String {
    list_value(
        r.prerequisites
            .iter()
            .map(|p| &*rb.requirements[*p as usize].id),
    )
}

/// `{id: {layer, step, difficulty, prerequisites, platforms, sources, checked?, summary?, myth?}}`: the
/// requirements' fields the core catalogue leaves out (`summary`: the whole, where the core has
/// its first sentence; `myth`: its text and sources).
fn requirement_details(j: &mut Json, rb: &RuleBase, lang: Lang) {
    for r in rb.requirements.iter() {
        j.key(&r.id).obj();
        j.str_field("layer", r.layer.name())
            .str_field("step", &r.step)
            .str_field("difficulty", r.difficulty.name());
        j.key("prerequisites").raw(&prerequisites_value(rb, r));
        j.str_list("platforms", r.platforms.iter().map(|p| &**p));
        sources(j, rb, &r.sources);
        j.opt_str_field("checked", r.checked.as_deref());
        if let Some(t) = r.summary.as_ref().filter(|_| !detailed(r)) {
            let t = t.get(lang);
            if first_sentence(t, lang).is_some() {
                j.str_field("summary", t);
            }
        }
        if let Some(m) = &r.myth {
            j.key("myth").obj().str_field("text", m.text.get(lang));
            sources(j, rb, &m.sources);
            j.end_obj();
        }
        j.end_obj();
    }
}

/// A text's first sentence followed by an ellipsis ("……", " …"), or None when it is one sentence. A sentence ends at
/// "。", "！" or "？" in Chinese, and in English at ".", "!" or "?" before a space and a capital,
/// a digit, a quote or a bracket.
fn first_sentence(t: &str, lang: Lang) -> Option<String> {
    let end = match lang {
        Lang::Zh => t.find(['。', '！', '？']).map(|i| i + '。'.len_utf8()),
        Lang::En => t
            .match_indices(['.', '!', '?'])
            .map(|(i, _)| i + 1)
            .find(|&i| {
                let mut rest = t[i..].chars();
                rest.next() == Some(' ')
                    && rest.next().is_some_and(|c| {
                        c.is_ascii_uppercase() || c.is_ascii_digit() || "\"'(“".contains(c)
                    })
            }),
    }?;
    let rest = t[end..].trim_start();
    let more = if lang == Lang::Zh { "……" } else { " …" };
    (!rest.is_empty()).then(|| format!("{}{more}", &t[..end]))
}

/// Writes `key: {fields}`, with `"id"` first unless `compact` (the key is the id).
fn record(j: &mut Json, id: &str, fields: &[(&str, String)], compact: bool) {
    j.key(id).obj();
    if !compact {
        j.str_field("id", id);
    }
    for (k, v) in fields {
        j.key(k).raw(v);
    }
    j.end_obj();
}

pub fn catalogue_json(rb: &RuleBase, lang: Lang) -> String {
    catalogue_with(rb, lang, Form::Full)
}

/// The core catalogue: `catalogue_json` without the WeChat categories' records (in
/// `option_names_json`, with `"names": "names"` at the top so a reader knows they are elsewhere)
/// and their `summary`, `scope` and `documents` (`category_details_json`), every requirement's
/// `layer`, `step`, `difficulty`, `prerequisites`, `platforms`, `sources`, `checked` and its myth's
/// `sources`, the rules' `when`, `sources` and `confidence` (and the `text` of those without
/// `not_accepted`), the eligibility conditions' `when` and `sources`, and with `checks` and
/// `sources` empty (those are in `category_details_json`), and with `"details": "categories"` at
/// the top so a reader knows they are elsewhere. The in-memory catalogue a page starts from; the
/// file the page loads is its compact form (`catalogue_compact_json`).
pub fn catalogue_core_json(rb: &RuleBase, lang: Lang) -> String {
    catalogue_with(rb, lang, Form::Core)
}

/// `catalogue.<lang>.json`: the core catalogue in a compact form (docs/api.md), with
/// `"format": "compact"`. Records leave out `id` (their key), and a requirement of a group with
/// `group_defaults` (none since the WeChat categories moved to `option_names_json`, which has its
/// own defaults) leaves out every field equal to its group's default.
/// `expandCatalogue` in www/wasm-loader.js turns it back into `catalogue_core_json`'s value.
pub fn catalogue_compact_json(rb: &RuleBase, lang: Lang) -> String {
    catalogue_with(rb, lang, Form::Compact)
}

/// `categories.<lang>.json`, what the core catalogue leaves out (docs/api.md), in catalogue order:
/// `{"version", "categories": {id: {"summary"?, "scope"?, "documents"?}}, "checks": {id: check},
/// "rules": {id: {text?, when, sources, confidence}} (`text` when the core leaves it out),
/// "requirements": {id: …} (`requirement_details`), "eligibility": {id: [{when, sources}]}
/// (`eligibility_details`), "sources": {id: source}}`.
pub fn category_details_json(rb: &RuleBase, lang: Lang) -> String {
    let mut j = Json::with_capacity(256 * 1024);
    j.obj()
        .str_field("version", &rb.version)
        .key("categories")
        .obj();
    for r in rb.requirements.iter().filter(|r| detailed(r)) {
        j.key(&r.id).obj();
        j.opt_str_field("summary", r.summary.as_ref().map(|t| t.get(lang)));
        j.opt_str_field("scope", r.scope.as_ref().map(|t| t.get(lang)));
        if let Some(d) = &r.documents {
            j.key("documents");
            docs(&mut j, d);
        }
        j.end_obj();
    }
    j.end_obj().key("checks").obj();
    checks_into(&mut j, rb, lang);
    j.end_obj().key("rules").obj();
    for r in rb.rules.iter() {
        let mut fields = rule_details(rb, r);
        if !text_in_core(r) {
            fields.insert(0, ("text", str_value(r.text.get(lang))));
        }
        record(&mut j, &r.id, &fields, true);
    }
    j.end_obj().key("requirements").obj();
    requirement_details(&mut j, rb, lang);
    j.end_obj().key("eligibility").obj();
    eligibility_details(&mut j, rb);
    j.end_obj().key("sources").obj();
    sources_into(&mut j, rb, lang);
    j.end_obj().end_obj();
    j.finish()
}

/// `{id: [{when, sources}, …]}`: the eligibility conditions' fields the core catalogue leaves
/// out, in the order of each requirement's `eligibility`, for the requirements that have any.
fn eligibility_details(j: &mut Json, rb: &RuleBase) {
    for r in rb.requirements.iter().filter(|r| !r.eligibility.is_empty()) {
        j.key(&r.id).arr();
        for e in r.eligibility.iter() {
            j.obj().str_field("when", &e.when_src);
            sources(j, rb, &e.sources);
            j.end_obj();
        }
        j.end_arr();
    }
}

/// The groups a question takes its options from (`options_from`: the WeChat categories).
fn option_groups(rb: &RuleBase) -> Vec<&str> {
    rb.questions
        .iter()
        .filter_map(|q| q.options_from.as_deref())
        .collect()
}

/// Whether a requirement is an option of a question (a WeChat category): its record is in
/// `names.<lang>.json`, not in the core catalogue.
fn is_option(groups: &[&str], r: &Requirement) -> bool {
    r.group.as_deref().is_some_and(|g| groups.contains(&g))
}

/// `names.<lang>.json`: the core catalogue's records of the requirements a question takes its
/// options from (the 533 WeChat categories), which the core catalogue leaves out:
/// `{"version", "group", "after", "defaults": {field: value}, "names": {id: name}, "more": {id: {field: value}}}`
/// in catalogue order. A record is `defaults`, its name, `group` and its own fields in `more` (those
/// that differ from the defaults: lead time, eligibility); `mergeNames` in www/files.js puts them
/// back after the requirement `after` (the one before them in catalogue order; "" when none), so
/// that the catalogue's order is the whole catalogue's. The page loads it when a view shows the categories (the picker, a result that names one),
/// and the picker loads the other language's for its names.
pub fn option_names_json(rb: &RuleBase, lang: Lang) -> String {
    let groups = option_groups(rb);
    assert!(
        groups.len() == 1,
        "names.<lang>.json holds one group of options; the questions take options from {groups:?}"
    );
    let reqs: Vec<(&Requirement, Fields)> = rb
        .requirements
        .iter()
        .filter(|r| is_option(&groups, r))
        .map(|r| (r, requirement_fields(rb, r, lang, true)))
        .collect();
    let first = rb.requirements.iter().position(|r| is_option(&groups, r));
    let after = first
        .and_then(|i| i.checked_sub(1))
        .map_or("", |p| &*rb.requirements[p].id);
    let run = rb.requirements[first.unwrap_or(0)..].iter();
    assert!(
        run.take_while(|r| is_option(&groups, r)).count() == reqs.len(),
        "the options of {groups:?} must be one run of requirements in catalogue order"
    );
    let defaults = group_defaults(&reqs)
        .into_iter()
        .next()
        .map(|(_, d)| d)
        .unwrap_or_default();
    let mut j = Json::with_capacity(64 * 1024);
    j.obj()
        .str_field("version", &rb.version)
        .str_field("group", groups[0])
        .str_field("after", after);
    record(&mut j, "defaults", &defaults, true);
    j.key("names").obj();
    for (r, _) in &reqs {
        j.str_field(&r.id, r.name.get(lang));
    }
    j.end_obj().key("more").obj();
    for (r, fields) in &reqs {
        let own: Vec<(&str, String)> = fields
            .iter()
            .filter(|f| !["name", "group"].contains(&f.0) && !defaults.contains(f))
            .cloned()
            .collect();
        if !own.is_empty() {
            record(&mut j, &r.id, &own, true);
        }
    }
    j.end_obj().end_obj();
    j.finish()
}

/// `causes.<lang>.json`: `{"version", "causes": {id: {title, meaning, fix, rule, implies,
/// confidence, on?}}}`, the rejection causes `diagnose` names by id (loaded when the rejection help is
/// first used).
pub fn causes_json(rb: &RuleBase, lang: Lang) -> String {
    let mut j = Json::with_capacity(16 * 1024);
    j.obj()
        .str_field("version", &rb.version)
        .key("causes")
        .obj();
    for c in rb.causes.iter() {
        j.key(&c.id).obj();
        j.str_field("title", c.title.get(lang))
            .str_field("meaning", c.meaning.get(lang));
        j.str_field("fix", c.fix.get(lang))
            .str_field("rule", c.rule.get(lang));
        j.str_list(
            "implies",
            c.implies.iter().map(|r| &*rb.requirements[*r as usize].id),
        );
        j.str_field("confidence", c.confidence.name());
        // Per platform, where platforms differ: `on: {platform: {meaning?, fix?, rule?}}` (the
        // wasm module has no such wording: model::CauseOns).
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(on) = &c.on {
            j.key("on").obj();
            for o in on.iter() {
                j.key(&o.platform).obj();
                for (k, t) in [("meaning", &o.meaning), ("fix", &o.fix), ("rule", &o.rule)] {
                    if let Some(t) = t {
                        j.str_field(k, t.get(lang));
                    }
                }
                j.end_obj();
            }
            j.end_obj();
        }
        j.end_obj();
    }
    j.end_obj().end_obj();
    j.finish()
}

#[derive(Clone, Copy, PartialEq)]
enum Form {
    /// Every field of every record.
    Full,
    /// What a first result shows (`catalogue_core_json`).
    Core,
    /// Core, with ids only as keys and group defaults.
    Compact,
}

/// A group needs this many members before its shared fields are written once as defaults.
const MIN_GROUP: usize = 8;

type Fields = Vec<(&'static str, String)>;

/// For each group of at least `MIN_GROUP` requirements: the fields every member has and more than
/// half of them share, with that value, in field order.
fn group_defaults<'a>(reqs: &[(&'a Requirement, Fields)]) -> Vec<(&'a str, Fields)> {
    let mut groups: Vec<&str> = Vec::new();
    for g in reqs.iter().filter_map(|(r, _)| r.group.as_deref()) {
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    let mut out = Vec::new();
    for g in groups {
        let members: Vec<&Fields> = reqs
            .iter()
            .filter(|(r, _)| r.group.as_deref() == Some(g))
            .map(|(_, f)| f)
            .collect();
        if members.len() < MIN_GROUP {
            continue;
        }
        let mut defaults = Fields::new();
        for (key, _) in members[0].iter().filter(|(k, _)| *k != "group") {
            let values: Option<Vec<&String>> = members
                .iter()
                .map(|f| f.iter().find(|(k, _)| k == key).map(|(_, v)| v))
                .collect();
            let Some(values) = values else { continue };
            let count = |v: &String| values.iter().filter(|x| **x == v).count();
            // The most common value; the first one in catalogue order on a tie.
            let best = values
                .iter()
                .copied()
                .max_by(|a, b| count(a).cmp(&count(b)).then(std::cmp::Ordering::Greater));
            if let Some(best) = best.filter(|b| count(b) * 2 > values.len()) {
                defaults.push((key, best.clone()));
            }
        }
        if !defaults.is_empty() {
            out.push((g, defaults));
        }
    }
    out
}

/// The checklist items' records, `{id: {id, title, why, how, sources, confidence}}`'s members.
fn checks_into(j: &mut Json, rb: &RuleBase, lang: Lang) {
    for c in rb.checks.iter() {
        let fields = [
            ("title", str_value(c.title.get(lang))),
            ("why", str_value(c.why.get(lang))),
            ("how", str_value(c.how.get(lang))),
            ("sources", list_value(source_ids(rb, &c.sources))),
            ("confidence", str_value(c.confidence.name())),
        ];
        record(j, &c.id, &fields, false);
    }
}

fn catalogue_with(rb: &RuleBase, lang: Lang, form: Form) -> String {
    let compact = form == Form::Compact;
    let mut j = Json::with_capacity(256 * 1024);
    j.obj()
        .str_field("version", &rb.version)
        .str_field("reviewed", &rb.reviewed);
    if form != Form::Full {
        j.str_field("details", "categories");
        // The WeChat categories' records are in names.<lang>.json (`option_names_json`).
        j.str_field("names", "names");
    }
    let groups = option_groups(rb);
    let reqs: Vec<(&Requirement, Fields)> = rb
        .requirements
        .iter()
        .filter(|r| form == Form::Full || !is_option(&groups, r))
        .map(|r| (r, requirement_fields(rb, r, lang, form != Form::Full)))
        .collect();
    let mut defaults = Vec::new();
    if compact {
        defaults = group_defaults(&reqs);
        j.str_field("format", "compact").key("group_defaults").obj();
        for (g, fields) in &defaults {
            record(&mut j, g, fields, true);
        }
        j.end_obj();
    }
    j.key("requirements").obj();
    for (r, fields) in &reqs {
        let shared = defaults
            .iter()
            .find(|(g, _)| r.group.as_deref() == Some(*g))
            .map(|(_, d)| d.as_slice())
            .unwrap_or(&[]);
        let own: Vec<(&str, String)> = fields
            .iter()
            .filter(|f| !shared.contains(f))
            .cloned()
            .collect();
        record(&mut j, &r.id, &own, compact);
    }
    j.end_obj().key("rules").obj();
    for r in rb.rules.iter() {
        let mut fields = Vec::with_capacity(5);
        // A reason is on a first result's screen only for a rule that can refuse an item (the
        // outcome's blockers, an uncertain refusal's warning); the others' reasons are in a card's
        // "why", drawn again when `category_details_json` arrives.
        if form == Form::Full || text_in_core(r) {
            fields.push(("text", str_value(r.text.get(lang))));
        }
        // Whom to ask, for a rule with `confirm`: on a first result's screen (the item's hint).
        if let Some(a) = &r.ask {
            fields.push(("ask", str_value(a.get(lang))));
        }
        // A rule's condition, sources and confidence are not on a first result's screen: the core
        // catalogue leaves them to `category_details_json`.
        if form == Form::Full {
            fields.extend(rule_details(rb, r));
        }
        record(&mut j, &r.id, &fields, compact);
    }
    j.end_obj().key("checks").obj();
    // The checklist's texts are only on the checklist screen, and the sources' titles and links
    // behind a "Sources" disclosure: the core catalogue leaves them to `category_details_json`,
    // loaded with the categories' long texts.
    if form == Form::Full {
        checks_into(&mut j, rb, lang);
    }
    j.end_obj().key("sources").obj();
    if form == Form::Full {
        sources_into(&mut j, rb, lang);
    }
    j.end_obj().end_obj();
    j.finish()
}

/// Whether the core catalogue has a rule's `text`: only a `not_accepted` rule's reason is on a
/// first result's screen (why an item is refused, or may be); the others' are behind a card's
/// disclosure and in `category_details_json`.
fn text_in_core(r: &Rule) -> bool {
    !r.not_accepted.is_empty()
}

/// A rule's fields after its text and `ask`: `when`, `sources`, `confidence`.
fn rule_details(rb: &RuleBase, r: &Rule) -> Fields {
    vec![
        ("when", str_value(&r.when_src)),
        ("sources", list_value(source_ids(rb, &r.sources))),
        ("confidence", str_value(r.confidence.name())),
    ]
}

/// The sources' records, `{id: {id, title, url?, checked, tag}}`'s members: the title in `lang`
/// (`title_en` in English when there is one). A source's `note` is for the rule base's maintainers
/// (how it was read) and stays out of what readers get.
fn sources_into(j: &mut Json, rb: &RuleBase, lang: Lang) {
    for s in rb.sources.iter() {
        let title = match (lang, &s.title_en) {
            (Lang::En, Some(en)) => en,
            _ => &s.title,
        };
        let mut fields = vec![("title", str_value(title))];
        if let Some(u) = &s.url {
            fields.push(("url", str_value(u)));
        }
        fields.push(("checked", str_value(&s.checked)));
        fields.push(("tag", str_value(&s.tag)));
        record(j, &s.id, &fields, false);
    }
}
