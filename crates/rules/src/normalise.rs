//! Text folding shared by `diagnose` and the rule-file reader (so patterns and pasted text
//! are folded the same way): full-width ASCII → ASCII, ideographic space → space, ASCII
//! lower case, then the rule base's character table (traditional → simplified).

/// Folds one character.
pub fn fold_char(c: char, table: &[(char, char)]) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        '。' => '.',
        _ => c,
    };
    let c = c.to_ascii_lowercase();
    match table.binary_search_by(|(from, _)| from.cmp(&c)) {
        Ok(i) => table[i].1,
        Err(_) => c,
    }
}

/// Folds a whole string. `table` must be sorted by its first element.
pub fn fold(s: &str, table: &[(char, char)]) -> String {
    s.chars().map(|c| fold_char(c, table)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_case_and_table() {
        let table = [('審', '审'), ('錄', '录')];
        assert_eq!(fold("審核ＡＢＣ：登錄", &table), "审核abc:登录");
        assert_eq!(fold("Mini_App", &[]), "mini_app");
    }
}
