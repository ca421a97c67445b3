//! The one internal model every source format is turned into, and every component renders.
//!
//! Nothing here knows about JSON shapes or the browser: adapters in `formats` build these
//! values, and components only ever see them.

mod body;
mod shared;
mod timestamp;

use std::rc::Rc;

pub use body::{same_words, Attr, Body, Element, Node, Tag};
pub use shared::Shared;
pub use timestamp::{DateError, Timestamp};

use crate::text::collapse_whitespace;
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
    /// The body's whole text is the title (a status post whose client copied its text into
    /// the title): the text is shown once, as the body, and the title still names the post.
    pub title_in_body: bool,
    /// The section or first tag, shown above the title.
    pub category: Option<String>,
    /// When the post was published.
    pub published: Option<Timestamp>,
    /// When the source last changed the post; shown ("Updated …") only when it gives no
    /// publication date.
    pub modified: Option<Timestamp>,
    /// Everyone the source credits, in its order (the first is the main author).
    pub authors: Vec<Author>,
    /// A short description (the excerpt), for share text and the JSON-LD.
    pub summary: Option<String>,
    /// BCP 47 language tag of the article's text, when the source says.
    pub language: Option<String>,
    /// The source's own reading time, used instead of ours when it is sensible (> 0).
    pub reading_minutes: Option<u32>,
    /// The featured image, a checked absolute URL.
    pub image: Option<String>,
    /// The source withholds the body behind a password: readers get a link to the post.
    pub protected: bool,
    /// The sanitized body.
    pub body: Body,
}

/// The date a post shows: its publication, else its last update (marked as such).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dated {
    /// The date shown.
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

    /// The article with its title shown once (see [`Article::title_in_body`]): when the body
    /// opens with a heading that repeats the title, the body leaves that heading out; when
    /// the body's whole text is the title, the body shows it. The title always names the post.
    pub fn with_title_shown_once(mut self) -> Article {
        let Some(title) = self.title.as_deref() else {
            return self;
        };
        let preview = self.body.preview();
        let mut lines = preview.lines().filter(|line| !line.trim().is_empty());
        if !lines.next().is_some_and(|first| same_words(first, title)) {
            return self;
        }
        let rest = crate::text::join(lines, "\n");
        if rest.is_empty() {
            self.title_in_body = true;
        } else {
            let title = title.to_owned();
            self.body = std::mem::take(&mut self.body).without_opening(title, rest);
        }
        self
    }

    /// Whether the title is shown as a heading (see [`Article::title_in_body`]).
    pub fn shows_title(&self) -> bool {
        self.title.is_some() && !self.title_in_body
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

/// `text` without the `opening` it starts with (whole words, ASCII case ignored); `None` when
/// nothing is left.
fn after_opening(text: &str, opening: &str) -> Option<String> {
    let (text, opening) = (collapse_whitespace(text), collapse_whitespace(opening));
    let rest = match text.get(..opening.len()) {
        Some(head) if head.eq_ignore_ascii_case(&opening) => &text[opening.len()..],
        _ => &text,
    };
    let rest = match rest.strip_prefix(' ') {
        Some(rest) => rest,
        None if rest.len() == text.len() => rest,
        None if rest.is_empty() => return None,
        // The title ends inside a word: the text does not open with it.
        None => &text,
    };
    Some(rest.to_owned()).filter(|rest| !rest.is_empty())
}

/// `text` cut to a short name; `None` when it has no words.
fn short_name(text: Option<&str>) -> Option<String> {
    Some(excerpt(text?, NAME_WORDS, NAME_CHARS)).filter(|name| !name.is_empty())
}

/// The person shown in the author card.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Author {
    /// The author's name as the source gives it.
    pub name: String,
    /// A short biography, as plain text.
    pub bio: Option<String>,
    /// Avatar image; when absent the card shows the author's initials.
    pub avatar: Option<String>,
    /// The author's page.
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
    /// Stable identity, used to tell posts apart.
    pub id: String,
    /// `None` for untitled posts, which the list names by their opening words.
    pub title: Option<String>,
    /// The post's page, for readers who open it in a new tab.
    pub url: Option<String>,
    /// The post's own JSON document: when present the widget opens it in place.
    pub src: Option<String>,
    /// A short description, shown under the title.
    pub summary: Option<String>,
    /// When the post was published.
    pub published: Option<Timestamp>,
    /// When the post last changed; shown when it gives no publication date.
    pub modified: Option<Timestamp>,
    /// The whole post, when the list carried it (JSON Feed, WordPress and Ghost lists do):
    /// it opens in place without another request. Lists trimmed to a few fields carry none.
    pub article: Option<Rc<Article>>,
}

impl PostSummary {
    /// The entry for a post the list carried whole; `src` is its own document, if any. A post
    /// without a summary is teased with its opening words (unless they are its title). A post
    /// whose body shows nothing is not carried, nor fetched again (its document holds the
    /// same nothing): an empty article is no article, so it links to its page, if any.
    pub fn carrying(article: Article, src: Option<String>) -> PostSummary {
        if !article.protected && article.body.shows_nothing() {
            return PostSummary::without_body(article, None);
        }
        let summary = PostSummary::of(&article, src);
        PostSummary {
            article: Some(Rc::new(article)),
            ..summary
        }
    }

    /// The entry for a post of which the list gave only some fields (no body): it opens
    /// from `src` when there is one, else it is a link to its page.
    pub fn without_body(article: Article, src: Option<String>) -> PostSummary {
        PostSummary::of(&article, src)
    }

    /// The entry's fields, from the article.
    fn of(article: &Article, src: Option<String>) -> PostSummary {
        // A teaser says what the title does not: one that opens with the title (WordPress
        // makes excerpts from a body that opens with it) loses it, one that only repeats it
        // (a status post's) teases nothing.
        let after_title = |text: &str| match article.title.as_deref() {
            Some(title) => after_opening(text, title),
            None => Some(text.to_owned()).filter(|text| !text.is_empty()),
        };
        let teaser = || {
            after_title(&excerpt(
                &article.body.preview(),
                TEASER_WORDS,
                TEASER_CHARS,
            ))
        };
        PostSummary {
            id: article.id.clone(),
            title: article.title.clone(),
            url: article.url.clone(),
            src,
            summary: article
                .summary
                .as_deref()
                .and_then(after_title)
                .or_else(teaser),
            published: article.published,
            modified: article.modified,
            article: None,
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
    fn a_teaser_says_what_the_title_does_not() {
        let title = "Les nouveautés de 6.5";
        assert_eq!(
            after_opening("Les  nouveautés de 6.5 Le texte.", title).as_deref(),
            Some("Le texte.")
        );
        assert_eq!(after_opening("LES nouveautés DE 6.5", title), None);
        assert_eq!(
            after_opening("Les nouveautés de 6.50 ans", title).as_deref(),
            Some("Les nouveautés de 6.50 ans"),
            "a title ending inside a word"
        );
        assert_eq!(
            after_opening("Autre chose.", title).as_deref(),
            Some("Autre chose.")
        );
        assert_eq!(
            after_opening("é", "e").as_deref(),
            Some("é"),
            "not a char boundary"
        );
    }

    #[test]
    fn a_title_is_shown_once_whether_the_body_is_read_yet_or_not() {
        let nodes = || {
            vec![
                Node::with_text(Tag::Heading2, "The  Title"),
                Node::with_text(Tag::Paragraph, "The text."),
            ]
        };
        let article = |body: Body| Article {
            title: Some("The Title".into()),
            body,
            ..Article::default()
        };
        let made = article(Body::new(nodes())).with_title_shown_once();
        let later =
            article(Body::later("The Title\nThe text.".into(), nodes)).with_title_shown_once();
        let shared = Body::later("The Title\nThe text.".into(), nodes);
        let _kept = shared.clone();
        let shared = article(shared).with_title_shown_once();
        for article in [made, later, shared] {
            assert!(article.shows_title());
            assert_eq!(article.body.preview().trim(), "The text.");
            assert_eq!(article.body.text().trim(), "The text.");
        }
        // A paragraph holding an image, or a quotation, is not left out.
        let image = Node::Element(Element {
            tag: Tag::Image,
            attrs: vec![(Attr::Src, "https://e.example/i.png".into())],
            children: vec![],
        });
        let kept = article(Body::new(vec![
            Node::Element(Element::new(
                Tag::Paragraph,
                vec![Node::Text("The Title".into()), image],
            )),
            Node::with_text(Tag::Paragraph, "The text."),
        ]))
        .with_title_shown_once();
        assert_eq!(kept.body.image_count(), 1);
        // A body whose whole text is the title shows it in the title's place.
        let whole = article(Body::new(vec![Node::with_text(
            Tag::Paragraph,
            "the title",
        )]))
        .with_title_shown_once();
        assert!(whole.title_in_body && !whole.shows_title());
        assert_eq!(whole.name().as_deref(), Some("The Title"));
    }

    #[test]
    fn a_body_of_markup_around_nothing_shows_nothing() {
        assert!(Body::default().shows_nothing());
        assert!(Body::later(String::new(), Vec::new).shows_nothing());
        let empty_paragraph = || {
            vec![Node::Element(Element::new(
                Tag::Paragraph,
                vec![Node::Text(" ".into())],
            ))]
        };
        assert!(Body::new(empty_paragraph()).shows_nothing());
        let image = Node::Element(Element {
            tag: Tag::Image,
            attrs: vec![(Attr::Src, "https://e.example/i.png".into())],
            children: vec![],
        });
        assert!(!Body::new(vec![image]).shows_nothing());
        let video = Node::VideoLink {
            url: "https://www.youtube.com/watch?v=x".into(),
            host: "youtube.com".into(),
            title: None,
        };
        assert!(!Body::new(vec![video]).shows_nothing());
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
