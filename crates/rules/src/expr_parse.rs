//! The condition language: `entity == "company" and sells has any ["own_goods", "third_party"]`.
//!
//! `parse` turns source text into a `Cond` tree that still names questions and options;
//! `rulefile::resolve` checks the names and kinds and compiles it to a `model::Expr`.
//! Positions are byte offsets into the condition text. Shared with `build.rs`.

/// A parse error: where (byte offset in the condition) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct CondError {
    pub offset: usize,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Lit {
    Str(String),
    Num(f64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// A name or literal with its offset in the condition text.
#[derive(Clone, Debug, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub offset: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cond {
    Const(bool),
    /// A bare question name: a yes/no question answered yes.
    Name(At<String>),
    Compare(At<String>, Op, At<Lit>),
    In(At<String>, Vec<At<Lit>>),
    Has(At<String>, At<Lit>),
    HasAny(At<String>, Vec<At<Lit>>),
    Not(Box<Cond>),
    And(Vec<Cond>),
    Or(Vec<Cond>),
}

/// Conditions deeper than this are refused (keeps recursion bounded for hostile input).
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Num(f64),
    Op(Op),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    End,
}

fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Ident(s) => format!("`{s}`"),
        Tok::Str(s) => format!("\"{s}\""),
        Tok::Num(n) => format!("{n}"),
        Tok::Op(_) => "a comparison".into(),
        Tok::LParen => "`(`".into(),
        Tok::RParen => "`)`".into(),
        Tok::LBracket => "`[`".into(),
        Tok::RBracket => "`]`".into(),
        Tok::Comma => "`,`".into(),
        Tok::End => "the end of the condition".into(),
    }
}

fn err<T>(offset: usize, message: impl Into<String>) -> Result<T, CondError> {
    Err(CondError {
        offset,
        message: message.into(),
    })
}

fn lex(src: &str) -> Result<Vec<(Tok, usize)>, CondError> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' => out.push((Tok::LParen, start)),
            b')' => out.push((Tok::RParen, start)),
            b'[' => out.push((Tok::LBracket, start)),
            b']' => out.push((Tok::RBracket, start)),
            b',' => out.push((Tok::Comma, start)),
            b'=' | b'!' | b'<' | b'>' => {
                let next = bytes.get(i + 1).copied();
                let (op, len) = match (c, next) {
                    (b'=', Some(b'=')) => (Op::Eq, 2),
                    (b'!', Some(b'=')) => (Op::Ne, 2),
                    (b'<', Some(b'=')) => (Op::Le, 2),
                    (b'>', Some(b'=')) => (Op::Ge, 2),
                    (b'<', _) => (Op::Lt, 1),
                    (b'>', _) => (Op::Gt, 1),
                    (b'=', _) => return err(start, "use `==` to compare"),
                    _ => return err(start, "use `not` for negation, or `!=`"),
                };
                out.push((Tok::Op(op), start));
                i += len;
                continue;
            }
            b'"' => {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += 1;
                }
                if j >= bytes.len() {
                    return err(start, "unterminated string");
                }
                out.push((Tok::Str(src[i + 1..j].to_string()), start));
                i = j + 1;
                continue;
            }
            b'0'..=b'9' | b'-' => {
                let mut j = i + 1;
                while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b'.') {
                    j += 1;
                }
                match src[i..j].parse::<f64>() {
                    Ok(n) if n.is_finite() => out.push((Tok::Num(n), start)),
                    _ => return err(start, format!("`{}` is not a number", &src[i..j])),
                }
                i = j;
                continue;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let mut j = i + 1;
                while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                    j += 1;
                }
                out.push((Tok::Ident(src[i..j].to_string()), start));
                i = j;
                continue;
            }
            _ => {
                let ch = src[i..].chars().next().unwrap_or('?');
                return err(start, format!("unexpected character `{ch}`"));
            }
        }
        i += 1;
    }
    out.push((Tok::End, src.len()));
    Ok(out)
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos].0
    }
    fn offset(&self) -> usize {
        self.toks[self.pos].1
    }
    fn bump(&mut self) -> (Tok, usize) {
        let t = self.toks[self.pos].clone();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }
    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Tok::Ident(s) if s == w)
    }

    fn enter(&mut self) -> Result<(), CondError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err(self.offset(), "condition nested too deeply");
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Cond, CondError> {
        self.enter()?;
        let mut parts = vec![self.and()?];
        while self.is_word("or") {
            self.bump();
            parts.push(self.and()?);
        }
        self.depth -= 1;
        Ok(if parts.len() == 1 {
            parts.pop().unwrap_or(Cond::Const(false))
        } else {
            Cond::Or(parts)
        })
    }

    fn and(&mut self) -> Result<Cond, CondError> {
        let mut parts = vec![self.not()?];
        while self.is_word("and") {
            self.bump();
            parts.push(self.not()?);
        }
        Ok(if parts.len() == 1 {
            parts.pop().unwrap_or(Cond::Const(false))
        } else {
            Cond::And(parts)
        })
    }

    fn not(&mut self) -> Result<Cond, CondError> {
        if self.is_word("not") {
            self.bump();
            self.enter()?;
            let inner = self.not()?;
            self.depth -= 1;
            return Ok(Cond::Not(Box::new(inner)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Cond, CondError> {
        let (tok, offset) = self.bump();
        match tok {
            Tok::LParen => {
                let inner = self.or()?;
                match self.bump() {
                    (Tok::RParen, _) => Ok(inner),
                    (t, o) => err(o, format!("expected `)`, found {}", describe(&t))),
                }
            }
            Tok::Ident(w) if w == "true" => Ok(Cond::Const(true)),
            Tok::Ident(w) if w == "false" => Ok(Cond::Const(false)),
            Tok::Ident(w) if ["and", "or", "in", "has", "any"].contains(&w.as_str()) => {
                err(offset, format!("expected a question name, found `{w}`"))
            }
            Tok::Ident(name) => self.comparison(At {
                value: name,
                offset,
            }),
            t => err(
                offset,
                format!("expected a question name, found {}", describe(&t)),
            ),
        }
    }

    fn comparison(&mut self, q: At<String>) -> Result<Cond, CondError> {
        match self.peek().clone() {
            Tok::Op(op) => {
                self.bump();
                let lit = self.literal()?;
                Ok(Cond::Compare(q, op, lit))
            }
            Tok::Ident(w) if w == "in" => {
                self.bump();
                Ok(Cond::In(q, self.list()?))
            }
            Tok::Ident(w) if w == "has" => {
                self.bump();
                if self.is_word("any") {
                    self.bump();
                    return Ok(Cond::HasAny(q, self.list()?));
                }
                Ok(Cond::Has(q, self.literal()?))
            }
            _ => Ok(Cond::Name(q)),
        }
    }

    fn literal(&mut self) -> Result<At<Lit>, CondError> {
        match self.bump() {
            (Tok::Str(s), offset) => Ok(At {
                value: Lit::Str(s),
                offset,
            }),
            (Tok::Num(n), offset) => Ok(At {
                value: Lit::Num(n),
                offset,
            }),
            (t, o) => err(
                o,
                format!("expected a \"string\" or a number, found {}", describe(&t)),
            ),
        }
    }

    fn list(&mut self) -> Result<Vec<At<Lit>>, CondError> {
        match self.bump() {
            (Tok::LBracket, _) => {}
            (t, o) => return err(o, format!("expected `[`, found {}", describe(&t))),
        }
        let mut items = Vec::new();
        loop {
            if matches!(self.peek(), Tok::RBracket) {
                self.bump();
                break;
            }
            items.push(self.literal()?);
            match self.bump() {
                (Tok::Comma, _) => continue,
                (Tok::RBracket, _) => break,
                (t, o) => return err(o, format!("expected `,` or `]`, found {}", describe(&t))),
            }
        }
        if items.is_empty() {
            return err(self.offset(), "empty list");
        }
        Ok(items)
    }
}

/// Parses a condition. Every error is reported with its byte offset.
pub fn parse(src: &str) -> Result<Cond, CondError> {
    let toks = lex(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let cond = p.or()?;
    match p.peek() {
        Tok::End => Ok(cond),
        t => err(
            p.offset(),
            format!("expected `and`, `or` or the end, found {}", describe(t)),
        ),
    }
}
