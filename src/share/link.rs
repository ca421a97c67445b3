//! The link each network's share dialog opens, built from one table of endpoints: every
//! value encoded exactly once, texts cut to what the network accepts.

use super::{Network, Utm, DEFAULT_MASTODON_BASE};
use crate::text::collapse_whitespace;
use crate::text::excerpt::cut;
use crate::url::add_query;

/// The longest X post; links count as 23 characters whatever their length.
const X_LIMIT: usize = 280;
const X_LINK_LENGTH: usize = 23;
/// The longest Bluesky post, in graphemes.
const BLUESKY_LIMIT: usize = 300;

/// What is shared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharePayload {
    /// The address, already chosen (see `share-url`) and without UTM parameters.
    pub url: String,
    /// The title as plain text.
    pub title: String,
    /// X: the account credited (`via`), without `@`.
    pub via: Option<String>,
    /// X: hashtags, without `#`.
    pub hashtags: Vec<String>,
    /// Campaign parameters on the shared URL.
    pub utm: Utm,
    /// Mastodon's share page; [`DEFAULT_MASTODON_BASE`] when `None`.
    pub mastodon_base: Option<String>,
}

/// What a query parameter of a share link carries.
#[derive(Clone, Copy)]
enum Value {
    Url,
    Title,
    /// "Title URL", for networks with a single text field.
    TitleAndUrl,
    /// The title, a blank line and the URL (an email's body).
    TitleThenUrl,
    /// The title cut to fit an X post beside the link, `via` and hashtags.
    XText,
    Via,
    Hashtags,
    /// The title cut to fit a Bluesky post, then the URL.
    BlueskyText,
}

/// Each network's share endpoint and the parameters it takes, in order.
fn endpoint(network: Network) -> Option<(&'static str, &'static [(&'static str, Value)])> {
    use Value::*;
    Some(match network {
        Network::X => (
            "https://x.com/intent/tweet",
            &[
                ("text", XText),
                ("url", Url),
                ("via", Via),
                ("hashtags", Hashtags),
            ],
        ),
        Network::Facebook => ("https://www.facebook.com/sharer/sharer.php", &[("u", Url)]),
        Network::LinkedIn => (
            "https://www.linkedin.com/sharing/share-offsite/",
            &[("url", Url)],
        ),
        Network::Reddit => (
            "https://www.reddit.com/submit",
            &[("url", Url), ("title", Title)],
        ),
        Network::HackerNews => (
            "https://news.ycombinator.com/submitlink",
            &[("u", Url), ("t", Title)],
        ),
        Network::Bluesky => ("https://bsky.app/intent/compose", &[("text", BlueskyText)]),
        Network::Mastodon => (DEFAULT_MASTODON_BASE, &[("text", TitleAndUrl)]),
        Network::Threads => (
            "https://www.threads.net/intent/post",
            &[("text", TitleAndUrl)],
        ),
        Network::Telegram => ("https://t.me/share/url", &[("url", Url), ("text", Title)]),
        Network::WhatsApp => ("https://wa.me/", &[("text", TitleAndUrl)]),
        Network::Email => ("mailto:", &[("subject", Title), ("body", TitleThenUrl)]),
        Network::Copy | Network::Native => return None,
    })
}

impl SharePayload {
    /// What to share: a URL and a title, without extras.
    pub fn new(url: impl Into<String>, title: impl Into<String>) -> Self {
        SharePayload {
            url: url.into(),
            title: title.into(),
            via: None,
            hashtags: Vec::new(),
            utm: Utm::Off,
            mastodon_base: None,
        }
    }

    /// The URL shared on `network`, with UTM parameters when asked for.
    pub fn url_for(&self, network: Network) -> String {
        let campaign = match &self.utm {
            Utm::Off => return self.url.clone(),
            Utm::On => None,
            Utm::Campaign(name) => Some(("utm_campaign", name.clone())),
        };
        let params: Vec<(&str, String)> = [
            ("utm_source", network.id().to_owned()),
            ("utm_medium", "social".to_owned()),
        ]
        .into_iter()
        .chain(campaign)
        .collect();
        add_query(&self.url, &params)
    }

    /// The link that opens `network`'s share dialog; `None` for the buttons.
    pub fn href(&self, network: Network) -> Option<String> {
        let (base, params) = endpoint(network)?;
        let base = match network {
            Network::Mastodon => self.mastodon_base.as_deref().unwrap_or(base),
            _ => base,
        };
        let url = self.url_for(network);
        let title = collapse_whitespace(&self.title);
        let params: Vec<(&str, String)> = params
            .iter()
            .filter_map(|&(key, value)| Some((key, self.value(value, &url, &title)?)))
            .collect();
        Some(add_query(base, &params))
    }

    /// The value of one parameter; `None` leaves the parameter out.
    fn value(&self, value: Value, url: &str, title: &str) -> Option<String> {
        let via = self.via.as_deref().filter(|v| !v.is_empty());
        Some(match value {
            Value::Url => url.to_owned(),
            Value::Title => title.to_owned(),
            Value::TitleAndUrl => format!("{title} {url}"),
            Value::TitleThenUrl => format!("{title}\n\n{url}"),
            Value::XText => {
                let via_length = via.map_or(0, |via| " via @".len() + via.chars().count());
                let tags_length: usize = self.hashtags.iter().map(|h| h.chars().count() + 2).sum();
                let budget = X_LIMIT.saturating_sub(X_LINK_LENGTH + 1 + via_length + tags_length);
                cut(title, usize::MAX, budget, x_weight)
            }
            Value::Via => via?.to_owned(),
            Value::Hashtags if self.hashtags.is_empty() => return None,
            Value::Hashtags => crate::text::join(&self.hashtags, ","),
            Value::BlueskyText => {
                let budget = BLUESKY_LIMIT.saturating_sub(graphemes(url) + 1);
                format!("{} {url}", cut(title, usize::MAX, budget, |_| 1))
            }
        })
    }
}

/// X counts most scripts' characters twice (its "weighted length"): Latin and common
/// punctuation count one, everything else (CJK, emoji) two.
fn x_weight(c: char) -> usize {
    match u32::from(c) {
        0..=4351 | 8192..=8205 | 8208..=8223 | 8242..=8247 => 1,
        _ => 2,
    }
}

/// An approximation of user-perceived characters: combining marks, variation selectors, skin
/// tones and what follows a zero-width joiner do not count on their own.
fn graphemes(text: &str) -> usize {
    let mut count = 0;
    let mut joined = false;
    for c in text.chars() {
        let extends = matches!(c,
            '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}'
            | '\u{200D}');
        if !(extends || joined) {
            count += 1;
        }
        joined = c == '\u{200D}';
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    fn param<'a>(href: &'a str, name: &str) -> Option<&'a str> {
        let query = href.split_once('?')?.1;
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
    }

    #[test]
    fn every_network_link_carries_the_url_and_title_encoded_once() {
        let payload = SharePayload::new(
            "https://example.com/a?b=1&c=2#frag",
            "Gin & Juice: 100% \"pure\" #1 + more",
        );
        for network in Network::ALL {
            let Some(href) = payload.href(network) else {
                assert!(!network.is_link(), "{network:?}");
                continue;
            };
            assert!(
                !href.contains(' ') && !href.contains('"'),
                "{network:?}: {href}"
            );
            let query = href.split_once('?').unwrap().1;
            let decoded: Vec<String> = query
                .split('&')
                .map(|p| decode(p.split_once('=').unwrap().1))
                .collect();
            assert!(
                decoded
                    .iter()
                    .any(|v| v.contains("https://example.com/a?b=1&c=2#frag")),
                "{network:?}: {decoded:?}"
            );
            if !matches!(network, Network::Facebook | Network::LinkedIn) {
                assert!(
                    decoded
                        .iter()
                        .any(|v| v.contains("Gin & Juice: 100% \"pure\" #1 + more")),
                    "{network:?}: {decoded:?}"
                );
            }
            assert!(!href.contains("%2520"), "double-encoded: {href}");
        }
    }

    #[test]
    fn each_network_uses_its_documented_endpoint() {
        let p = SharePayload::new("https://e.com/x", "T");
        let expect = [
            (
                Network::X,
                "https://x.com/intent/tweet?text=T&url=https%3A%2F%2Fe.com%2Fx",
            ),
            (
                Network::Facebook,
                "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fe.com%2Fx",
            ),
            (
                Network::LinkedIn,
                "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fe.com%2Fx",
            ),
            (
                Network::Reddit,
                "https://www.reddit.com/submit?url=https%3A%2F%2Fe.com%2Fx&title=T",
            ),
            (
                Network::HackerNews,
                "https://news.ycombinator.com/submitlink?u=https%3A%2F%2Fe.com%2Fx&t=T",
            ),
            (
                Network::Bluesky,
                "https://bsky.app/intent/compose?text=T%20https%3A%2F%2Fe.com%2Fx",
            ),
            (
                Network::Mastodon,
                "https://share.joinmastodon.org/?text=T%20https%3A%2F%2Fe.com%2Fx",
            ),
            (
                Network::Threads,
                "https://www.threads.net/intent/post?text=T%20https%3A%2F%2Fe.com%2Fx",
            ),
            (
                Network::Telegram,
                "https://t.me/share/url?url=https%3A%2F%2Fe.com%2Fx&text=T",
            ),
            (
                Network::WhatsApp,
                "https://wa.me/?text=T%20https%3A%2F%2Fe.com%2Fx",
            ),
            (
                Network::Email,
                "mailto:?subject=T&body=T%0A%0Ahttps%3A%2F%2Fe.com%2Fx",
            ),
        ];
        for (network, href) in expect {
            assert_eq!(p.href(network).as_deref(), Some(href), "{network:?}");
        }
    }

    #[test]
    fn mailto_uses_percent_20_never_plus() {
        let href = SharePayload::new("https://e.com/", "a b+c")
            .href(Network::Email)
            .unwrap();
        assert_eq!(
            href,
            "mailto:?subject=a%20b%2Bc&body=a%20b%2Bc%0A%0Ahttps%3A%2F%2Fe.com%2F"
        );
    }

    #[test]
    fn x_text_fits_280_counting_the_link_as_23() {
        let long = "word ".repeat(100);
        let mut payload = SharePayload::new(format!("https://e.com/{}", "p".repeat(200)), long);
        let text = decode(param(&payload.href(Network::X).unwrap(), "text").unwrap());
        assert!(text.ends_with('…'));
        assert!(
            text.chars().count() + 1 + 23 <= 280,
            "{}",
            text.chars().count()
        );
        assert!(!text.trim_end_matches('…').ends_with(' '));
        assert!(
            text.trim_end_matches('…').split(' ').all(|w| w == "word"),
            "cut at a word boundary"
        );
        payload.via = Some("packthub".into());
        payload.hashtags = vec!["cloud".into(), "ice".into()];
        let href = payload.href(Network::X).unwrap();
        assert_eq!(param(&href, "via"), Some("packthub"));
        assert_eq!(param(&href, "hashtags"), Some("cloud%2Cice"));
        let text = decode(param(&href, "text").unwrap());
        assert!(
            text.chars().count() + 1 + 23 + " via @packthub".len() + " #cloud #ice".len() <= 280
        );
        // CJK counts double on X.
        let cjk = SharePayload::new("https://e.com/", "字".repeat(200));
        let text = decode(param(&cjk.href(Network::X).unwrap(), "text").unwrap());
        assert!(
            text.chars().count() * 2 <= 280 - 24,
            "{}",
            text.chars().count()
        );
    }

    #[test]
    fn bluesky_text_fits_300_graphemes_with_the_url_inside() {
        let payload = SharePayload::new("https://e.com/post", "👩‍👩‍👧 family é ".repeat(60));
        let href = payload.href(Network::Bluesky).unwrap();
        assert!(
            href.starts_with("https://bsky.app/intent/compose?text="),
            "{href}"
        );
        let text = decode(param(&payload.href(Network::Bluesky).unwrap(), "text").unwrap());
        assert!(graphemes(&text) <= 300, "{}", graphemes(&text));
        assert!(text.ends_with("… https://e.com/post"), "{text}");
        assert_eq!(graphemes("👩‍👩‍👧"), 1);
        assert_eq!(graphemes("e\u{301}"), 1);
    }

    #[test]
    fn titles_with_newlines_rtl_text_and_emoji_are_shared_as_one_line() {
        let payload = SharePayload::new("https://e.com/", "שלום\nעולם 🙂\r\n ok");
        let text = decode(param(&payload.href(Network::Reddit).unwrap(), "title").unwrap());
        assert_eq!(text, "שלום עולם 🙂 ok");
    }

    #[test]
    fn utm_parameters_go_before_the_fragment_whatever_the_query() {
        let cases = [
            (
                "https://e.com/a",
                "https://e.com/a?utm_source=x&utm_medium=social&utm_campaign=spring%20sale",
            ),
            (
                "https://e.com/a?b=1",
                "https://e.com/a?b=1&utm_source=x&utm_medium=social&utm_campaign=spring%20sale",
            ),
            (
                "https://e.com/a?b=1#top",
                "https://e.com/a?b=1&utm_source=x&utm_medium=social&utm_campaign=spring%20sale#top",
            ),
            (
                "https://e.com/a#top",
                "https://e.com/a?utm_source=x&utm_medium=social&utm_campaign=spring%20sale#top",
            ),
            (
                "https://e.com/a?",
                "https://e.com/a?utm_source=x&utm_medium=social&utm_campaign=spring%20sale",
            ),
        ];
        for (url, expected) in cases {
            let mut payload = SharePayload::new(url, "T");
            payload.utm = Utm::Campaign("spring sale".into());
            assert_eq!(payload.url_for(Network::X), expected, "{url}");
            let href = payload.href(Network::X).unwrap();
            assert_eq!(decode(param(&href, "url").unwrap()), expected);
        }
        assert_eq!(
            SharePayload::new("https://e.com/a", "T").url_for(Network::X),
            "https://e.com/a"
        );
    }

    #[test]
    fn the_mastodon_base_can_be_the_publishers_server() {
        let mut payload = SharePayload::new("https://e.com/", "T");
        payload.mastodon_base = Some("https://mastodon.social/share".into());
        assert_eq!(
            payload.href(Network::Mastodon).as_deref(),
            Some("https://mastodon.social/share?text=T%20https%3A%2F%2Fe.com%2F")
        );
    }
}
