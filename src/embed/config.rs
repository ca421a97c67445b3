//! What an element asks for, read from its attributes (or the object given to `mount`): the
//! one place attribute values are parsed and checked.

use std::time::Duration;

use crate::formats::Format;
use crate::share::{Network, ShareOptions, Utm};
use crate::text::reading_time::DEFAULT_WORDS_PER_MINUTE;
use crate::text::{non_blank, number};
use crate::url::{checked_url, UrlUse};

/// Every attribute the element reads. The loader (`article-reader.js`) observes the same list;
/// a test fails when the two disagree.
pub const ATTRIBUTES: [&str; 15] = [
    "src",
    "related-src",
    "format",
    "lang",
    "wpm",
    "theme",
    "history",
    "timeout",
    "related-limit",
    "share",
    "share-url",
    "share-via",
    "share-hashtags",
    "share-utm",
    "share-mastodon",
];

/// An element's settings, validated. Bad values fall back to defaults rather than failing:
/// a typo in an optional attribute should not cost the reader the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The article's JSON; `None` when the element has no usable `src`.
    pub src: Option<String>,
    /// The related posts' JSON (`related-src`).
    pub related_src: Option<String>,
    /// A forced document format; `None` detects it (`auto`, the default).
    pub format: Option<Format>,
    /// The `lang` attribute, when given.
    pub lang: Option<String>,
    /// Reading speed for the reading time (`words-per-minute`).
    pub words_per_minute: u32,
    /// At most this many related posts (`related-limit`).
    pub related_limit: Option<usize>,
    /// How long a document may take before the reader gives up (`timeout`, in seconds).
    pub timeout: Duration,
    /// Whether in-place navigation adds history entries (`history="push"`).
    pub push_history: bool,
    /// The share bar's networks and options (`share`, `share-url`, `share-via`…).
    pub share: ShareOptions,
    /// Values that were refused, for the console: the publisher should know.
    pub warnings: Vec<String>,
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
    let secs = if whole.is_empty() { 0 } else { number(whole)? };
    let millis = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0, |ms, digit| ms * 10 + u64::from(digit - b'0'));
    Duration::from_secs(secs).checked_add(Duration::from_millis(millis))
}

/// The networks a `share` attribute names, in its order, unknown names and repeats skipped;
/// the default bar when it names none.
fn networks(value: Option<&str>) -> Vec<Network> {
    let mut chosen: Vec<Network> = Vec::new();
    for network in value
        .unwrap_or_default()
        .split(',')
        .filter_map(Network::from_id)
    {
        if !chosen.contains(&network) {
            chosen.push(network);
        }
    }
    if chosen.is_empty() {
        Network::DEFAULT.to_vec()
    } else {
        chosen
    }
}

impl Config {
    /// Builds a config from a lookup of attribute values by attribute name (see
    /// [`ATTRIBUTES`]). `page` is the page's address, against which relative URLs resolve.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>, page: Option<&str>) -> Config {
        let mut warnings = Vec::new();
        let value = |key: &str| non_blank(get(key));
        // An address shared or visited: `http` or `https`, whatever the attribute says.
        let mut address = |key: &str, https_only: bool| {
            let raw = value(key)?;
            let checked = checked_url(&raw, page, UrlUse::Resource).filter(|url| {
                !https_only
                    || url
                        .get(..6)
                        .is_some_and(|s| s.eq_ignore_ascii_case("https:"))
            });
            if checked.is_none() {
                let wanted = if https_only {
                    "an https: URL"
                } else {
                    "an http(s) URL"
                };
                warnings.push(format!(
                    "article-reader: `{key}` must be {wanted}; \"{raw}\" is ignored"
                ));
            }
            checked
        };
        let share_url = address("share-url", false);
        let mastodon_base = address("share-mastodon", true);
        let utm = match value("share-utm").as_deref() {
            None | Some("false") => Utm::Off,
            Some("true") => Utm::On,
            Some(campaign) => Utm::Campaign(campaign.to_owned()),
        };
        Config {
            src: value("src"),
            related_src: value("related-src"),
            format: value("format").and_then(|f| Format::from_attribute(&f)),
            lang: value("lang"),
            words_per_minute: value("wpm")
                .and_then(|v| number(&v))
                .and_then(|wpm| u32::try_from(wpm).ok())
                .filter(|&wpm| (1..=10_000).contains(&wpm))
                .unwrap_or(DEFAULT_WORDS_PER_MINUTE),
            related_limit: value("related-limit")
                .and_then(|v| number(&v))
                .and_then(|limit| usize::try_from(limit).ok()),
            timeout: value("timeout")
                .and_then(|v| seconds(&v))
                .filter(|t| !t.is_zero() && *t <= MAX_TIMEOUT)
                .unwrap_or(DEFAULT_TIMEOUT),
            push_history: value("history").is_some_and(|v| v.eq_ignore_ascii_case("push")),
            share: ShareOptions {
                networks: networks(get("share").as_deref()),
                url: share_url,
                via: value("share-via").map(|v| v.trim_start_matches('@').to_owned()),
                hashtags: value("share-hashtags")
                    .map(|tags| {
                        tags.split(',')
                            .map(|t| t.trim().trim_start_matches('#').to_owned())
                            .filter(|t| !t.is_empty())
                            .collect()
                    })
                    .unwrap_or_default(),
                utm,
                mastodon_base,
            },
            warnings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Config {
        Config::from_lookup(
            |key| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.to_string())
            },
            Some("https://publisher.example/news/page?session=1"),
        )
    }

    #[test]
    fn the_loader_observes_exactly_the_attributes_read_here() {
        assert_eq!(crate::embed::loader_list("ATTRIBUTES"), ATTRIBUTES);
    }

    #[test]
    fn reads_sources_and_trims_them() {
        let c = config(&[("src", " /a.json "), ("related-src", "/r.json")]);
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
        assert_eq!(config(&[("related-limit", "3")]).related_limit, Some(3));
        assert_eq!(config(&[("related-limit", "all")]).related_limit, None);
        assert!(config(&[("history", "push")]).push_history);
        assert!(!config(&[("history", "none")]).push_history);
    }

    #[test]
    fn the_share_attribute_picks_networks_in_order() {
        assert_eq!(
            config(&[("share", "email, Twitter,copy,nope,email")])
                .share
                .networks,
            [Network::Email, Network::X, Network::Copy]
        );
        assert_eq!(config(&[]).share.networks, Network::DEFAULT);
        assert_eq!(config(&[("share", " , ")]).share.networks, Network::DEFAULT);
    }

    #[test]
    fn share_options_come_from_the_share_attributes() {
        let options = config(&[
            ("share", "x, email"),
            ("share-url", " /canonical "),
            ("share-via", "@packthub"),
            ("share-hashtags", "#cloud, ice,"),
            ("share-utm", "spring"),
            ("share-mastodon", "https://mastodon.social/share"),
        ])
        .share;
        assert_eq!(options.networks, [Network::X, Network::Email]);
        assert_eq!(
            options.url.as_deref(),
            Some("https://publisher.example/canonical")
        );
        assert_eq!(options.via.as_deref(), Some("packthub"));
        assert_eq!(options.hashtags, ["cloud", "ice"]);
        assert_eq!(options.utm, Utm::Campaign("spring".into()));
        assert_eq!(
            options.mastodon_base.as_deref(),
            Some("https://mastodon.social/share")
        );
        assert_eq!(config(&[("share-utm", "true")]).share.utm, Utm::On);
        assert_eq!(config(&[("share-utm", "false")]).share.utm, Utm::Off);
        assert_eq!(config(&[]).share, ShareOptions::default());
    }

    #[test]
    fn share_addresses_pass_the_url_rules_or_are_ignored_with_a_warning() {
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "mailto:a@b.example",
        ] {
            let c = config(&[("share-url", bad), ("share-mastodon", bad)]);
            assert_eq!(c.share.url, None, "{bad}");
            assert_eq!(c.share.mastodon_base, None, "{bad}");
            assert_eq!(c.warnings.len(), 2, "{bad}: {:?}", c.warnings);
        }
        // Mastodon must be https: a plain-http or look-alike page is refused too.
        let c = config(&[("share-mastodon", "http://mastodon.example/share")]);
        assert_eq!(c.share.mastodon_base, None);
        assert!(c.warnings[0].contains("share-mastodon"), "{:?}", c.warnings);
        assert!(config(&[]).warnings.is_empty());
    }
}
