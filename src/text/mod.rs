//! Text rules readers see as numbers and snippets: reading time, relative time, excerpts.
//! All pure and browser-free.

pub mod excerpt;
pub mod reading_time;
pub mod relative_time;
mod segmenter;
pub mod words;

/// `text` on one line: runs of whitespace (newlines included) become single spaces, and the
/// ends are trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A whole number written in ASCII digits only (no sign, no spaces, at most 18 digits): how
/// the widget reads every number it is given. Hand-written: the standard parsers cost the
/// wasm more than all their uses.
pub fn number(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    (!bytes.is_empty() && bytes.len() <= 18 && bytes.iter().all(u8::is_ascii_digit))
        .then(|| bytes.iter().fold(0, |n, b| n * 10 + u64::from(b - b'0')))
}

/// Where `needle` first occurs in `haystack`. Hand-written: the standard substring search
/// (two-way, for long needles) costs the wasm more than all its uses, whose needles are short.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    (0..=haystack.len().checked_sub(needle.len())?).find(|&at| haystack[at..].starts_with(needle))
}

/// `parts` with `separator` between them. Hand-written: the standard `join` costs the wasm
/// more than all its uses.
pub fn join<S: AsRef<str>>(parts: impl IntoIterator<Item = S>, separator: &str) -> String {
    let mut out = String::new();
    for (index, part) in parts.into_iter().enumerate() {
        if index > 0 {
            out.push_str(separator);
        }
        out.push_str(part.as_ref());
    }
    out
}

/// An attribute or config value with its ends trimmed; `None` when nothing is left.
pub fn non_blank(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_finds_the_first_occurrence_at_a_character_boundary() {
        assert_eq!(find("http://a http", "http"), Some(0));
        assert_eq!(find("a://b", "://"), Some(1));
        assert_eq!(find("é://", "://"), Some(2));
        assert_eq!(find("ab", "abc"), None);
        assert_eq!(find("abc", ""), Some(0));
        assert_eq!(find("", ""), Some(0));
        assert_eq!(find("x position 12", "position "), Some(2));
    }

    #[test]
    fn whitespace_collapses_to_single_spaces() {
        assert_eq!(collapse_whitespace("  a\n\tb  c \r\n"), "a b c");
        assert_eq!(collapse_whitespace(" \n "), "");
    }

    #[test]
    fn numbers_are_plain_digits() {
        assert_eq!(number("0"), Some(0));
        assert_eq!(number("42"), Some(42));
        assert_eq!(number("999999999999999999"), Some(999_999_999_999_999_999));
        for bad in [
            "",
            " 1",
            "+1",
            "-1",
            "1.5",
            "1e3",
            "١",
            "9999999999999999999",
        ] {
            assert_eq!(number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn blank_values_are_none() {
        assert_eq!(non_blank(Some(" x ".into())).as_deref(), Some("x"));
        assert_eq!(non_blank(Some("  ".into())), None);
        assert_eq!(non_blank(None), None);
    }
}
