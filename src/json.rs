//! A small JSON writer. Output is deterministic: keys are written in the order the caller
//! writes them, numbers in Rust's shortest round-trip form.

pub struct Json {
    buf: String,
    /// Whether the current container already has an element (needs a comma).
    has: Vec<bool>,
    /// A key was just written: its value needs no comma.
    after_key: bool,
}

impl Default for Json {
    fn default() -> Self {
        Json::with_capacity(256)
    }
}

impl Json {
    pub fn with_capacity(n: usize) -> Json {
        Json {
            buf: String::with_capacity(n),
            has: Vec::with_capacity(8),
            after_key: false,
        }
    }

    pub fn finish(self) -> String {
        self.buf
    }

    fn sep(&mut self) {
        if std::mem::replace(&mut self.after_key, false) {
            return;
        }
        if let Some(h) = self.has.last_mut() {
            if *h {
                self.buf.push(',');
            }
            *h = true;
        }
    }

    pub fn obj(&mut self) -> &mut Self {
        self.sep();
        self.buf.push('{');
        self.has.push(false);
        self
    }

    pub fn arr(&mut self) -> &mut Self {
        self.sep();
        self.buf.push('[');
        self.has.push(false);
        self
    }

    pub fn end_obj(&mut self) -> &mut Self {
        self.has.pop();
        self.buf.push('}');
        self
    }

    pub fn end_arr(&mut self) -> &mut Self {
        self.has.pop();
        self.buf.push(']');
        self
    }

    /// Writes a key; the next call writes its value.
    pub fn key(&mut self, k: &str) -> &mut Self {
        self.sep();
        self.escape(k);
        self.buf.push(':');
        self.after_key = true;
        self
    }

    pub fn str(&mut self, s: &str) -> &mut Self {
        self.sep();
        self.escape(s);
        self
    }

    pub fn num(&mut self, n: f64) -> &mut Self {
        self.sep();
        if n.is_finite() {
            if n.fract() == 0.0 && n.abs() < 1e15 {
                self.buf.push_str(&(n as i64).to_string());
            } else {
                self.buf.push_str(&n.to_string());
            }
        } else {
            self.buf.push_str("null");
        }
        self
    }

    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.sep();
        self.buf.push_str(if b { "true" } else { "false" });
        self
    }

    pub fn null(&mut self) -> &mut Self {
        self.sep();
        self.buf.push_str("null");
        self
    }

    pub fn str_field(&mut self, k: &str, v: &str) -> &mut Self {
        self.key(k).str(v)
    }

    pub fn opt_str_field(&mut self, k: &str, v: Option<&str>) -> &mut Self {
        if let Some(v) = v {
            self.key(k).str(v);
        }
        self
    }

    pub fn str_list<'a>(&mut self, k: &str, items: impl IntoIterator<Item = &'a str>) -> &mut Self {
        self.key(k).arr();
        for s in items {
            self.str(s);
        }
        self.end_arr()
    }

    fn escape(&mut self, s: &str) {
        self.buf.push('"');
        for c in s.chars() {
            match c {
                '"' => self.buf.push_str("\\\""),
                '\\' => self.buf.push_str("\\\\"),
                '\n' => self.buf.push_str("\\n"),
                '\r' => self.buf.push_str("\\r"),
                '\t' => self.buf.push_str("\\t"),
                // U+2028/2029 are valid JSON but break some JS embedders.
                c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                    self.buf.push_str(&format!("\\u{:04x}", c as u32));
                }
                c => self.buf.push(c),
            }
        }
        self.buf.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn writes_nested_values_with_commas_and_escapes() {
        let mut j = Json::default();
        j.obj()
            .str_field("a", "x\"y\n")
            .key("b")
            .arr()
            .num(1.0)
            .num(2.5)
            .bool(true)
            .end_arr();
        j.key("c").obj().end_obj().key("d").null().end_obj();
        assert_eq!(
            j.finish(),
            r#"{"a":"x\"y\n","b":[1,2.5,true],"c":{},"d":null}"#
        );
    }
}
