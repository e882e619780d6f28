//! JSON for JavaScript: the report, the questions and the catalogue (shapes in docs/api.md).

use crate::answers::{Answer, Answers};
use crate::diagnose::Match;
use crate::eval::QSet;
use crate::json::Json;
use crate::model::*;
use crate::plan::Plan;
use crate::report::{Because, Decider, Problem, ProblemFrom, Report};

/// The words an answer is given in when it is not an option's or a number: not answered, not
/// sure, yes, no, none of these.
pub const ANSWER_WORDS: [Fixed; 5] = [
    Fixed("未回答", "Not answered"),
    Fixed("不确定", "Not sure"),
    Fixed("是", "Yes"),
    Fixed("否", "No"),
    Fixed("以上都没有", "None of these"),
];

/// Between the labels of a several-of answer.
pub const LIST_SEPARATOR: Fixed = Fixed("、", ", ");

/// A fixed text of the engine's own, in Chinese and English.
pub struct Fixed(pub &'static str, pub &'static str);

impl Fixed {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.0,
            Lang::En => self.1,
        }
    }
}

/// An answer in the question's own words.
pub fn answer_label(rb: &RuleBase, q: QIdx, a: Option<&Answer>, lang: Lang) -> String {
    let question = &rb.questions[q as usize];
    let opt = |o: &OIdx| {
        question
            .options
            .get(*o as usize)
            .map_or("?", |x| x.text.get(lang))
    };
    let word = |i: usize| ANSWER_WORDS[i].get(lang).into();
    match a {
        None => word(0),
        Some(Answer::NotSure) => word(1),
        Some(Answer::Yes) => word(2),
        Some(Answer::No) => word(3),
        Some(Answer::Opt(o)) => opt(o).into(),
        Some(Answer::Set(s)) if s.is_empty() => word(4),
        Some(Answer::Set(s)) => {
            let labels: Vec<&str> = s.iter().map(opt).collect();
            labels.join(LIST_SEPARATOR.get(lang))
        }
        Some(Answer::Num(n)) => {
            let n = crate::json::number(*n);
            match &question.unit {
                Some(u) => format!("{n} {}", u.get(lang)),
                None => n,
            }
        }
    }
}

fn qids(j: &mut Json, key: &str, rb: &RuleBase, set: &QSet) {
    j.key(key).arr();
    for q in set.iter() {
        j.str(&rb.questions[q as usize].id);
    }
    j.end_arr();
}

fn because(j: &mut Json, rb: &RuleBase, list: &[Because]) {
    j.key("because").arr();
    for b in list {
        let rule = match b.by {
            Decider::Rule(r) => &*rb.rules[r as usize].id,
            Decider::Picked => "picked",
            Decider::Entity => "entity",
            Decider::Own => "when",
        };
        j.obj().str_field("rule", rule);
        qids(j, "answers", rb, &b.answers);
        j.end_obj();
    }
    j.end_arr();
}

fn problem(j: &mut Json, rb: &RuleBase, req: &Requirement, p: &Problem, lang: Lang) {
    let (text, blocks) = match p.from {
        ProblemFrom::Eligibility(e) => {
            let e = &req.eligibility[e as usize];
            (e.text.get(lang), e.blocks)
        }
        ProblemFrom::Rule(r) => (rb.rules[r as usize].text.get(lang), true),
    };
    j.obj()
        .str_field("text", text)
        .key("blocks")
        .bool(blocks)
        .key("certain")
        .bool(p.certain)
        .end_obj();
}

fn plan(j: &mut Json, rb: &RuleBase, plan: &Plan) {
    let pair = |j: &mut Json, k: &str, (a, b): (u32, u32)| {
        j.key(k).arr().num(a.into()).num(b.into()).end_arr();
    };
    j.key("plan").obj().key("steps").arr();
    for s in &plan.steps {
        let req = &rb.requirements[s.req as usize];
        j.obj()
            .str_field("id", &req.id)
            .str_field("step", &req.step);
        pair(j, "start", s.start);
        pair(j, "finish", s.finish);
        j.end_obj();
    }
    j.end_arr();
    pair(j, "total", plan.total);
    j.end_obj();
}

pub fn report_json(rb: &RuleBase, report: &Report, answers: &Answers, lang: Lang) -> String {
    let mut j = Json::with_capacity(64 * 1024);
    let id = |q: &QIdx| &*rb.questions[*q as usize].id;
    j.obj().str_field("version", &rb.version);
    j.key("flow")
        .obj()
        .str_list("asked", report.asked.iter().map(id));
    match report.next {
        Some(q) => j.str_field("next", id(&q)),
        None => j.key("next").null(),
    };
    j.str_list("unsure", report.unsure.iter().map(id)).end_obj();

    j.key("requirements").arr();
    for item in &report.items {
        let req = &rb.requirements[item.req as usize];
        j.obj()
            .str_field("id", &req.id)
            .str_field("layer", req.layer.name());
        j.str_field("status", item.status.name());
        because(&mut j, rb, item.because.of(&report.because));
        qids(&mut j, "settle", rb, &item.settle);
        if let Some((r, g)) = item.one_of {
            let members = &rb.rules[r as usize].require_one_of[g as usize];
            j.str_list(
                "one_of",
                members.iter().map(|m| &*rb.requirements[*m as usize].id),
            );
        }
        j.key("problems").arr();
        for p in item.problems.of(&report.problems) {
            problem(&mut j, rb, req, p, lang);
        }
        j.end_arr().end_obj();
    }
    j.end_arr();

    j.key("checklist").arr();
    for c in &report.checklist {
        j.obj().str_field("id", &rb.checks[c.check as usize].id);
        j.str_field("status", if c.certain { "required" } else { "possible" });
        because(&mut j, rb, c.because.of(&report.because));
        qids(&mut j, "settle", rb, &c.settle);
        j.end_obj();
    }
    j.end_arr();

    j.key("next_questions").arr();
    for (q, n) in &report.next_questions {
        j.obj()
            .str_field("id", id(q))
            .key("settles")
            .num(f64::from(*n))
            .end_obj();
    }
    j.end_arr();
    plan(&mut j, rb, &report.plan);

    j.key("answers").obj();
    for q in report.cited.iter() {
        let question = &rb.questions[q as usize];
        let label = answer_label(rb, q, answers.values[q as usize].as_ref(), lang);
        j.key(&question.id)
            .obj()
            .str_field("question", question.text.get(lang));
        j.str_field("answer", &label).end_obj();
    }
    j.end_obj().end_obj();
    j.finish()
}

pub fn questions_json(rb: &RuleBase, lang: Lang) -> String {
    let mut j = Json::with_capacity(16 * 1024);
    questions_into(&mut j, rb, lang, false);
    j.finish()
}

/// `questions.<lang>.json`, which the page reads before the wasm has arrived:
/// `{"version", "questions"}` where `questions` is what `questions_json` returns, except that a
/// question with `options_from` has `"options": []` (the page takes them from the catalogue).
pub fn questions_file_json(rb: &RuleBase, lang: Lang) -> String {
    let mut j = Json::with_capacity(16 * 1024);
    j.obj().str_field("version", &rb.version).key("questions");
    questions_into(&mut j, rb, lang, true);
    j.end_obj();
    j.finish()
}

fn questions_into(j: &mut Json, rb: &RuleBase, lang: Lang, skip_derived: bool) {
    j.arr();
    for q in rb.questions.iter() {
        j.obj()
            .str_field("id", &q.id)
            .str_field("kind", q.kind.name());
        j.str_field("text", q.text.get(lang));
        j.opt_str_field("help", q.help.as_ref().map(|h| h.get(lang)));
        j.key("not_sure").bool(q.not_sure);
        j.key("options").arr();
        let derived = skip_derived && q.options_from.is_some();
        for o in q.options.iter().filter(|_| !derived) {
            j.obj()
                .str_field("id", &o.id)
                .str_field("label", o.text.get(lang));
            j.opt_str_field("help", o.help.as_ref().map(|h| h.get(lang)));
            j.end_obj();
        }
        j.end_arr();
        j.opt_str_field("options_from", q.options_from.as_deref());
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
    j.end_arr();
}

fn sources(j: &mut Json, rb: &RuleBase, list: &[u16]) {
    j.str_list("sources", list.iter().map(|s| &*rb.sources[*s as usize].id));
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

fn requirement(j: &mut Json, rb: &RuleBase, r: &Requirement, lang: Lang, core: bool) {
    let long = !(core && detailed(r));
    j.key(&r.id)
        .obj()
        .str_field("id", &r.id)
        .str_field("layer", r.layer.name());
    j.str_field("kind", &r.kind)
        .str_field("step", &r.step)
        .str_field("name", r.name.get(lang));
    if long {
        j.opt_str_field("summary", r.summary.as_ref().map(|t| t.get(lang)));
    }
    j.opt_str_field("authority", r.authority.as_ref().map(|t| t.get(lang)));
    if let Some((a, b)) = r.lead_time {
        j.key("lead_time")
            .arr()
            .num(a.into())
            .num(b.into())
            .end_arr();
    }
    j.opt_str_field("validity", r.validity.as_ref().map(|t| t.get(lang)));
    j.str_field("difficulty", r.difficulty.name());
    j.str_list(
        "prerequisites",
        r.prerequisites
            .iter()
            .map(|p| &*rb.requirements[*p as usize].id),
    );
    j.str_list("platforms", r.platforms.iter().map(|p| &**p));
    j.opt_str_field("group", r.group.as_deref());
    if let Some(eq) = rb.entity_question {
        let opts = &rb.questions[eq as usize].options;
        j.str_list(
            "entities",
            r.entities.iter().map(|e| &*opts[*e as usize].id),
        );
    }
    if long {
        j.opt_str_field("scope", r.scope.as_ref().map(|t| t.get(lang)));
        if let Some(d) = &r.documents {
            j.key("documents");
            docs(j, d);
        }
    }
    if let Some(m) = &r.myth {
        j.key("myth").obj().str_field("text", m.text.get(lang));
        sources(j, rb, &m.sources);
        j.end_obj();
    }
    j.key("eligibility").arr();
    for e in r.eligibility.iter() {
        j.obj()
            .str_field("when", &e.when_src)
            .key("blocks")
            .bool(e.blocks);
        j.str_field("text", e.text.get(lang));
        sources(j, rb, &e.sources);
        j.end_obj();
    }
    j.end_arr();
    sources(j, rb, &r.sources);
    j.str_field("confidence", r.confidence.name());
    j.opt_str_field("checked", r.checked.as_deref());
    j.end_obj();
}

pub fn catalogue_json(rb: &RuleBase, lang: Lang) -> String {
    catalogue_with(rb, lang, false)
}

/// The core catalogue the page loads first: `catalogue_json` without the WeChat categories'
/// `summary`, `scope` and `documents` (those are in `category_details_json`), and with
/// `"details": "categories"` at the top so a reader knows they are elsewhere.
pub fn catalogue_core_json(rb: &RuleBase, lang: Lang) -> String {
    catalogue_with(rb, lang, true)
}

/// `categories.<lang>.json`: `{"version", "categories": {id: {"summary"?, "scope"?, "documents"?}}}`
/// for the requirements `catalogue_core_json` leaves them out of, in catalogue order.
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
    j.end_obj().end_obj();
    j.finish()
}

fn catalogue_with(rb: &RuleBase, lang: Lang, core: bool) -> String {
    let mut j = Json::with_capacity(256 * 1024);
    j.obj()
        .str_field("version", &rb.version)
        .str_field("reviewed", &rb.reviewed);
    if core {
        j.str_field("details", "categories");
    }
    j.key("requirements").obj();
    for r in rb.requirements.iter() {
        requirement(&mut j, rb, r, lang, core);
    }
    j.end_obj().key("rules").obj();
    for r in rb.rules.iter() {
        j.key(&r.id)
            .obj()
            .str_field("id", &r.id)
            .str_field("text", r.text.get(lang));
        j.str_field("when", &r.when_src);
        sources(&mut j, rb, &r.sources);
        j.str_field("confidence", r.confidence.name()).end_obj();
    }
    j.end_obj().key("checks").obj();
    for c in rb.checks.iter() {
        j.key(&c.id)
            .obj()
            .str_field("id", &c.id)
            .str_field("title", c.title.get(lang));
        j.str_field("why", c.why.get(lang))
            .str_field("how", c.how.get(lang));
        sources(&mut j, rb, &c.sources);
        j.str_field("confidence", c.confidence.name()).end_obj();
    }
    j.end_obj().key("sources").obj();
    for s in rb.sources.iter() {
        j.key(&s.id)
            .obj()
            .str_field("id", &s.id)
            .str_field("title", &s.title);
        j.opt_str_field("url", s.url.as_deref())
            .str_field("checked", &s.checked);
        j.str_field("tag", &s.tag)
            .opt_str_field("note", s.note.as_deref())
            .end_obj();
    }
    j.end_obj().end_obj();
    j.finish()
}

pub fn diagnose_json(rb: &RuleBase, matches: &[Match], lang: Lang) -> String {
    let mut j = Json::with_capacity(1024);
    j.arr();
    for m in matches {
        let c = &rb.causes[m.cause as usize];
        j.obj()
            .str_field("id", &c.id)
            .key("score")
            .num(f64::from(m.score));
        j.str_field("title", c.title.get(lang))
            .str_field("meaning", c.meaning.get(lang));
        j.str_field("fix", c.fix.get(lang))
            .str_field("rule", c.rule.get(lang));
        j.str_list(
            "implies",
            c.implies.iter().map(|r| &*rb.requirements[*r as usize].id),
        );
        j.str_list("matched", m.evidence.iter().map(String::as_str));
        j.str_field("confidence", c.confidence.name());
        j.end_obj();
    }
    j.end_arr();
    j.finish()
}
