//! Short teasers for related posts: cut at a word boundary, marked with "…".

/// How many words a related post's excerpt keeps (the seed page's teasers are 15 words).
pub const EXCERPT_WORDS: usize = 15;

/// The most characters an excerpt keeps, for texts whose words are long or unspaced.
pub const EXCERPT_CHARS: usize = 140;

/// The first `max_words` words of `text` (and at most `max_chars` characters), with
/// whitespace collapsed; "…" marks a cut. A cut never splits a word unless one word alone is
/// longer than `max_chars`.
pub fn excerpt(text: &str, max_words: usize, max_chars: usize) -> String {
    let mut out = String::new();
    let mut out_chars = 0;
    for (taken, word) in text.split_whitespace().enumerate() {
        let word_chars = word.chars().count();
        let needed = word_chars + usize::from(taken > 0);
        if taken == max_words || out_chars + needed > max_chars {
            if taken == 0 {
                out.extend(word.chars().take(max_chars));
            }
            return finish_cut(out);
        }
        if taken > 0 {
            out.push(' ');
        }
        out.push_str(word);
        out_chars += needed;
    }
    out
}

/// Ends a cut text with "…", dropping punctuation that would dangle before it.
fn finish_cut(mut text: String) -> String {
    let trimmed_len = text
        .trim_end_matches(|c: char| {
            matches!(c, ',' | ';' | ':' | '.' | '-' | '–' | '—') || c.is_whitespace()
        })
        .len();
    text.truncate(trimmed_len);
    text.push('…');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole_with_whitespace_collapsed() {
        assert_eq!(
            excerpt("  Key   takeaways\n here ", 15, 140),
            "Key takeaways here"
        );
        assert_eq!(excerpt("", 15, 140), "");
    }

    #[test]
    fn long_text_is_cut_after_whole_words() {
        let text = "I remember deciding to pursue my first IT certification, the CompTIA A+. \
                    I had signed up for the exam months in advance.";
        assert_eq!(
            excerpt(text, 15, 140),
            "I remember deciding to pursue my first IT certification, the CompTIA A+. I had signed…"
        );
        assert_eq!(excerpt("one two three four", 3, 140), "one two three…");
        assert_eq!(excerpt("one two three four", 10, 9), "one two…");
    }

    #[test]
    fn dangling_punctuation_is_dropped_before_the_ellipsis() {
        assert_eq!(excerpt("first, second; third", 1, 140), "first…");
        assert_eq!(excerpt("a b; c", 2, 140), "a b…");
    }

    #[test]
    fn an_unspaced_text_is_cut_by_characters() {
        assert_eq!(
            excerpt(&"字".repeat(200), 15, 10),
            format!("{}…", "字".repeat(10))
        );
    }
}
