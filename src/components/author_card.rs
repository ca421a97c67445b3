use yew::prelude::*;

use super::body::IMAGE_REFERRER_POLICY;
use crate::i18n::Labels;
use crate::model::Author;

/// "Published by" with each author's avatar (or initials), name and bio, in the source's
/// order. A plain function, not a component: it has no state, and each component costs the
/// wasm its own lifecycle code.
pub fn author_card(authors: &[Author], labels: Labels) -> Html {
    if authors.is_empty() {
        return Html::default();
    }
    html! {
        <section part="author-card" class="author-card" aria-label={labels.published_by()}>
            { for authors.iter().enumerate().map(|(index, author)| person(author, (index == 0).then_some(labels))) }
        </section>
    }
}

/// One author; the first carries the card's label.
fn person(author: &Author, label: Option<Labels>) -> Html {
    let avatar = match &author.avatar {
        Some(src) => html! {
            <img part="author-avatar" class="author-card__avatar" src={src.clone()} alt=""
                 width="64" height="64" loading="lazy" decoding="async"
                 referrerpolicy={IMAGE_REFERRER_POLICY} />
        },
        None => html! {
            <span part="author-avatar" class="author-card__avatar author-card__initials" aria-hidden="true">
                { author.initials() }
            </span>
        },
    };
    let name = match &author.url {
        Some(url) => html! {
            <a href={url.clone()} rel="author noopener noreferrer" target="_blank"><bdi>{ &author.name }</bdi></a>
        },
        None => html! { <bdi>{ &author.name }</bdi> },
    };
    html! {
        <div class="author-card__person">
            { avatar }
            <div class="author-card__text">
                if let Some(labels) = label {
                    <p class="author-card__label">{ labels.published_by() }</p>
                }
                <h2 part="author-name" class="author-card__name">{ name }</h2>
                if let Some(bio) = &author.bio {
                    <p part="author-bio" class="author-card__bio">{ bio }</p>
                }
            </div>
        </div>
    }
}
