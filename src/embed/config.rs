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
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s > 0.0 && *s <= 600.0)
                .map(Duration::from_secs_f64)
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
        assert_eq!(config(&[("relatedLimit", "3")]).related_limit, Some(3));
        assert_eq!(config(&[("relatedLimit", "all")]).related_limit, None);
        assert!(config(&[("history", "push")]).push_history);
        assert!(!config(&[("history", "none")]).push_history);
    }
}
