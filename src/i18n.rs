//! Words the widget itself shows, gathered in one table so that other languages can be added
//! as tables of the same shape.

/// Every UI string of one language. `{}` in a template stands for the value filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Labels {
    /// The reading-time badge: "{} min read".
    pub minutes_read: &'static str,
    pub published_by: &'static str,
    pub share: &'static str,
    /// The accessible name of a share link: "Share on {}".
    pub share_on: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub related_posts: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub related_failed: &'static str,
    /// Shown instead of a password-protected body.
    pub protected: &'static str,
    pub read_on_site: &'static str,
}

/// English, the default.
pub const EN: Labels = Labels {
    minutes_read: "{} min read",
    published_by: "Published by",
    share: "Share",
    share_on: "Share on {}",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_failed: "Copying was refused: select the link below and copy it.",
    related_posts: "Recent Posts",
    loading: "Loading the article…",
    retry: "Try again",
    related_failed: "Related posts could not be loaded.",
    protected: "This post is protected by a password.",
    read_on_site: "Read it on the publisher’s site.",
};

/// Puts `value` where a template has `{}`.
pub fn fill(template: &str, value: impl std::fmt::Display) -> String {
    template.replacen("{}", &value.to_string(), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled_once() {
        assert_eq!(fill(EN.minutes_read, 3), "3 min read");
        assert_eq!(fill(EN.share_on, "X"), "Share on X");
        assert_eq!(fill("no slot", 1), "no slot");
    }
}
