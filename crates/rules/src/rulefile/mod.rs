//! Reading and checking rule files: TOML text → checked `model::RuleBase`.
//!
//! Used by `build.rs` (the shipped rule base) and, with the `loader` feature, at run time
//! (bench, tests). Every problem is collected — never the first only — with its file, line,
//! column and the id of the record it belongs to.

pub mod analyse;
pub mod raw;
pub mod resolve;

use std::fmt;

use crate::model::RuleBase;

/// One rule file: its path (for messages) and its text.
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

#[derive(Clone, Copy, Debug)]
pub struct LoadOptions {
    /// Every record must cite sources, and `official` needs an OFF/PLAT source.
    pub require_sources: bool,
    /// Every text needs both zh and en.
    pub require_translations: bool,
    /// Run the satisfiability checks (never asked, never fires).
    pub analyse: bool,
}

impl LoadOptions {
    pub const STRICT: LoadOptions = LoadOptions {
        require_sources: true,
        require_translations: true,
        analyse: true,
    };
    /// For generated workloads (the benchmark): structure checked, provenance not.
    pub const BENCH: LoadOptions = LoadOptions {
        require_sources: false,
        require_translations: false,
        analyse: false,
    };
}

/// Where a problem is: file index and byte span.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loc {
    pub file: usize,
    pub start: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RuleError {
    pub path: String,
    pub line: usize,
    pub col: usize,
    /// The id of the record (question, rule, …) the problem is in, if known.
    pub id: Option<String>,
    /// A stable name for the kind of problem, e.g. `unknown_question`.
    pub kind: &'static str,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.path, self.line, self.col)?;
        if let Some(id) = &self.id {
            write!(f, "[{id}] ")?;
        }
        write!(f, "{} ({})", self.message, self.kind)
    }
}

/// Collects problems while reading; turns byte offsets into line:col at the end.
pub struct Problems<'a> {
    files: &'a [SourceFile],
    list: Vec<(Loc, Option<String>, &'static str, String)>,
}

impl<'a> Problems<'a> {
    pub fn new(files: &'a [SourceFile]) -> Self {
        Problems {
            files,
            list: Vec::new(),
        }
    }

    pub fn add(
        &mut self,
        loc: &Loc,
        id: Option<&str>,
        kind: &'static str,
        message: impl Into<String>,
    ) {
        self.list
            .push((loc.clone(), id.map(str::to_string), kind, message.into()));
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn text_of(&self, file: usize) -> &str {
        &self.files[file].text
    }

    pub fn finish(self) -> Vec<RuleError> {
        // Line starts once per file: a position per problem by binary search, not by scanning the
        // text again for each of (possibly tens of thousands of) problems.
        let starts: Vec<Vec<usize>> = self.files.iter().map(|f| line_starts(&f.text)).collect();
        let mut out: Vec<RuleError> = self
            .list
            .into_iter()
            .map(|(loc, id, kind, message)| {
                let file = &self.files[loc.file];
                let (line, col) = line_col_in(&file.text, &starts[loc.file], loc.start);
                RuleError {
                    path: file.path.clone(),
                    line,
                    col,
                    id,
                    kind,
                    message,
                }
            })
            .collect();
        out.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        out.dedup();
        out
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// `line_col` with the file's line starts computed beforehand.
fn line_col_in(text: &str, starts: &[usize], offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = starts.partition_point(|&s| s <= offset);
    let col = text[starts[line - 1]..offset].chars().count() + 1;
    (line, col)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Reads, resolves and checks every file. Returns all problems at once.
pub fn load(files: &[SourceFile], opts: LoadOptions) -> Result<RuleBase, Vec<RuleError>> {
    let mut problems = Problems::new(files);
    let mut raw = raw::RawBase::default();
    for (i, f) in files.iter().enumerate() {
        raw::read_file(i, &f.text, &mut raw, &mut problems);
    }
    let base = resolve::resolve(&raw, opts, &mut problems);
    if let Some(base) = &base {
        // Reachability is only meaningful (and free of knock-on errors) on an otherwise clean base.
        if analyse::structure(base, &raw, &mut problems) && opts.analyse && problems.is_empty() {
            analyse::reachability(base, &raw, &mut problems);
        }
    }
    match base {
        Some(base) if problems.is_empty() => Ok(base),
        _ => {
            let errors = problems.finish();
            if errors.is_empty() {
                // resolve gave up without saying why: never silent.
                return Err(vec![RuleError {
                    path: files.first().map(|f| f.path.clone()).unwrap_or_default(),
                    line: 1,
                    col: 1,
                    id: None,
                    kind: "internal",
                    message: "the rule base could not be built".into(),
                }]);
            }
            Err(errors)
        }
    }
}
