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
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An attribute or config value with its ends trimmed; `None` when nothing is left.
pub fn non_blank(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_to_single_spaces() {
        assert_eq!(collapse_whitespace("  a\n\tb  c \r\n"), "a b c");
        assert_eq!(collapse_whitespace(" \n "), "");
    }

    #[test]
    fn blank_values_are_none() {
        assert_eq!(non_blank(Some(" x ".into())).as_deref(), Some("x"));
        assert_eq!(non_blank(Some("  ".into())), None);
        assert_eq!(non_blank(None), None);
    }
}
