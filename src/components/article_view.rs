use yew::prelude::*;

use super::{author_card, BodyView, BodyViewProps, ShareBar, ShareBarProps};
use crate::hooks::use_reading_progress;
use crate::i18n::Locale;
use crate::model::{Article, Shared};
use crate::share::{Network, ShareOptions};
use crate::text::reading_time;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Shared<Article>,
    #[prop_or(reading_time::DEFAULT_WORDS_PER_MINUTE)]
    pub words_per_minute: u32,
    #[prop_or_default]
    pub share: ShareOptions,
    /// The address to share when neither `share.url` nor the article has one (the host page).
    #[prop_or_default]
    pub fallback_share_url: Option<AttrValue>,
    pub locale: Locale,
    #[prop_or_default]
    pub on_share: Callback<(Network, String)>,
    /// Where focus goes after an in-place navigation.
    #[prop_or_default]
    pub title_ref: NodeRef,
}

/// An article: header, reading progress, body, share bar and author card.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let article = &props.article;
    let locale = &props.locale;
    let labels = locale.labels;
    let body_ref = use_node_ref();
    let progress = use_reading_progress(article.clone(), body_ref.clone(), props.words_per_minute);
    // The source's own figure when it gives a sensible one, else ours.
    let minutes = article.reading_minutes.or(progress.total_minutes);
    let share_url = props
        .share
        .url
        .clone()
        .or_else(|| article.url.clone())
        .or_else(|| props.fallback_share_url.as_ref().map(|u| u.to_string()));

    html! {
            <article part="article" class="article" lang={article.language.clone()}>
                <header class="article__header">
                    if let Some(category) = &article.category {
                        <p part="category" class="article__category">{ category }</p>
                    }
                    <h1 part="title" class="article__title" tabindex="-1" ref={props.title_ref.clone()}>
                        { &article.title }
                    </h1>
                    <p part="byline" class="article__byline">
                        if let Some(author) = &article.author {
                            <span class="article__author">{ &author.name }</span>
                        }
                        if let Some(minutes) = minutes {
                            <span part="reading-time" class="article__reading-time">
                                { locale.minutes_read(minutes) }
                            </span>
                        }
                        if let Some(published) = article.published {
                            <time part="published" class="article__published"
                                  datetime={published.to_rfc3339()}
                                  title={format!("{}, {} UTC", locale.date(published), published.to_utc_time())}>
                                { locale.date(published) }
                            </time>
                        }
                    </p>
                </header>
                if let Some(image) = &article.image {
                    <figure class="article__image">
                        <img src={image.clone()} alt="" loading="lazy" decoding="async" />
                    </figure>
                }
                if article.protected {
                    <p part="body" class="body article__protected">
                        { labels.protected }
                        if let Some(url) = &article.url {
                            { " " }
                            <a href={url.clone()} rel="noopener noreferrer">{ labels.read_on_site }</a>
                        }
                    </p>
                } else {
                    if minutes.is_some() {
                        <div part="progress" class="progress">
                            <progress class="progress__bar" max="100" value={progress.percent.to_string()}
                                      aria-label={labels.reading_progress}
                                      aria-valuetext={progress_text(locale, progress.minutes_left)}></progress>
                            <span class="progress__text">{ progress_text(locale, progress.minutes_left) }</span>
                        </div>
                    }
                    <BodyView ..BodyViewProps { article: article.clone(), body_ref } />
                }
                <footer class="article__footer">
                    if let Some(url) = share_url {
                        <ShareBar ..ShareBarProps {
                            payload: props.share.payload(url, article.title.clone()),
                            networks: props.share.networks.clone(),
                            labels,
                            on_share: props.on_share.clone(),
                        } />
                    }
                    if let Some(author) = &article.author {
                        { author_card(author, labels) }
                    }
                </footer>
        </article>
    }
}

/// "2 min left", or "Finished" once the end of the body is in view.
fn progress_text(locale: &Locale, minutes_left: Option<u32>) -> String {
    match minutes_left {
        Some(minutes) => locale.minutes_left(minutes),
        None => locale.labels.finished.to_owned(),
    }
}
