//! Share targets as plain links: no SDKs, no counters, nothing contacted until the reader
//! clicks. [`Network`] names the places, [`SharePayload`] builds each one's link with every
//! value encoded exactly once and texts cut to what the network accepts. The `share*`
//! attributes are read into [`ShareOptions`] by `embed::config`.

mod link;
mod network;

pub use link::SharePayload;
pub use network::{Network, DEFAULT_MASTODON_BASE};

/// Campaign parameters on shared URLs (`share-utm`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Utm {
    #[default]
    /// No campaign parameters (the default).
    Off,
    /// `utm_source=<network>&utm_medium=social`.
    On,
    /// The same, with `utm_campaign=<name>`.
    Campaign(String),
}

/// How the publisher set up sharing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareOptions {
    /// The controls shown, in order.
    pub networks: Vec<Network>,
    /// `share-url`: shared instead of the article's own URL (checked: `http`, `https`).
    pub url: Option<String>,
    /// X: the account credited (`via`), without `@`.
    pub via: Option<String>,
    /// X: hashtags, without `#`.
    pub hashtags: Vec<String>,
    /// Campaign parameters on shared URLs (`share-utm`).
    pub utm: Utm,
    /// The publisher's Mastodon share page (checked: `https` only).
    pub mastodon_base: Option<String>,
}

impl Default for ShareOptions {
    fn default() -> Self {
        ShareOptions {
            networks: Network::DEFAULT.to_vec(),
            url: None,
            via: None,
            hashtags: Vec::new(),
            utm: Utm::Off,
            mastodon_base: None,
        }
    }
}

impl ShareOptions {
    /// What to share for an article, given the URL chosen for it.
    pub fn payload(&self, url: String, title: String) -> SharePayload {
        SharePayload {
            url,
            title,
            via: self.via.clone(),
            hashtags: self.hashtags.clone(),
            utm: self.utm.clone(),
            mastodon_base: self.mastodon_base.clone(),
        }
    }
}
