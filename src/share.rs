//! Share targets as plain links: no SDKs, no counters, nothing contacted until the reader
//! clicks. Every value is encoded exactly once (`encodeURIComponent` rules), and texts are cut
//! to what each network accepts.

use crate::text::{collapse_whitespace, non_blank};

/// A place an article can be shared to. `Copy` and `Native` are buttons, the rest are links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Network {
    X,
    Facebook,
    LinkedIn,
    Reddit,
    HackerNews,
    Bluesky,
    Mastodon,
    Threads,
    Telegram,
    WhatsApp,
    Email,
    /// Copy the link to the clipboard.
    Copy,
    /// The browser's own share sheet (`navigator.share`), where it has one.
    Native,
}

/// Mastodon has no single server: this service asks the reader for theirs.
pub const DEFAULT_MASTODON_BASE: &str = "https://share.joinmastodon.org/";

/// The longest X post; links count as 23 characters whatever their length.
const X_LIMIT: usize = 280;
const X_LINK_LENGTH: usize = 23;
/// The longest Bluesky post, in graphemes.
const BLUESKY_LIMIT: usize = 300;

impl Network {
    /// Every network, in the order of the default share bar's candidates.
    pub const ALL: [Network; 13] = [
        Network::X,
        Network::Facebook,
        Network::LinkedIn,
        Network::Reddit,
        Network::HackerNews,
        Network::Bluesky,
        Network::Mastodon,
        Network::Threads,
        Network::Telegram,
        Network::WhatsApp,
        Network::Email,
        Network::Copy,
        Network::Native,
    ];

    /// The share bar when the `share` attribute does not choose.
    pub const DEFAULT: [Network; 8] = [
        Network::X,
        Network::Facebook,
        Network::LinkedIn,
        Network::Bluesky,
        Network::WhatsApp,
        Network::Email,
        Network::Copy,
        Network::Native,
    ];

    /// Identifier used in the `share` attribute and in events.
    pub fn id(self) -> &'static str {
        match self {
            Network::X => "x",
            Network::Facebook => "facebook",
            Network::LinkedIn => "linkedin",
            Network::Reddit => "reddit",
            Network::HackerNews => "hackernews",
            Network::Bluesky => "bluesky",
            Network::Mastodon => "mastodon",
            Network::Threads => "threads",
            Network::Telegram => "telegram",
            Network::WhatsApp => "whatsapp",
            Network::Email => "email",
            Network::Copy => "copy",
            Network::Native => "native",
        }
    }

    /// The name readers know the network by.
    pub fn label(self) -> &'static str {
        match self {
            Network::X => "X",
            Network::Facebook => "Facebook",
            Network::LinkedIn => "LinkedIn",
            Network::Reddit => "Reddit",
            Network::HackerNews => "Hacker News",
            Network::Bluesky => "Bluesky",
            Network::Mastodon => "Mastodon",
            Network::Threads => "Threads",
            Network::Telegram => "Telegram",
            Network::WhatsApp => "WhatsApp",
            Network::Email => "email",
            Network::Copy => "copy",
            Network::Native => "native",
        }
    }

    fn from_id(id: &str) -> Option<Network> {
        let id = id.trim().to_ascii_lowercase();
        let id = match id.as_str() {
            "twitter" => "x",
            "hn" | "hacker-news" => "hackernews",
            "mail" => "email",
            "copy-link" => "copy",
            "share" => "native",
            other => other,
        };
        Network::ALL.into_iter().find(|n| n.id() == id)
    }

    /// Whether this network is a link (others are buttons).
    pub fn is_link(self) -> bool {
        !matches!(self, Network::Copy | Network::Native)
    }
}

/// The networks a `share` attribute names, in its order, unknown names and repeats skipped;
/// the default bar when it names none.
pub fn networks_from_attribute(value: Option<&str>) -> Vec<Network> {
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

/// How the publisher set up sharing (the `share*` attributes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareOptions {
    /// The controls shown, in order.
    pub networks: Vec<Network>,
    /// `share-url`: shared instead of the article's own URL.
    pub url: Option<String>,
    pub via: Option<String>,
    pub hashtags: Vec<String>,
    pub utm: bool,
    pub utm_campaign: Option<String>,
    pub mastodon_base: Option<String>,
}

impl Default for ShareOptions {
    fn default() -> Self {
        ShareOptions {
            networks: Network::DEFAULT.to_vec(),
            url: None,
            via: None,
            hashtags: Vec::new(),
            utm: false,
            utm_campaign: None,
            mastodon_base: None,
        }
    }
}

impl ShareOptions {
    /// Reads the attributes: `share` (networks), `share-url`, `share-via`, `share-hashtags`
    /// (comma list), `share-utm` (`true` or a campaign name) and `share-mastodon` (a server's
    /// share page).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> ShareOptions {
        let non_empty = |key: &str| non_blank(get(key));
        let utm = non_empty("shareUtm");
        ShareOptions {
            networks: networks_from_attribute(get("share").as_deref()),
            url: non_empty("shareUrl"),
            via: non_empty("shareVia").map(|v| v.trim_start_matches('@').to_owned()),
            hashtags: non_empty("shareHashtags")
                .map(|tags| {
                    tags.split(',')
                        .map(|t| t.trim().trim_start_matches('#').to_owned())
                        .filter(|t| !t.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            utm: utm.as_deref().is_some_and(|v| v != "false"),
            utm_campaign: utm.filter(|v| v != "true" && v != "false"),
            mastodon_base: non_empty("shareMastodon"),
        }
    }

    /// What to share for an article, given the URL chosen for it.
    pub fn payload(&self, url: String, title: String) -> SharePayload {
        SharePayload {
            url,
            title,
            via: self.via.clone(),
            hashtags: self.hashtags.clone(),
            utm_campaign: self.utm_campaign.clone(),
            utm: self.utm,
            mastodon_base: self.mastodon_base.clone(),
        }
    }
}

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
    /// When set, `utm_source=<network>&utm_medium=social[&utm_campaign=…]` are added.
    pub utm_campaign: Option<String>,
    pub utm: bool,
    /// Mastodon's share page; [`DEFAULT_MASTODON_BASE`] when `None`.
    pub mastodon_base: Option<String>,
}

impl SharePayload {
    pub fn new(url: impl Into<String>, title: impl Into<String>) -> Self {
        SharePayload {
            url: url.into(),
            title: title.into(),
            via: None,
            hashtags: Vec::new(),
            utm_campaign: None,
            utm: false,
            mastodon_base: None,
        }
    }

    /// The URL shared on `network`, with UTM parameters when asked for.
    pub fn url_for(&self, network: Network) -> String {
        if !self.utm {
            return self.url.clone();
        }
        let mut params = vec![
            ("utm_source", network.id().to_owned()),
            ("utm_medium", "social".to_owned()),
        ];
        if let Some(campaign) = &self.utm_campaign {
            params.push(("utm_campaign", campaign.clone()));
        }
        add_query(&self.url, &params)
    }

    /// The link that opens `network`'s share dialog; `None` for the buttons.
    pub fn href(&self, network: Network) -> Option<String> {
        let url = self.url_for(network);
        let title = collapse_whitespace(&self.title);
        let (base, params): (&str, Vec<(&str, String)>) = match network {
            Network::X => {
                let via = self.via.as_deref().filter(|v| !v.is_empty());
                let mut extra = via.map_or(0, |via| " via @".len() + via.chars().count());
                extra += self
                    .hashtags
                    .iter()
                    .map(|h| h.chars().count() + 2)
                    .sum::<usize>();
                let budget = X_LIMIT.saturating_sub(X_LINK_LENGTH + 1 + extra);
                let mut params = vec![("text", fit(&title, budget, x_weight)), ("url", url)];
                if let Some(via) = via {
                    params.push(("via", via.to_owned()));
                }
                if !self.hashtags.is_empty() {
                    params.push(("hashtags", self.hashtags.join(",")));
                }
                ("https://x.com/intent/tweet", params)
            }
            Network::Facebook => (
                "https://www.facebook.com/sharer/sharer.php",
                vec![("u", url)],
            ),
            Network::LinkedIn => (
                "https://www.linkedin.com/sharing/share-offsite/",
                vec![("url", url)],
            ),
            Network::Reddit => (
                "https://www.reddit.com/submit",
                vec![("url", url), ("title", title)],
            ),
            Network::HackerNews => (
                "https://news.ycombinator.com/submitlink",
                vec![("u", url), ("t", title)],
            ),
            Network::Bluesky => {
                let budget = BLUESKY_LIMIT.saturating_sub(graphemes(&url) + 1);
                let text = format!("{} {url}", fit(&title, budget, |_| 1));
                ("https://bsky.app/intent/compose", vec![("text", text)])
            }
            Network::Mastodon => (
                self.mastodon_base
                    .as_deref()
                    .unwrap_or(DEFAULT_MASTODON_BASE),
                vec![("text", format!("{title} {url}"))],
            ),
            Network::Threads => (
                "https://www.threads.net/intent/post",
                vec![("text", format!("{title} {url}"))],
            ),
            Network::Telegram => (
                "https://t.me/share/url",
                vec![("url", url), ("text", title)],
            ),
            Network::WhatsApp => ("https://wa.me/", vec![("text", format!("{title} {url}"))]),
            Network::Email => {
                let body = format!("{title}\n\n{url}");
                ("mailto:", vec![("subject", title), ("body", body)])
            }
            Network::Copy | Network::Native => return None,
        };
        Some(add_query(base, &params))
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

/// `text` cut at a word boundary with "…" so that its weight fits `budget`.
fn fit(text: &str, budget: usize, weight: fn(char) -> usize) -> String {
    let total: usize = text.chars().map(weight).sum();
    if total <= budget {
        return text.to_owned();
    }
    let room = budget.saturating_sub(1); // for "…"
    let mut end = 0;
    let mut used = 0;
    let mut last_space = None;
    for (at, c) in text.char_indices() {
        used += weight(c);
        if used > room {
            break;
        }
        if c.is_whitespace() {
            last_space = Some(at);
        }
        end = at + c.len_utf8();
    }
    let cut = last_space.filter(|&s| s > 0).unwrap_or(end);
    let kept = text[..cut].trim_end_matches(|c: char| c.is_whitespace() || ",;:.-–—".contains(c));
    format!("{kept}…")
}

/// `url` with `params` added to its query (before any fragment), encoded once.
pub fn add_query(url: &str, params: &[(&str, String)]) -> String {
    let (before_fragment, fragment) = match url.split_once('#') {
        Some((head, fragment)) => (head, Some(fragment)),
        None => (url, None),
    };
    let mut out = before_fragment.to_owned();
    for (key, value) in params {
        let separator = if out.contains('?') {
            if out.ends_with('?') || out.ends_with('&') {
                ""
            } else {
                "&"
            }
        } else {
            "?"
        };
        out.push_str(separator);
        out.push_str(&encode_uri_component(key));
        out.push('=');
        out.push_str(&encode_uri_component(value));
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// Percent-encodes like JavaScript's `encodeURIComponent`: everything but
/// `A–Z a–z 0–9 - _ . ! ~ * ' ( )` as UTF-8 bytes, spaces as `%20` (never `+`).
pub fn encode_uri_component(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(value.len());
    for &byte in value.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0F)]));
        }
    }
    out
}

/// The page's address without the widget's own state (query parameters starting with
/// `article-reader`), for sharing when nothing better is known.
pub fn without_widget_state(page_url: &str) -> String {
    let (before_fragment, fragment) = match page_url.split_once('#') {
        Some((head, fragment)) => (head, Some(fragment)),
        None => (page_url, None),
    };
    let mut out = match before_fragment.split_once('?') {
        Some((path, query)) => {
            let kept: Vec<&str> = query
                .split('&')
                .filter(|pair| !pair.is_empty() && !pair.starts_with("article-reader"))
                .collect();
            if kept.is_empty() {
                path.to_owned()
            } else {
                format!("{path}?{}", kept.join("&"))
            }
        }
        None => before_fragment.to_owned(),
    };
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
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
    fn encodes_like_encode_uri_component() {
        assert_eq!(
            encode_uri_component("a b&c=d#e+f%"),
            "a%20b%26c%3Dd%23e%2Bf%25"
        );
        assert_eq!(encode_uri_component("-_.!~*'()"), "-_.!~*'()");
        assert_eq!(encode_uri_component("é😀"), "%C3%A9%F0%9F%98%80");
        assert_eq!(encode_uri_component("line\nbreak"), "line%0Abreak");
        assert_eq!(encode_uri_component("\"quoted\""), "%22quoted%22");
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
            payload.utm = true;
            payload.utm_campaign = Some("spring sale".into());
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

    #[test]
    fn the_share_attribute_picks_networks_in_order() {
        assert_eq!(
            networks_from_attribute(Some("email, Twitter,copy,nope,email")),
            [Network::Email, Network::X, Network::Copy]
        );
        assert_eq!(networks_from_attribute(None), Network::DEFAULT);
        assert_eq!(networks_from_attribute(Some(" , ")), Network::DEFAULT);
        assert!(
            !Network::ALL.iter().any(|n| n.id() == "pocket"),
            "Pocket shut down in 2025"
        );
    }

    #[test]
    fn options_come_from_the_share_attributes() {
        let attrs = [
            ("share", "x, email"),
            ("shareUrl", " https://e.com/canonical "),
            ("shareVia", "@packthub"),
            ("shareHashtags", "#cloud, ice,"),
            ("shareUtm", "spring"),
            ("shareMastodon", "https://mastodon.social/share"),
        ];
        let options = ShareOptions::from_lookup(|k| {
            attrs
                .iter()
                .find(|(a, _)| *a == k)
                .map(|(_, v)| v.to_string())
        });
        assert_eq!(options.networks, [Network::X, Network::Email]);
        assert_eq!(options.url.as_deref(), Some("https://e.com/canonical"));
        assert_eq!(options.via.as_deref(), Some("packthub"));
        assert_eq!(options.hashtags, ["cloud", "ice"]);
        assert!(options.utm);
        assert_eq!(options.utm_campaign.as_deref(), Some("spring"));
        let plain = ShareOptions::from_lookup(|k| (k == "shareUtm").then(|| "true".to_owned()));
        assert!(plain.utm && plain.utm_campaign.is_none());
        assert_eq!(ShareOptions::from_lookup(|_| None), ShareOptions::default());
    }

    #[test]
    fn the_page_url_loses_only_the_widgets_own_state() {
        assert_eq!(
            without_widget_state("https://e.com/p?article-reader=%2Fx.json&id=3#c"),
            "https://e.com/p?id=3#c"
        );
        assert_eq!(
            without_widget_state("https://e.com/p?article-reader-2=x"),
            "https://e.com/p"
        );
        assert_eq!(without_widget_state("https://e.com/p"), "https://e.com/p");
    }
}
