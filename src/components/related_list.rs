use yew::prelude::*;

use crate::i18n::{fill, Locale};
use crate::model::{Opening, PostSummary, Shared, Timestamp};
use crate::text::excerpt::{excerpt, EXCERPT_CHARS, EXCERPT_WORDS};

/// Where the related-posts list stands.
#[derive(Clone, Debug, PartialEq)]
pub enum RelatedState {
    /// No list was asked for.
    None,
    /// The list is on its way.
    Loading,
    /// The list's posts.
    Ready(Shared<Vec<PostSummary>>),
    /// The list could not be loaded: the article is shown without it.
    Failed,
}

/// What the related list shows, and whom it tells when a post is chosen.
pub struct RelatedList<'a> {
    /// Where the list is.
    pub state: &'a RelatedState,
    /// At most this many posts (`related-limit`).
    pub limit: Option<usize>,
    /// The moment relative times ("3 years ago") are measured from.
    pub now: Timestamp,
    /// The language the list speaks.
    pub locale: &'a Locale,
    /// The article being read, left out of the list.
    pub current_id: Option<&'a str>,
    /// A post with its own JSON (`src`) was chosen: open it in place.
    pub on_open: &'a Callback<PostSummary>,
    /// The reader points at a post (hover or focus): a good moment to fetch it.
    pub on_prefetch: &'a Callback<PostSummary>,
}

/// "Recent Posts": title, excerpt and how long ago, for each related post. A plain function,
/// not a component: it has no state, and each component costs the wasm its own lifecycle code.
pub fn related_list(props: &RelatedList<'_>) -> Html {
    let posts: Vec<&PostSummary> = match props.state {
        RelatedState::Ready(posts) => posts
            .iter()
            .take(props.limit.unwrap_or(usize::MAX))
            .filter(|post| Some(post.id.as_str()) != props.current_id)
            .collect(),
        RelatedState::Failed => {
            return html! {
                <p class="related__failed">{ props.locale.labels.related_failed() }</p>
            }
        }
        _ => return Html::default(),
    };
    if posts.is_empty() {
        return Html::default();
    }
    html! {
        <section part="related" class="related" aria-label={props.locale.labels.related_posts()}>
            <h2 class="related__heading">{ props.locale.labels.related_posts() }</h2>
            <ul class="related__list">
                { for posts.into_iter().map(|post| related_item(post, props)) }
            </ul>
        </section>
    }
}

fn related_item(post: &PostSummary, props: &RelatedList<'_>) -> Html {
    let opens_in_place = matches!(post.opening(), Opening::Carried(_) | Opening::Fetch(_));
    let onclick = opens_in_place.then(|| {
        let on_open = props.on_open.clone();
        let post = post.clone();
        Callback::from(move |event: MouseEvent| {
            // Let modified clicks open the post's page in a new tab, as links do.
            if event.ctrl_key() || event.meta_key() || event.shift_key() || event.button() != 0 {
                return;
            }
            event.prevent_default();
            on_open.emit(post.clone());
        })
    });
    let prefetch = {
        let on_prefetch = props.on_prefetch.clone();
        let post = post.clone();
        move || on_prefetch.emit(post.clone())
    };
    let onmouseenter = {
        let prefetch = prefetch.clone();
        Callback::from(move |_: MouseEvent| prefetch())
    };
    let onfocus = Callback::from(move |_: FocusEvent| prefetch());
    let dated = post.dated().map(|dated| {
        let ago = props.locale.relative(props.now, dated.at);
        let date = props.locale.date(dated.at);
        if dated.updated {
            let updated = props.locale.labels.updated();
            (fill(updated, ago), fill(updated, date), dated.at)
        } else {
            (ago, date, dated.at)
        }
    });
    // An untitled post is named by its opening words (which then are its whole teaser), else
    // by its date.
    let name = post
        .name()
        .or_else(|| dated.as_ref().map(|(_, date, _)| date.clone()))
        .unwrap_or_default();
    let teaser = post
        .title
        .as_ref()
        .and(post.summary.as_deref())
        .map(|summary| excerpt(summary, EXCERPT_WORDS, EXCERPT_CHARS))
        .filter(|text| !text.is_empty());
    let name = html! { <bdi>{ name }</bdi> };
    // A post opens in place (from the list, or its own document), else its page is a plain
    // link; with neither it is shown, but leads nowhere (an anchor without a target). One that
    // opens in place but has no address of any kind is a button.
    let href = post.url.clone().or_else(|| post.src.clone());
    let title = if href.is_none() && opens_in_place {
        html! {
            <button part="related-title" class="related__title" type="button" {onclick} {onmouseenter} {onfocus}>
                { name }
            </button>
        }
    } else {
        html! {
            <a part="related-title" class="related__title" {href} {onclick} {onmouseenter} {onfocus}>
                { name }
            </a>
        }
    };
    html! {
        <li part="related-item" class="related__item">
            { title }
            if let Some(teaser) = teaser {
                <p part="related-excerpt" class="related__excerpt">{ teaser }</p>
            }
            if let Some((ago, date, at)) = dated {
                <time part="related-time" class="related__time"
                      datetime={at.to_rfc3339()} title={date}>
                    { ago }
                </time>
            }
        </li>
    }
}
