//! Cutting text to a length readers or networks accept: teasers for related posts, names of
//! untitled posts, share texts that must fit a post. One rule for all of them: whole words
//! while they fit, dangling punctuation dropped, "…" marking the cut.

/// How many words a related post's excerpt keeps (the seed page's teasers are 15 words).
pub const EXCERPT_WORDS: usize = 15;

/// The most characters an excerpt takes, "…" included, for texts whose words are long or
/// unspaced.
pub const EXCERPT_CHARS: usize = 140;

/// `text` on one line, cut to at most `max_words` words whose `weigh`ed characters, with the
/// separating spaces and the "…" that marks a cut, add up to at most `budget`. A cut never
/// splits a word, unless the first word alone is over the budget.
pub fn cut(text: &str, max_words: usize, budget: usize, weigh: fn(char) -> usize) -> String {
    let weight = |s: &str| s.chars().map(weigh).sum::<usize>();
    let ellipsis_weight = weigh('…');
    let mut out = String::new();
    let mut used = 0;
    let mut words = text.split_whitespace().peekable();
    let mut taken = 0;
    while let Some(word) = words.next() {
        let needed = weight(word) + usize::from(taken > 0);
        // Room for the ellipsis too, unless this is the text's last word.
        let ellipsis = if words.peek().is_some() {
            ellipsis_weight
        } else {
            0
        };
        if taken == max_words || used + needed + ellipsis > budget {
            if taken == 0 {
                let mut room = budget.saturating_sub(ellipsis_weight);
                for c in word.chars() {
                    if weigh(c) > room {
                        break;
                    }
                    room -= weigh(c);
                    out.push(c);
                }
            }
            return finish_cut(out);
        }
        if taken > 0 {
            out.push(' ');
        }
        out.push_str(word);
        used += needed;
        taken += 1;
    }
    out
}

/// The first `max_words` words of `text`, at most `max_chars` characters with the "…" that
/// marks a cut.
pub fn excerpt(text: &str, max_words: usize, max_chars: usize) -> String {
    cut(text, max_words, max_chars, |_| 1)
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
        assert_eq!(
            excerpt("exactly ten", 2, 11),
            "exactly ten",
            "fits without a cut"
        );
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
            format!("{}…", "字".repeat(9))
        );
    }

    #[test]
    fn weights_count_against_the_budget() {
        let double = |_| 2;
        assert_eq!(cut("ab cd ef", usize::MAX, 11, double), "ab cd…");
        assert_eq!(cut("ab cd", usize::MAX, 9, double), "ab cd");
        assert_eq!(cut("abcdef", usize::MAX, 8, double), "abc…");
    }
}
