//! Counting words the way Unicode word segmentation (UAX #29) counts them in space-separated
//! scripts, without carrying segmentation tables in the bundle.
//!
//! A word is a run of letters, marks and digits; an apostrophe, a full stop, a colon or a
//! comma between two such characters continues it (`it’s`, `U.S.`, `3,000`), anything else
//! ends it (`mission-critical` is two words). Punctuation-only tokens are not words.
//! Han, Hiragana, Katakana and Hangul characters are counted one by one, not as words.
//! Runs of scripts written without spaces between words (Thai, Lao, Khmer, Myanmar) go to the
//! browser's `Intl.Segmenter`, which has their dictionaries, up to a budget past which they are
//! estimated ([`WordCounter`]); natively such a run counts as one word.

/// What reading time is computed from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextCounts {
    /// Words of scripts with word boundaries.
    pub words: u64,
    /// Characters of scripts read character by character (Chinese, Japanese, Korean).
    pub cjk_chars: u64,
}

impl std::ops::Add for TextCounts {
    type Output = TextCounts;

    fn add(self, other: TextCounts) -> TextCounts {
        TextCounts {
            words: self.words + other.words,
            cjk_chars: self.cjk_chars + other.cjk_chars,
        }
    }
}

/// Counts words and CJK characters in `text`.
pub fn count(text: &str) -> TextCounts {
    WordCounter::default().count(text)
}

/// Bytes of unspaced-script runs the browser's segmenter is asked to split for one counter.
/// Splitting costs the main thread about a millisecond per thousand characters, so a body of
/// any length costs a bounded time: past this, words are estimated at the rate found so far.
/// Natively a run is one word whatever its length, at no cost: no budget.
#[cfg(browser)]
const SEGMENTED_BYTES: usize = 30_000;
#[cfg(not(browser))]
const SEGMENTED_BYTES: usize = usize::MAX;

/// Counts several texts (the blocks of one body) with one budget for the segmenter: the first
/// `SEGMENTED_BYTES` of unspaced-script runs are split exactly, the rest estimated at the
/// words-per-byte rate they showed.
#[derive(Debug)]
pub struct WordCounter {
    budget: usize,
    segmented_bytes: usize,
    segmented_words: u64,
}

impl Default for WordCounter {
    fn default() -> Self {
        WordCounter::with_budget(SEGMENTED_BYTES)
    }
}

impl WordCounter {
    /// A counter that splits at most `budget` bytes of unspaced-script runs exactly.
    pub fn with_budget(budget: usize) -> Self {
        WordCounter {
            budget,
            segmented_bytes: 0,
            segmented_words: 0,
        }
    }

    /// Counts words and CJK characters in `text`.
    pub fn count(&mut self, text: &str) -> TextCounts {
        let mut counts = TextCounts::default();
        // Runs of scripts without spaces, gathered for one call to the segmenter.
        let mut runs = String::new();
        let mut in_word = false;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if is_unspaced(c) {
                let mut end = at + c.len_utf8();
                while let Some(&(next_at, next)) = chars.peek() {
                    if !(is_unspaced(next) || is_combining_mark(next)) {
                        break;
                    }
                    end = next_at + next.len_utf8();
                    chars.next();
                }
                if !runs.is_empty() {
                    runs.push(' ');
                }
                runs.push_str(&text[at..end]);
                in_word = false;
            } else if is_cjk(c) {
                counts.cjk_chars += 1;
                in_word = false;
            } else if is_word_char(c) {
                if !in_word {
                    counts.words += 1;
                    in_word = true;
                }
            } else if in_word && is_mid_word(c) {
                // Continue the word only if another word character follows directly.
                in_word = chars.peek().is_some_and(|&(_, next)| {
                    is_word_char(next) && !is_cjk(next) && !is_unspaced(next)
                });
            } else {
                in_word = false;
            }
        }
        counts.words += self.unspaced_words(&runs);
        counts
    }

    /// Words in `runs` (runs separated by single spaces): split exactly within the budget, the
    /// rest estimated, never fewer than one word a run.
    fn unspaced_words(&mut self, runs: &str) -> u64 {
        let run_count = |runs: &str| {
            if runs.is_empty() {
                0
            } else {
                runs.bytes().filter(|&b| b == b' ').count() as u64 + 1
            }
        };
        let left = self.budget.saturating_sub(self.segmented_bytes);
        let exact_end = if runs.len() <= left {
            runs.len()
        } else {
            // Up to the last space within the budget; within a run when there is none, so a
            // single long run still gives a rate.
            runs.as_bytes()[..left]
                .iter()
                .rposition(|&b| b == b' ')
                .or_else(|| (0..=left).rev().find(|&at| runs.is_char_boundary(at)))
                .unwrap_or(0)
        };
        let (exact, rest) = runs.split_at(exact_end);
        let mut words = 0;
        if !exact.is_empty() {
            words = super::segmenter::count_words(exact, run_count(exact));
            self.segmented_bytes += exact.len();
            self.segmented_words += words;
        }
        let rest = rest.trim_start_matches(' ');
        if !rest.is_empty() {
            let estimate = (rest.len() as u64)
                .saturating_mul(self.segmented_words)
                .checked_div(self.segmented_bytes as u64)
                .unwrap_or(0);
            words += estimate.max(run_count(rest));
        }
        words
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_mid_word(c: char) -> bool {
    matches!(c, '\'' | '’' | '.' | ':' | ',' | '·' | '\u{2027}')
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

/// Thai, Lao, Myanmar and Khmer: scripts whose words are found with a dictionary.
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'   // Thai, Lao
        | '\u{1000}'..='\u{109F}' // Myanmar
        | '\u{1780}'..='\u{17FF}' // Khmer
        | '\u{19E0}'..='\u{19FF}' // Khmer symbols
    )
}

/// Han, Hiragana, Katakana and Hangul: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'     // Hiragana, Katakana
        | '\u{31F0}'..='\u{31FF}'   // Katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{1100}'..='\u{11FF}'   // Hangul Jamo
        | '\u{3130}'..='\u{318F}'   // Hangul compatibility Jamo
        | '\u{AC00}'..='\u{D7AF}'   // Hangul syllables
        | '\u{20000}'..='\u{2FA1F}' // CJK extensions B–F, compatibility supplement
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> u64 {
        count(text).words
    }

    #[test]
    fn words_follow_unicode_word_boundaries() {
        assert_eq!(words(""), 0);
        assert_eq!(words("word"), 1);
        assert_eq!(words("a – b"), 2);
        assert_eq!(words("U.S. mission-critical it’s"), 4);
        assert_eq!(words("3,000 people, 2.5 hours"), 4);
        assert_eq!(words("— … !!! ?"), 0);
        assert_eq!(words("end. Next"), 2);
        assert_eq!(words("don't"), 1);
        assert_eq!(words("naïve café"), 2);
        assert_eq!(words("e\u{301}te\u{301}"), 1);
    }

    #[test]
    fn an_unspaced_run_is_one_word_natively_and_does_not_join_neighbours() {
        assert_eq!(words("จะถูกเปิดตัว"), 1);
        assert_eq!(words("iPhone จะถูกเปิดตัว today"), 3);
    }

    #[test]
    fn past_the_budget_unspaced_words_are_estimated_at_the_rate_found_so_far() {
        // Natively each run is one word: 10 runs of 3 letters (9 bytes each) and spaces.
        let short_runs = ["กกก"; 10].join(" ");
        let mut counter = WordCounter::with_budget(50);
        assert_eq!(counter.count(&short_runs).words, 10, "5 exact, 5 estimated");
        // The rate so far is about a word per 10 bytes (a run and its space): a long run of 90
        // bytes, past the budget, counts as 9 words, not 1.
        assert_eq!(counter.count(&"ก".repeat(30)).words, 9);
        // Never fewer than one word a run.
        assert_eq!(counter.count(&["ก"; 20].join(" ")).words, 20);
        // A first run longer than the budget is split in part, for a rate: natively its first
        // 48 bytes are a word, and the 42 after them are estimated at that rate (none, but a
        // run is never less than one word).
        assert_eq!(WordCounter::with_budget(50).count(&"ก".repeat(30)).words, 2);
        // Within the budget the count is exact.
        let mut roomy = WordCounter::with_budget(1_000);
        assert_eq!(roomy.count(&"ก".repeat(30)).words, 1);
        assert_eq!(count(&short_runs).words, 10);
    }

    #[test]
    fn cjk_characters_are_counted_one_by_one() {
        assert_eq!(
            count("你会说English吗？"),
            TextCounts {
                words: 1,
                cjk_chars: 4
            }
        );
        assert_eq!(count(&"字".repeat(1000)).cjk_chars, 1000);
        assert_eq!(count("ひらがなカタカナ한국어").cjk_chars, 11);
    }
}
