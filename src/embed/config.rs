//! What an element asks for, read from its attributes (or the object given to `mount`).

use std::time::Duration;

use crate::formats::Format;
use crate::share::ShareOptions;
use crate::text::non_blank;
use crate::text::reading_time::DEFAULT_WORDS_PER_MINUTE;

/// An element's settings, validated. Bad values fall back to defaults rather than failing:
/// a typo in an optional attribute should not cost the reader the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The article's JSON; `None` when the element has no usable `src`.
    pub src: Option<String>,
    pub related_src: Option<String>,
    /// A forced document format; `None` detects it (`auto`, the default).
    pub format: Option<Format>,
    /// The `lang` attribute, when given.
    pub lang: Option<String>,
    pub words_per_minute: u32,
    /// At most this many related posts (`related-limit`).
    pub related_limit: Option<usize>,
    /// How long a document may take before the reader gives up (`timeout`, in seconds).
    pub timeout: Duration,
    /// Whether in-place navigation adds history entries (`history="push"`).
    pub push_history: bool,
    pub share: ShareOptions,
}

/// How long a document may take by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The longest `timeout` accepted.
const MAX_TIMEOUT: Duration = Duration::from_secs(600);

/// A number of seconds such as `10` or `2.5`, to the millisecond. Read by hand: a float parser
/// would cost the wasm more bytes than the whole config.
fn seconds(text: &str) -> Option<Duration> {
    let (whole, fraction) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !digits(whole) || !digits(fraction) {
        return None;
    }
    let secs: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let millis = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0, |ms, digit| ms * 10 + u64::from(digit - b'0'));
    Duration::from_secs(secs).checked_add(Duration::from_millis(millis))
}

impl Config {
    /// Builds a config from a lookup of the `mount` config keys (`src`, `relatedSrc`,
    /// `format`, `lang`, `wpm`, `relatedLimit`, `timeout`, `history`, and the `share*` keys of [`ShareOptions::from_lookup`]).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Config {
        let share = ShareOptions::from_lookup(&get);
        let non_empty = |key: &str| non_blank(get(key));
        Config {
            src: non_empty("src"),
            related_src: non_empty("relatedSrc"),
            format: non_empty("format").and_then(|f| Format::from_attribute(&f)),
            lang: non_empty("lang"),
            words_per_minute: non_empty("wpm")
                .and_then(|v| v.parse::<u32>().ok())
                .filter(|&wpm| (1..=10_000).contains(&wpm))
                .unwrap_or(DEFAULT_WORDS_PER_MINUTE),
            related_limit: non_empty("relatedLimit").and_then(|v| v.parse::<usize>().ok()),
            timeout: non_empty("timeout")
                .and_then(|v| seconds(&v))
                .filter(|t| !t.is_zero() && *t <= MAX_TIMEOUT)
                .unwrap_or(DEFAULT_TIMEOUT),
            push_history: non_empty("history").is_some_and(|v| v.eq_ignore_ascii_case("push")),
            share,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Config {
        Config::from_lookup(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn reads_sources_and_trims_them() {
        let c = config(&[("src", " /a.json "), ("relatedSrc", "/r.json")]);
        assert_eq!(c.src.as_deref(), Some("/a.json"));
        assert_eq!(c.related_src.as_deref(), Some("/r.json"));
        assert_eq!(c.words_per_minute, 200);
        assert_eq!(c.format, None);
        assert_eq!(config(&[("format", "ghost")]).format, Some(Format::Ghost));
    }

    #[test]
    fn empty_and_invalid_values_fall_back() {
        let c = config(&[("src", "  "), ("wpm", "fast")]);
        assert_eq!(c.src, None);
        assert_eq!(c.words_per_minute, 200);
        assert_eq!(config(&[("wpm", "0")]).words_per_minute, 200);
        assert_eq!(config(&[("wpm", "250")]).words_per_minute, 250);
        assert_eq!(
            config(&[("timeout", "2.5")]).timeout,
            Duration::from_millis(2500)
        );
        assert_eq!(config(&[("timeout", "-1")]).timeout, DEFAULT_TIMEOUT);
        for (text, millis) in [
            ("10", 10_000),
            (" .5 ", 500),
            ("1.2345", 1_234),
            ("600", 600_000),
        ] {
            assert_eq!(
                config(&[("timeout", text)]).timeout,
                Duration::from_millis(millis),
                "{text}"
            );
        }
        let too_long = format!("{}.999", u64::MAX);
        for bad in [
            "0", "0.0004", "600.001", "1e3", "1.2.3", ".", "ten", "+5", &too_long,
        ] {
            assert_eq!(
                config(&[("timeout", bad)]).timeout,
                DEFAULT_TIMEOUT,
                "{bad}"
            );
        }
        assert_eq!(config(&[("relatedLimit", "3")]).related_limit, Some(3));
        assert_eq!(config(&[("relatedLimit", "all")]).related_limit, None);
        assert!(config(&[("history", "push")]).push_history);
        assert!(!config(&[("history", "none")]).push_history);
    }
}
