use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Locale;
use crate::model::{PostSummary, Timestamp};
use crate::text::excerpt::{excerpt, EXCERPT_CHARS, EXCERPT_WORDS};

/// Where the related-posts list stands.
#[derive(Clone, Debug, PartialEq)]
pub enum RelatedState {
    /// No list was asked for.
    None,
    Loading,
    Ready(Rc<Vec<PostSummary>>),
    Failed,
}

#[derive(Properties, PartialEq)]
pub struct RelatedListProps {
    pub state: RelatedState,
    pub now: Timestamp,
    pub locale: Locale,
    /// A post with its own JSON (`src`) was chosen: open it in place.
    #[prop_or_default]
    pub on_open: Callback<PostSummary>,
}

/// "Recent Posts": title, excerpt and how long ago, for each related post.
#[component]
pub fn RelatedList(props: &RelatedListProps) -> Html {
    let posts = match &props.state {
        RelatedState::Ready(posts) if !posts.is_empty() => posts,
        RelatedState::Failed => {
            return html! {
                <p class="related__failed">{ props.locale.labels.related_failed }</p>
            }
        }
        _ => return Html::default(),
    };
    html! {
        <section part="related" class="related" aria-label={props.locale.labels.related_posts}>
            <h2 class="related__heading">{ props.locale.labels.related_posts }</h2>
            <ul class="related__list">
                { for posts.iter().map(|post| related_item(post, props)) }
            </ul>
        </section>
    }
}

fn related_item(post: &PostSummary, props: &RelatedListProps) -> Html {
    let onclick = post.src.as_ref().map(|_| {
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
    let href = post
        .url
        .clone()
        .or_else(|| post.src.clone())
        .unwrap_or_default();
    let teaser = post
        .summary
        .as_deref()
        .map(|summary| excerpt(summary, EXCERPT_WORDS, EXCERPT_CHARS))
        .filter(|text| !text.is_empty());
    html! {
        <li part="related-item" class="related__item">
            <a part="related-title" class="related__title" {href} {onclick}>{ &post.title }</a>
            if let Some(teaser) = teaser {
                <p part="related-excerpt" class="related__excerpt">{ teaser }</p>
            }
            if let Some(published) = post.published {
                <time part="related-time" class="related__time"
                      datetime={published.to_rfc3339()} title={props.locale.date(published)}>
                    { props.locale.relative(props.now, published) }
                </time>
            }
        </li>
    }
}
