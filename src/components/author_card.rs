use yew::prelude::*;

use crate::i18n::Labels;
use crate::model::Author;

#[derive(Properties, PartialEq)]
pub struct AuthorCardProps {
    pub author: Author,
    pub labels: Labels,
}

/// "Published by" with the author's avatar (or initials), name and bio.
#[component]
pub fn AuthorCard(props: &AuthorCardProps) -> Html {
    let author = &props.author;
    let avatar = match &author.avatar {
        Some(src) => html! {
            <img part="author-avatar" class="author-card__avatar" src={src.clone()} alt=""
                 width="64" height="64" loading="lazy" decoding="async" />
        },
        None => html! {
            <span part="author-avatar" class="author-card__avatar author-card__initials" aria-hidden="true">
                { author.initials() }
            </span>
        },
    };
    let name = match &author.url {
        Some(url) => html! {
            <a href={url.clone()} rel="author noopener noreferrer" target="_blank">{ &author.name }</a>
        },
        None => html! { { &author.name } },
    };
    html! {
        <section part="author-card" class="author-card" aria-label={props.labels.published_by}>
            { avatar }
            <div class="author-card__text">
                <p class="author-card__label">{ props.labels.published_by }</p>
                <h2 part="author-name" class="author-card__name">{ name }</h2>
                if let Some(bio) = &author.bio {
                    <p part="author-bio" class="author-card__bio">{ bio }</p>
                }
            </div>
        </section>
    }
}
