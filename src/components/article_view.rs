use yew::prelude::*;

use super::body::IMAGE_REFERRER_POLICY;
use super::{author_card, body_view, share_bar, use_body_blocks, CopyState, ShareBar};
use crate::hooks::use_reading_progress;
use crate::i18n::{fill, ListPart, Locale};
use crate::model::{Article, Dated, Shared};
use crate::share::{Network, ShareOptions};
use crate::text::reading_time;

/// The article view's props: the article and how to show it.
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article shown.
    pub article: Shared<Article>,
    #[prop_or(reading_time::DEFAULT_WORDS_PER_MINUTE)]
    /// Reading speed for the reading time (`words-per-minute`).
    pub words_per_minute: u32,
    #[prop_or_default]
    /// The share bar's networks and options.
    pub share: ShareOptions,
    /// The address to share when neither `share.url` nor the article has one (the host page).
    #[prop_or_default]
    pub fallback_share_url: Option<AttrValue>,
    /// The language the view speaks.
    pub locale: Locale,
    #[prop_or_default]
    /// Told of every share control used, with the URL shared there.
    pub on_share: Callback<(Network, String)>,
}

/// An article: header, reading progress, body, share bar and author card. A post without a
/// title is shown as its publisher shows it, body first; the article keeps an accessible
/// name (the start of its text) and takes focus in the title's place.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let article = &props.article;
    let locale = &props.locale;
    let labels = locale.labels;
    let body_ref = use_node_ref();
    let progress = use_reading_progress(article.clone(), body_ref.clone(), props.words_per_minute);
    let blocks = use_body_blocks(article.clone());
    let copy_state = use_state_eq(CopyState::default);
    let minutes = progress.total_minutes;
    let dated = article.dated();
    // An untitled post is named by its opening words, else by its date.
    let name = use_memo(article.clone(), |article| article.name());
    let name = (*name)
        .clone()
        .or_else(|| dated.map(|dated| dated_text(locale, dated)))
        .unwrap_or_default();
    // A post shown without a title heading is named by its title, else its opening words.
    let untitled = !article.shows_title();
    let share_url = props
        .share
        .url
        .clone()
        .or_else(|| article.url.clone())
        .or_else(|| props.fallback_share_url.as_ref().map(|u| u.to_string()));

    html! {
            <article part="article" class="article" lang={article.language.clone()}
                     aria-label={untitled.then(|| name.clone())}
                     tabindex={untitled.then_some("-1")}>
                <header class="article__header">
                    if let Some(category) = &article.category {
                        <p part="category" class="article__category"><bdi>{ category }</bdi></p>
                    }
                    if let Some(title) = article.title.as_ref().filter(|_| article.shows_title()) {
                        <h1 part="title" class="article__title" tabindex="-1">
                            <bdi>{ title }</bdi>
                        </h1>
                    }
                    <p part="byline" class="article__byline">
                        if !article.authors.is_empty() {
                            <span class="article__author">{ author_names(article, locale) }</span>
                        }
                        if let Some(minutes) = minutes {
                            <span part="reading-time" class="article__reading-time">
                                { locale.minutes_read(minutes) }
                            </span>
                        }
                        if let Some(dated) = dated {
                            <time part="published" class="article__published"
                                  datetime={dated.at.to_rfc3339()}
                                  title={format!("{}, {}", dated_text(locale, dated), dated.at.to_written_time())}>
                                { dated_text(locale, dated) }
                            </time>
                        }
                    </p>
                </header>
                if let Some(image) = &article.image {
                    <figure class="article__image">
                        <img src={image.clone()} alt="" loading="lazy" decoding="async"
                             referrerpolicy={IMAGE_REFERRER_POLICY} />
                    </figure>
                }
                if article.protected {
                    <p part="body" class="body article__protected">
                        { labels.protected() }
                        if let Some(url) = &article.url {
                            { " " }
                            <a href={url.clone()} rel="noopener noreferrer">{ labels.read_on_site() }</a>
                        }
                    </p>
                } else {
                    if minutes.is_some() {
                        <div part="progress" class="progress">
                            <progress class="progress__bar" max="100" value={progress.percent.to_string()}
                                      aria-label={labels.reading_progress()}
                                      aria-valuetext={progress_text(locale, progress.minutes_left)}></progress>
                            <span class="progress__text">{ progress_text(locale, progress.minutes_left) }</span>
                        </div>
                    }
                    { body_view(blocks, body_ref) }
                }
                <footer class="article__footer">
                    if let Some(url) = share_url {
                        { share_bar(ShareBar {
                            payload: props.share.payload(url, name),
                            networks: &props.share.networks,
                            labels,
                            on_share: &props.on_share,
                            copy_state,
                        }) }
                    }
                    { author_card(&article.authors, labels) }
                </footer>
        </article>
    }
}

/// Every author, joined as the language joins a list ("A, B and C"), each name isolated so
/// that its writing direction cannot spill over the rest of the byline.
fn author_names(article: &Article, locale: &Locale) -> Html {
    let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
    locale
        .list(&names)
        .into_iter()
        .map(|part| match part {
            ListPart::Item(index) => {
                html! { <bdi>{ names.get(index).copied().unwrap_or_default() }</bdi> }
            }
            ListPart::Literal(text) => html! { { text } },
        })
        .collect()
}

/// The shown date: "June 19, 2018", or "Updated June 19, 2018" when only that is known.
fn dated_text(locale: &Locale, dated: Dated) -> String {
    let date = locale.date(dated.at);
    if dated.updated {
        fill(locale.labels.updated(), date)
    } else {
        date
    }
}

/// "2 min left", or "Finished" once the end of the body is in view.
fn progress_text(locale: &Locale, minutes_left: Option<u32>) -> String {
    match minutes_left {
        Some(minutes) => locale.minutes_left(minutes),
        None => locale.labels.finished().to_owned(),
    }
}
