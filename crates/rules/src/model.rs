//! The checked rule base, as the engine uses it.
//!
//! Every list and string is a `Cow<'static, _>`: the shipped rule base is generated Rust code
//! that borrows static data (no parsing or allocation at start-up), while the `loader` feature
//! builds the same types from rule files at run time (bench and tests).

use std::borrow::Cow;

pub type Str = Cow<'static, str>;
pub type List<T> = Cow<'static, [T]>;

/// Index of a question in `RuleBase::questions`.
pub type QIdx = u16;
/// Index of an option inside its question.
pub type OIdx = u16;
/// Index of a requirement in `RuleBase::requirements`.
pub type RIdx = u32;

/// Most questions a rule base may have (the size of `QSet`).
pub const MAX_QUESTIONS: usize = 128;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    pub zh: Str,
    pub en: Str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// The default is a rule base with nothing in it (what a damaged blob decodes to).
#[derive(Clone, Debug, Default)]
pub struct RuleBase {
    pub version: Str,
    pub reviewed: Str,
    /// The question whose options are entity types (for category `entities`).
    pub entity_question: Option<QIdx>,
    pub questions: List<Question>,
    pub requirements: List<Requirement>,
    pub rules: List<Rule>,
    pub checks: List<Check>,
    pub causes: List<Cause>,
    pub sources: List<Source>,
    /// Character folding for `diagnose` (traditional → simplified), sorted by `from`.
    pub normalise: List<(char, char)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QKind {
    YesNo,
    OneOf,
    SeveralOf,
    Number,
}

impl QKind {
    pub fn name(self) -> &'static str {
        match self {
            QKind::YesNo => "yes_no",
            QKind::OneOf => "one_of",
            QKind::SeveralOf => "several_of",
            QKind::Number => "number",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Question {
    pub id: Str,
    pub kind: QKind,
    pub text: Text,
    pub help: Option<Text>,
    /// When to ask, and its source text (shown to people who read the rules).
    pub ask_when: Option<Expr>,
    pub ask_when_src: Str,
    pub not_sure: bool,
    pub options: List<Opt>,
    /// For questions whose options are catalogue entries: the group name.
    pub options_from: Option<Str>,
    /// Offered on the results page (`on_results`), never asked before the first result.
    pub on_results: bool,
    pub unit: Option<Text>,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

#[derive(Clone, Debug)]
pub struct Opt {
    pub id: Str,
    pub text: Text,
    pub help: Option<Text>,
    /// For catalogue options: the requirement this option picks.
    pub requirement: Option<RIdx>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

/// A compiled condition. Questions and options are indices.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Const(bool),
    /// yes_no question answered yes.
    Yes(QIdx),
    /// one_of question answered with this option.
    Is(QIdx, OIdx),
    /// one_of question answered, with another option.
    IsNot(QIdx, OIdx),
    /// one_of question answered with one of these options.
    In(QIdx, List<OIdx>),
    /// several_of question: this option is chosen.
    Has(QIdx, OIdx),
    /// several_of question: at least one of these is chosen.
    HasAny(QIdx, List<OIdx>),
    /// number question compared with a constant.
    Cmp(QIdx, CmpOp, f64),
    /// Exactly one child.
    Not(List<Expr>),
    And(List<Expr>),
    Or(List<Expr>),
}

impl Expr {
    /// Appends the questions this condition reads to `out`.
    pub fn questions(&self, out: &mut Vec<QIdx>) {
        match self {
            Expr::Const(_) => {}
            Expr::Yes(q) | Expr::Is(q, _) | Expr::IsNot(q, _) | Expr::In(q, _) => out.push(*q),
            Expr::Has(q, _) | Expr::HasAny(q, _) | Expr::Cmp(q, _, _) => out.push(*q),
            Expr::Not(c) | Expr::And(c) | Expr::Or(c) => c.iter().for_each(|c| c.questions(out)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    Law,
    Filing,
    Platform,
}

impl Layer {
    pub fn name(self) -> &'static str {
        match self {
            Layer::Law => "law",
            Layer::Filing => "filing",
            Layer::Platform => "platform",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    Official,
    Secondary,
    Unconfirmed,
}

impl Confidence {
    pub fn name(self) -> &'static str {
        match self {
            Confidence::Official => "official",
            Confidence::Secondary => "secondary",
            Confidence::Unconfirmed => "unconfirmed",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Difficulty {
    None,
    Easy,
    Moderate,
    Hard,
    OutOfReach,
}

impl Difficulty {
    pub fn name(self) -> &'static str {
        match self {
            Difficulty::None => "none",
            Difficulty::Easy => "easy",
            Difficulty::Moderate => "moderate",
            Difficulty::Hard => "hard",
            Difficulty::OutOfReach => "out_of_reach",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Requirement {
    pub id: Str,
    pub layer: Layer,
    pub kind: Str,
    pub step: Str,
    pub name: Text,
    pub summary: Option<Text>,
    pub authority: Option<Text>,
    /// Working days, min and max.
    pub lead_time: Option<(u16, u16)>,
    pub validity: Option<Text>,
    pub difficulty: Difficulty,
    pub prerequisites: List<RIdx>,
    pub platforms: List<Str>,
    pub group: Option<Str>,
    /// Entity options that may hold this (categories); empty = any.
    pub entities: List<OIdx>,
    pub scope: Option<Text>,
    pub documents: Option<Docs>,
    pub eligibility: List<Eligibility>,
    /// When this holds, the operator already has it (`held_when`): done, not a plan step.
    pub held_when: Option<Expr>,
    /// Where to apply: the official system's name and address, with its sources.
    pub apply: Option<Apply>,
    pub myth: Option<Myth>,
    pub sources: List<u16>,
    pub confidence: Confidence,
    pub checked: Option<Str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Docs {
    pub label: Option<Str>,
    pub all: List<DocItem>,
    pub any_of: List<List<DocItem>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DocItem {
    Doc(Str),
    Bundle(Docs),
}

#[derive(Clone, Debug)]
pub struct Eligibility {
    pub when: Expr,
    pub when_src: Str,
    /// A condition that holds (not met) means this operator cannot get it; false: a caution.
    pub blocks: bool,
    /// A condition (`[[requirement.eligibility]]`): `when` is when it is **not** met and this is
    /// that wording. A note (`[[requirement.note]]`): shown when `when` holds.
    pub text: Text,
    /// The wording when the condition is met; `None` for a note.
    pub met: Option<Text>,
    pub sources: List<u16>,
}

#[derive(Clone, Debug)]
pub struct Apply {
    pub name: Text,
    /// None: no address we could confirm (the name says where instead).
    pub url: Option<Str>,
    pub confidence: Confidence,
    pub sources: List<u16>,
}

#[derive(Clone, Debug)]
pub struct Myth {
    pub text: Text,
    pub sources: List<u16>,
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub id: Str,
    pub when: Expr,
    pub when_src: Str,
    pub require: List<RIdx>,
    pub require_one_of: List<List<RIdx>>,
    pub not_accepted: List<RIdx>,
    pub rule_out: List<RIdx>,
    /// Requirements that need confirming (unsettled law, practice varies by province, an
    /// unconfirmed source): status `needs_confirming` when the rule holds.
    pub confirm: List<RIdx>,
    /// Whom to ask to confirm (set exactly when `confirm` is not empty).
    pub ask: Option<Text>,
    pub checklist: List<u16>,
    pub text: Text,
    pub sources: List<u16>,
    pub confidence: Confidence,
}

#[derive(Clone, Debug)]
pub struct Check {
    pub id: Str,
    pub title: Text,
    pub why: Text,
    pub how: Text,
    /// None: applies when a rule adds it, or always if no rule does (`always`).
    pub when: Option<Expr>,
    pub always: bool,
    pub sources: List<u16>,
    pub confidence: Confidence,
}

#[derive(Clone, Debug)]
pub struct Cause {
    pub id: Str,
    pub title: Text,
    pub meaning: Text,
    pub fix: Text,
    pub rule: Text,
    pub implies: List<RIdx>,
    pub rej_sections: List<Str>,
    pub ops_sections: List<Str>,
    pub codes: List<Str>,
    /// Patterns, already folded by `normalise`.
    pub patterns: List<(Str, u16)>,
    pub sources: List<u16>,
    pub confidence: Confidence,
    /// Wording for one platform where platforms differ (`[[cause.on]]`): on that platform its
    /// texts replace the general ones. Catalogue only: the wasm module's blob has none.
    pub on: CauseOns,
}

/// A cause's per-platform wording, for the catalogue (causes.<lang>.json). The wasm module never
/// reads it (the engine speaks ids), so there the field is always None and costs no code.
#[cfg(not(target_arch = "wasm32"))]
pub type CauseOns = Option<List<CauseOn>>;
#[cfg(target_arch = "wasm32")]
pub type CauseOns = Option<core::convert::Infallible>;

/// A cause's wording on one platform (an option id of the platform question).
#[derive(Clone, Debug)]
pub struct CauseOn {
    pub platform: Str,
    pub meaning: Option<Text>,
    pub fix: Option<Text>,
    pub rule: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Source {
    pub id: Str,
    /// The title as the Chinese page shows it; `title_en` for the English page (default: `title`).
    pub title: Str,
    pub title_en: Option<Str>,
    pub url: Option<Str>,
    pub checked: Str,
    pub tag: Str,
    pub note: Option<Str>,
}
