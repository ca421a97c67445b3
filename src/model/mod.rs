//! The one internal model every source format is turned into, and every component renders.
//!
//! Nothing here knows about JSON shapes or the browser: adapters in `formats` build these
//! values, and components only ever see them.

mod body;
mod shared;
mod timestamp;

use std::rc::Rc;

pub use body::{Attr, Body, Element, Node, Tag};
pub use shared::Shared;
pub use timestamp::{DateError, Timestamp};

/// An article ready to be rendered: every field already decoded, resolved and validated.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Article {
    /// Stable identity, used to tell articles apart (falls back to the URL in adapters).
    pub id: String,
    /// The canonical page of the article, shared and linked to.
    pub url: Option<String>,
    pub title: String,
    pub category: Option<String>,
    pub published: Option<Timestamp>,
    pub author: Option<Author>,
    pub summary: Option<String>,
    /// BCP 47 language tag of the article's text, when the source says.
    pub language: Option<String>,
    /// The source's own reading time, used instead of ours when it is sensible (> 0).
    pub reading_minutes: Option<u32>,
    /// The featured image, a checked absolute URL.
    pub image: Option<String>,
    /// The source withholds the body behind a password: readers get a link to the post.
    pub protected: bool,
    pub body: Body,
}

/// The person shown in the author card.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Author {
    pub name: String,
    pub bio: Option<String>,
    /// Avatar image; when absent the card shows the author's initials.
    pub avatar: Option<String>,
    pub url: Option<String>,
}

impl Author {
    /// Up to two initials ("Richard Gall" → "RG"), for the avatar placeholder. Their case is
    /// the name's: the card's style shows them in capitals, so the wasm needs no Unicode case
    /// tables.
    pub fn initials(&self) -> String {
        self.name
            .split_whitespace()
            .filter_map(|word| word.chars().find(|c| c.is_alphanumeric()))
            .take(2)
            .collect()
    }
}

/// One entry of a related-posts list.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PostSummary {
    pub id: String,
    pub title: String,
    /// The post's page, for readers who open it in a new tab.
    pub url: Option<String>,
    /// The post's own JSON document: when present the widget opens it in place.
    pub src: Option<String>,
    pub summary: Option<String>,
    pub published: Option<Timestamp>,
    /// The whole post, when the list carried it (JSON Feed, WordPress and Ghost lists do):
    /// it opens in place without another request.
    pub article: Option<Rc<Article>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_take_the_first_letter_of_the_first_two_names() {
        let author = |name: &str| Author {
            name: name.into(),
            ..Author::default()
        };
        assert_eq!(author("Richard Gall").initials(), "RG");
        assert_eq!(author("ada").initials(), "a");
        assert_eq!(author("Jean-Luc van der Berg").initials(), "Jv");
        assert_eq!(author("  ").initials(), "");
        assert_eq!(author("(Anon) émile").initials(), "Aé");
    }
}
