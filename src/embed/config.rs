//! What an element asks for, read from its attributes (or the object given to `mount`).

use crate::formats::Format;
use crate::share::ShareOptions;
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
    pub share: ShareOptions,
}

impl Config {
    /// Builds a config from a lookup of the `mount` config keys (`src`, `relatedSrc`,
    /// `format`, `lang`, `wpm`, and the `share*` keys of [`ShareOptions::from_lookup`]).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Config {
        let share = ShareOptions::from_lookup(&get);
        let non_empty = |key: &str| {
            get(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        Config {
            src: non_empty("src"),
            related_src: non_empty("relatedSrc"),
            format: non_empty("format").and_then(|f| Format::from_attribute(&f)),
            lang: non_empty("lang"),
            words_per_minute: non_empty("wpm")
                .and_then(|v| v.parse::<u32>().ok())
                .filter(|&wpm| (1..=10_000).contains(&wpm))
                .unwrap_or(DEFAULT_WORDS_PER_MINUTE),
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
    }
}
