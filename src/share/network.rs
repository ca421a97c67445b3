//! The places an article can be shared to, and their names.

use crate::i18n::Labels;

/// A place an article can be shared to. `Copy` and `Native` are buttons, the rest are links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Network {
    /// X (formerly Twitter).
    X,
    /// Facebook.
    Facebook,
    /// LinkedIn.
    LinkedIn,
    /// Reddit.
    Reddit,
    /// Hacker News.
    HackerNews,
    /// Bluesky.
    Bluesky,
    /// Mastodon, through the publisher's or a default share page.
    Mastodon,
    /// Threads.
    Threads,
    /// Telegram.
    Telegram,
    /// WhatsApp.
    WhatsApp,
    /// Email (a `mailto:` link).
    Email,
    /// Copy the link to the clipboard.
    Copy,
    /// The browser's own share sheet (`navigator.share`), where it has one.
    Native,
}

/// Mastodon has no single server: this service asks the reader for theirs.
pub const DEFAULT_MASTODON_BASE: &str = "https://share.joinmastodon.org/";

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

    /// The control's name readers see: a network's own name (the same in every language), or
    /// the words for email, copying and the share sheet in the reader's language.
    pub fn label(self, labels: &Labels) -> &'static str {
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
            Network::Email => labels.email(),
            Network::Copy => labels.copy_link(),
            Network::Native => labels.native_share(),
        }
    }

    /// The network a `share` attribute names (`x` or `twitter`, `hn`…).
    pub fn from_id(id: &str) -> Option<Network> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{labels_for, EN};

    #[test]
    fn networks_are_named_by_attribute_aliases() {
        assert_eq!(Network::from_id(" Twitter "), Some(Network::X));
        assert_eq!(Network::from_id("hn"), Some(Network::HackerNews));
        assert_eq!(Network::from_id("pocket"), None, "Pocket shut down in 2025");
    }

    #[test]
    fn the_words_of_buttons_and_email_follow_the_language() {
        assert_eq!(Network::Email.label(&EN), "Email");
        assert_eq!(Network::Email.label(&labels_for("de")), "E-Mail");
        assert_eq!(Network::Copy.label(&labels_for("fr")), "Copier le lien");
        assert_eq!(Network::LinkedIn.label(&labels_for("ja")), "LinkedIn");
    }
}
