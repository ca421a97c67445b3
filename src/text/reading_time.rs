//! Estimated reading time: the rule of `reading-time.md` (200 words a minute, CJK characters at
//! 500 a minute, images 12 s down to 3 s, ceiling with a one-minute floor).

use super::words::TextCounts;

/// Average adult reading speed for prose, in words per minute.
pub const DEFAULT_WORDS_PER_MINUTE: u32 = 200;

/// Reading speed for Chinese, Japanese and Korean, in characters per minute (Medium's figure).
pub const CJK_CHARS_PER_MINUTE: u32 = 500;

/// Seconds an image adds: 12 for the first, one less for each next, never under 3.
pub fn image_seconds(images: u32) -> u64 {
    (0..u64::from(images))
        .map(|i| 12u64.saturating_sub(i).max(3))
        .sum()
}

/// The time a text with these counts and images takes, in units of 1/(wpm·cpm) of a second,
/// so that every term is an integer and ceilings are exact. Comparable between texts read at
/// the same speed (the share of a body still ahead of the reader).
pub fn weight(counts: TextCounts, images: u32, words_per_minute: u32) -> u64 {
    let wpm = u64::from(words_per_minute.max(1));
    let cpm = u64::from(CJK_CHARS_PER_MINUTE);
    counts.words * 60 * cpm + counts.cjk_chars * 60 * wpm + image_seconds(images) * wpm * cpm
}

/// Minutes to read a text with these counts and images, or `None` when there is nothing to read.
pub fn minutes(counts: TextCounts, images: u32, words_per_minute: u32) -> Option<u32> {
    if counts.words == 0 && counts.cjk_chars == 0 && images == 0 {
        return None;
    }
    let per_minute = 60 * u64::from(words_per_minute.max(1)) * u64::from(CJK_CHARS_PER_MINUTE);
    let minutes = weight(counts, images, words_per_minute)
        .div_ceil(per_minute)
        .max(1);
    Some(u32::try_from(minutes).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::count;

    fn read(text: &str, images: u32, wpm: u32) -> Option<u32> {
        minutes(count(text), images, wpm)
    }

    fn repeat(word: &str, n: usize) -> String {
        vec![word; n].join(" ")
    }

    #[test]
    fn vectors_from_reading_time_md() {
        let d = DEFAULT_WORDS_PER_MINUTE;
        assert_eq!(read("", 0, d), None, "1: empty body, no badge");
        assert_eq!(read("word", 0, d), Some(1), "2");
        assert_eq!(read(&repeat("word", 200), 0, d), Some(1), "3");
        assert_eq!(read(&repeat("word", 201), 0, d), Some(2), "4");
        assert_eq!(read(&repeat("word", 600), 0, d), Some(3), "6");
        assert_eq!(read(&repeat("word", 601), 0, d), Some(4), "6");
        assert_eq!(read(&repeat("word", 200), 0, 100), Some(2), "7");
        assert_eq!(read(&"字".repeat(1000), 0, d), Some(2), "11");
        assert_eq!(read(&"字".repeat(1001), 0, d), Some(3), "11");
        assert_eq!(read("你会说English吗？", 0, d), Some(1), "12");
        assert_eq!(read(&repeat("word", 400), 1, d), Some(3), "13");
        assert_eq!(read("", 10, d), Some(2), "14: 75 s");
        assert_eq!(read("", 20, d), Some(2), "14: 105 s");
        assert_eq!(read(&repeat("word", 390), 3, d), Some(3), "15: 150 s");
    }

    #[test]
    fn image_seconds_count_down_to_three() {
        assert_eq!(image_seconds(0), 0);
        assert_eq!(image_seconds(1), 12);
        assert_eq!(image_seconds(3), 33);
        assert_eq!(image_seconds(10), 75);
        assert_eq!(image_seconds(20), 105);
    }

    #[test]
    fn punctuation_alone_is_nothing_to_read_and_zero_wpm_does_not_divide_by_zero() {
        assert_eq!(read("— … !", 0, 200), None);
        assert_eq!(read("word", 0, 0), Some(1));
    }
}
