//! Share targets as plain links: no SDKs, no counters, nothing contacted until the reader clicks.

/// A place an article can be shared to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Network {
    X,
    Facebook,
    LinkedIn,
    Email,
}

impl Network {
    /// The default share bar, in order (copy link follows it).
    pub const DEFAULT: [Network; 4] = [
        Network::X,
        Network::Facebook,
        Network::LinkedIn,
        Network::Email,
    ];

    /// Identifier used in events and `share` attributes.
    pub fn id(self) -> &'static str {
        match self {
            Network::X => "x",
            Network::Facebook => "facebook",
            Network::LinkedIn => "linkedin",
            Network::Email => "email",
        }
    }

    /// The name readers know the network by.
    pub fn label(self) -> &'static str {
        match self {
            Network::X => "X",
            Network::Facebook => "Facebook",
            Network::LinkedIn => "LinkedIn",
            Network::Email => "email",
        }
    }

    /// The link that opens this network's share dialog for `url` and `title`.
    pub fn share_href(self, url: &str, title: &str) -> String {
        let url_enc = encode_uri_component(url);
        let title_enc = encode_uri_component(title);
        match self {
            Network::X => format!("https://x.com/intent/tweet?text={title_enc}&url={url_enc}"),
            Network::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={url_enc}"),
            Network::LinkedIn => {
                format!("https://www.linkedin.com/sharing/share-offsite/?url={url_enc}")
            }
            Network::Email => {
                let body = encode_uri_component(&format!("{title}\n\n{url}"));
                format!("mailto:?subject={title_enc}&body={body}")
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_encode_uri_component() {
        assert_eq!(
            encode_uri_component("a b&c=d#e+f%"),
            "a%20b%26c%3Dd%23e%2Bf%25"
        );
        assert_eq!(encode_uri_component("-_.!~*'()"), "-_.!~*'()");
        assert_eq!(encode_uri_component("é😀"), "%C3%A9%F0%9F%98%80");
        assert_eq!(encode_uri_component("line\nbreak"), "line%0Abreak");
    }

    #[test]
    fn builds_each_network_link() {
        let url = "https://example.com/a?b=1#c";
        let title = "Gin & Juice";
        assert_eq!(
            Network::X.share_href(url, title),
            "https://x.com/intent/tweet?text=Gin%20%26%20Juice&url=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1%23c"
        );
        assert_eq!(
            Network::Facebook.share_href(url, title),
            "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1%23c"
        );
        assert_eq!(
            Network::LinkedIn.share_href(url, title),
            "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1%23c"
        );
        assert_eq!(
            Network::Email.share_href(url, title),
            "mailto:?subject=Gin%20%26%20Juice&body=Gin%20%26%20Juice%0A%0Ahttps%3A%2F%2Fexample.com%2Fa%3Fb%3D1%23c"
        );
    }
}
