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

use crate::text::excerpt::excerpt;

/// How many words the name of an untitled post keeps ("Fixed an issue with feed refresh…").
const NAME_WORDS: usize = 10;
/// The most characters the name of an untitled post keeps.
const NAME_CHARS: usize = 80;
/// How much of a body stands in for a missing summary (the list cuts it shorter).
const TEASER_WORDS: usize = 30;
const TEASER_CHARS: usize = 300;

/// An article ready to be rendered: every field already decoded, resolved and validated.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Article {
    /// Stable identity, used to tell articles apart (falls back to the URL in adapters).
    pub id: String,
    /// The canonical page of the article, shared and linked to.
    pub url: Option<String>,
    /// `None` for posts published without one (micro posts, status updates, photos): they are
    /// shown the way their publisher shows them, body first, and named by their opening words.
    pub title: Option<String>,
    pub category: Option<String>,
    pub published: Option<Timestamp>,
    /// When the source last changed the post; shown ("Updated …") only when it gives no
    /// publication date.
    pub modified: Option<Timestamp>,
    /// Everyone the source credits, in its order (the first is the main author).
    pub authors: Vec<Author>,
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

/// The date a post shows: its publication, else its last update (marked as such).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dated {
    pub at: Timestamp,
    /// True when only the update time is known: readers are told "Updated …".
    pub updated: bool,
}

impl Dated {
    /// The publication date, else the update date.
    pub fn of(published: Option<Timestamp>, modified: Option<Timestamp>) -> Option<Dated> {
        match (published, modified) {
            (Some(at), _) => Some(Dated { at, updated: false }),
            (None, Some(at)) => Some(Dated { at, updated: true }),
            (None, None) => None,
        }
    }
}

impl Article {
    /// The date readers are shown.
    pub fn dated(&self) -> Option<Dated> {
        Dated::of(self.published, self.modified)
    }

    /// What the article is called: its title, else the start of its text cut at a word with
    /// "…" (an untitled post's accessible name), else its first image's description. `None`
    /// when the post has neither (an image without `alt`): views then name it by its date.
    pub fn name(&self) -> Option<String> {
        self.title
            .clone()
            .or_else(|| short_name(Some(&self.body.text())))
            .or_else(|| short_name(self.summary.as_deref()))
            .or_else(|| self.body.first_image_alt())
    }
}

/// `text` cut to a short name; `None` when it has no words.
fn short_name(text: Option<&str>) -> Option<String> {
    Some(excerpt(text?, NAME_WORDS, NAME_CHARS)).filter(|name| !name.is_empty())
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
    /// `None` for untitled posts, which the list names by their opening words.
    pub title: Option<String>,
    /// The post's page, for readers who open it in a new tab.
    pub url: Option<String>,
    /// The post's own JSON document: when present the widget opens it in place.
    pub src: Option<String>,
    pub summary: Option<String>,
    pub published: Option<Timestamp>,
    pub modified: Option<Timestamp>,
    /// The whole post, when the list carried it (JSON Feed, WordPress and Ghost lists do):
    /// it opens in place without another request. Lists trimmed to a few fields carry none.
    pub article: Option<Rc<Article>>,
}

impl PostSummary {
    /// The entry for a post the list carried whole; `src` is its own document, if any. A post
    /// without a summary is teased with its opening words.
    pub fn carrying(article: Article, src: Option<String>) -> PostSummary {
        PostSummary {
            id: article.id.clone(),
            title: article.title.clone(),
            url: article.url.clone(),
            src,
            summary: article.summary.clone().or_else(|| {
                Some(excerpt(&article.body.preview(), TEASER_WORDS, TEASER_CHARS))
                    .filter(|text| !text.is_empty())
            }),
            published: article.published,
            modified: article.modified,
            article: Some(Rc::new(article)),
        }
    }

    /// The entry for a post of which the list gave only some fields (no body): it opens
    /// from `src` when there is one, else it is a link to its page.
    pub fn without_body(article: Article, src: Option<String>) -> PostSummary {
        PostSummary {
            article: None,
            ..PostSummary::carrying(article, src)
        }
    }

    /// The date the list shows.
    pub fn dated(&self) -> Option<Dated> {
        Dated::of(self.published, self.modified)
    }

    /// What choosing the post does: it opens in place from the list or from its own document,
    /// else its page opens as any link does; with neither it leads nowhere (never to an empty
    /// article).
    pub fn opening(&self) -> Opening<'_> {
        match (&self.article, &self.src, &self.url) {
            (Some(article), _, _) => Opening::Carried(article),
            (None, Some(src), _) => Opening::Fetch(src),
            (None, None, Some(url)) => Opening::Page(url),
            (None, None, None) => Opening::Nowhere,
        }
    }

    /// What the list calls the post: its title, else the start of its summary or text.
    pub fn name(&self) -> Option<String> {
        self.title
            .clone()
            .or_else(|| short_name(self.summary.as_deref()))
            .or_else(|| self.article.as_ref().and_then(|article| article.name()))
    }
}

/// What choosing a related post does (see [`PostSummary::opening`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Opening<'a> {
    /// Opens in place with the article the list carried.
    Carried(&'a Rc<Article>),
    /// Opens in place once its own document (this URL) is fetched.
    Fetch(&'a str),
    /// A plain link to the post's page.
    Page(&'a str),
    /// Shown, but leads nowhere.
    Nowhere,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_entry_is_teased_from_the_preview_without_reading_the_body() {
        let article = Article {
            id: "p".into(),
            body: Body::later("Just a note, with no summary.".into(), || {
                panic!("the body was read for a list entry")
            }),
            ..Article::default()
        };
        let post = PostSummary::carrying(article, None);
        assert_eq!(
            post.summary.as_deref(),
            Some("Just a note, with no summary.")
        );
        assert_eq!(
            post.name().as_deref(),
            Some("Just a note, with no summary.")
        );
    }

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
