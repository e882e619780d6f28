//! A small JSON writer. Output is deterministic: keys are written in the order the caller
//! writes them, numbers in Rust's shortest round-trip form.

pub struct Json {
    /// Always valid UTF-8: only `&str` pieces and ASCII bytes are appended.
    buf: Vec<u8>,
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
            buf: Vec::with_capacity(n),
            has: Vec::with_capacity(8),
            after_key: false,
        }
    }

    pub fn finish(self) -> String {
        String::from_utf8(self.buf).unwrap_or_default()
    }

    fn push(&mut self, b: u8) {
        self.buf.push(b);
    }

    fn push_str(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
    }

    fn sep(&mut self) {
        if std::mem::replace(&mut self.after_key, false) {
            return;
        }
        if let Some(h) = self.has.last_mut() {
            if std::mem::replace(h, true) {
                self.buf.push(b',');
            }
        }
    }

    pub fn obj(&mut self) -> &mut Self {
        self.sep();
        self.push(b'{');
        self.has.push(false);
        self
    }

    pub fn arr(&mut self) -> &mut Self {
        self.sep();
        self.push(b'[');
        self.has.push(false);
        self
    }

    pub fn end_obj(&mut self) -> &mut Self {
        self.has.pop();
        self.push(b'}');
        self
    }

    pub fn end_arr(&mut self) -> &mut Self {
        self.has.pop();
        self.push(b']');
        self
    }

    /// Writes a key; the next call writes its value.
    pub fn key(&mut self, k: &str) -> &mut Self {
        self.sep();
        self.escape(k);
        self.push(b':');
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
        let text = number(n);
        self.push_str(&text);
        self
    }

    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.sep();
        self.push_str(if b { "true" } else { "false" });
        self
    }

    /// Writes a value that is already JSON (made by another `Json`), as it is.
    pub fn raw(&mut self, json: &str) -> &mut Self {
        self.sep();
        self.push_str(json);
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
        self.buf.reserve(s.len() + 2);
        self.push(b'"');
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Skip plain bytes quickly: one table look-up each.
            if !SPECIAL[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            let b = bytes[i];
            let esc: &str = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..=0x1f => "",
                // U+2028 and U+2029 (E2 80 A8/A9) are valid JSON but break some JS embedders.
                _ if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
                {
                    ""
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            self.push_str(&s[start..i]);
            if esc.is_empty() {
                let c = s[i..].chars().next().unwrap_or('\0');
                self.push_str(&format!("\\u{:04x}", c as u32));
                i += c.len_utf8();
            } else {
                self.push_str(esc);
                i += 1;
            }
            start = i;
        }
        self.push_str(&s[start..]);
        self.push(b'"');
    }
}

/// A number as JSON: Rust's shortest round-trip form (never an exponent); `null` when not finite.
pub fn number(n: f64) -> String {
    if n.is_finite() {
        n.to_string()
    } else {
        "null".into()
    }
}

/// Bytes that may need escaping: control characters, `"`, `\\`, and 0xE2 (the lead byte of
/// U+2028 and U+2029).
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t[0xE2] = true;
    t
};

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn numbers_are_written_as_json() {
        assert_eq!(super::number(500.0), "500");
        assert_eq!(super::number(-3.0), "-3");
        assert_eq!(super::number(2.5), "2.5");
        assert_eq!(super::number(0.125), "0.125");
        assert_eq!(super::number(-0.000001), "-0.000001");
        assert_eq!(super::number(f64::NAN), "null");
    }

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
        j.key("c").obj().end_obj().key("d").bool(false).end_obj();
        assert_eq!(
            j.finish(),
            r#"{"a":"x\"y\n","b":[1,2.5,true],"c":{},"d":false}"#
        );
    }
}
