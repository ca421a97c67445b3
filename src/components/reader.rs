use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::{ArticleView, ErrorStatus, LoadingStatus, RelatedState};
use crate::formats::{self, Format};
use crate::hooks::use_now;
use crate::i18n::{resolve_language, Locale};
use crate::model::{Article, PostSummary, Timestamp};
use crate::services::fetcher::{Fetcher, LoadError};
use crate::services::page;
use crate::share::{Network, ShareOptions};
use crate::text::reading_time::DEFAULT_WORDS_PER_MINUTE;

/// What the reader tells its host (the custom element turns these into DOM events).
#[derive(Clone, Debug, PartialEq)]
pub enum ReaderEvent {
    Loaded {
        src: AttrValue,
        article: Rc<Article>,
    },
    Failed {
        src: AttrValue,
        error: LoadError,
    },
    Navigated {
        src: AttrValue,
        post: PostSummary,
    },
    Shared {
        network: &'static str,
        url: AttrValue,
    },
}

/// How often relative times ("5 minutes ago") are brought up to date on an open page.
const RELATIVE_TIME_REFRESH: std::time::Duration = std::time::Duration::from_secs(60);

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The article's JSON document.
    pub src: AttrValue,
    /// The related posts' JSON document.
    #[prop_or_default]
    pub related_src: Option<AttrValue>,
    pub fetcher: Fetcher,
    /// Forces one document format; detected when absent.
    #[prop_or_default]
    pub format: Option<Format>,
    /// Measures relative times ("3 years ago"); the clock's current time when absent.
    #[prop_or_default]
    pub now: Option<Timestamp>,
    #[prop_or(DEFAULT_WORDS_PER_MINUTE)]
    pub words_per_minute: u32,
    /// Shared when neither `share.url` nor the article gives a URL: the page's canonical
    /// address, or its own without the widget's state.
    #[prop_or_default]
    pub page_url: Option<AttrValue>,
    /// At most this many related posts.
    #[prop_or_default]
    pub related_limit: Option<usize>,
    /// The share bar's networks and options.
    #[prop_or_default]
    pub share: ShareOptions,
    /// The `lang` attribute: the widget's language, before the article's and the page's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    #[prop_or_default]
    pub on_event: Callback<ReaderEvent>,
}

#[derive(Clone, Debug, PartialEq)]
enum ArticleState {
    Loading,
    Ready(Rc<Article>),
    Failed(LoadError),
}

/// What the reader shows instead of the host's `src` after a reader opened a related post.
#[derive(Clone, Debug, PartialEq)]
enum Opened {
    /// A post with its own document, fetched.
    Document(AttrValue),
    /// A post the related list carried whole.
    Article(Rc<Article>),
}

/// Loads an article (and its related posts) and shows it, or says why it cannot.
///
/// A related post opens in place: the reader keeps its related list and shows the new article,
/// from the list when it carried the whole post, else from the post's own document. A newer
/// load always wins over an older one still in flight.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    // An in-place navigation overrides `src` until the host sets a new `src`.
    let opened = use_state_eq(|| None::<Opened>);
    let attempt = use_state_eq(|| 0u32);
    let article = use_state_eq(|| ArticleState::Loading);
    let related = use_state_eq(|| RelatedState::None);
    let latest_load = use_mut_ref(|| 0u64);
    // Set when an in-place navigation finished loading; the title takes focus after rendering.
    let focus_title = use_mut_ref(|| false);
    let title_ref = use_node_ref();
    let now = use_now(props.now, RELATIVE_TIME_REFRESH);

    {
        let opened = opened.clone();
        use_effect_with(props.src.clone(), move |_| opened.set(None));
    }

    {
        let article = article.clone();
        let fetcher = props.fetcher.clone();
        let format = props.format;
        let on_event = props.on_event.clone();
        let latest_load = latest_load.clone();
        let focus_title = focus_title.clone();
        let target = (*opened)
            .clone()
            .unwrap_or_else(|| Opened::Document(props.src.clone()));
        let navigated = opened.is_some();
        use_effect_with((target, *attempt), move |(target, _)| {
            let load_id = {
                let mut latest = latest_load.borrow_mut();
                *latest += 1;
                *latest
            };
            let loading = article.clone();
            let show = move |result: Result<Rc<Article>, LoadError>, src: AttrValue| {
                if *latest_load.borrow() != load_id {
                    return; // A newer load started meanwhile: this answer is stale.
                }
                match result {
                    Ok(loaded) => {
                        *focus_title.borrow_mut() = navigated;
                        article.set(ArticleState::Ready(loaded.clone()));
                        on_event.emit(ReaderEvent::Loaded {
                            src,
                            article: loaded,
                        });
                    }
                    Err(error) => {
                        article.set(ArticleState::Failed(error.clone()));
                        on_event.emit(ReaderEvent::Failed { src, error });
                    }
                }
            };
            match target.clone() {
                Opened::Article(inline) => {
                    let src =
                        AttrValue::from(inline.url.clone().unwrap_or_else(|| inline.id.clone()));
                    show(Ok(inline), src);
                }
                Opened::Document(src) => {
                    loading.set(ArticleState::Loading);
                    yew::platform::spawn_local(async move {
                        let result = load_article(&fetcher, &src, format).await.map(Rc::new);
                        // Events name the document by the address it was fetched from.
                        let url = if src.is_empty() {
                            src
                        } else {
                            page::absolute(&src).into()
                        };
                        show(result, url);
                    });
                }
            }
        });
    }

    {
        let related = related.clone();
        let fetcher = props.fetcher.clone();
        let format = props.format;
        let on_event = props.on_event.clone();
        use_effect_with(
            (props.related_src.clone(), props.related_limit),
            move |(related_src, related_limit)| {
                let related_limit = *related_limit;
                let cancelled = Rc::new(Cell::new(false));
                match related_src.clone() {
                    None => related.set(RelatedState::None),
                    Some(src) => {
                        related.set(RelatedState::Loading);
                        let cancelled = cancelled.clone();
                        yew::platform::spawn_local(async move {
                            let result = load_posts(&fetcher, &src, format).await;
                            if cancelled.get() {
                                return;
                            }
                            match result {
                                Ok(mut posts) => {
                                    if let Some(limit) = related_limit {
                                        posts.truncate(limit);
                                    }
                                    related.set(RelatedState::Ready(Rc::new(posts)))
                                }
                                Err(error) => {
                                    related.set(RelatedState::Failed);
                                    let src = page::absolute(&src).into();
                                    on_event.emit(ReaderEvent::Failed { src, error });
                                }
                            }
                        });
                    }
                }
                move || cancelled.set(true)
            },
        );
    }

    {
        let title_ref = title_ref.clone();
        use_effect(move || {
            if focus_title.replace(false) {
                if let Some(title) = title_ref.cast::<web_sys::HtmlElement>() {
                    let _ = title.focus();
                }
            }
        });
    }

    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let on_open_related = {
        let opened = opened.clone();
        let on_event = props.on_event.clone();
        Callback::from(move |post: PostSummary| {
            let target = match (&post.article, &post.src) {
                (Some(article), _) => Opened::Article(article.clone()),
                (None, Some(src)) => Opened::Document(AttrValue::from(src.clone())),
                (None, None) => return,
            };
            let src = AttrValue::from(
                post.src
                    .clone()
                    .or_else(|| post.url.clone())
                    .unwrap_or_else(|| post.id.clone()),
            );
            opened.set(Some(target));
            on_event.emit(ReaderEvent::Navigated { src, post });
        })
    };

    let article_language = match &*article {
        ArticleState::Ready(loaded) => loaded.language.clone(),
        _ => None,
    };
    let document_language = page::document_language();
    let lang = resolve_language(
        props.lang.as_deref(),
        article_language.as_deref(),
        document_language.as_deref(),
    );
    let locale = use_memo(lang, |lang| Locale::new(lang));
    let labels = locale.labels;
    let content = match &*article {
        ArticleState::Loading => html! { <LoadingStatus {labels} /> },
        ArticleState::Failed(error) => html! {
            <ErrorStatus message={error.message(&labels)} {on_retry} {labels} />
        },
        ArticleState::Ready(loaded) => {
            let on_share =
                props
                    .on_event
                    .reform(|(network, url): (Network, String)| ReaderEvent::Shared {
                        network: network.id(),
                        url: url.into(),
                    });
            html! {
                <ArticleView article={loaded.clone()} related={(*related).clone()}
                             {now}
                             words_per_minute={props.words_per_minute}
                             share={props.share.clone()}
                             fallback_share_url={props.page_url.clone()} locale={(*locale).clone()}
                             {on_open_related} {on_share} title_ref={title_ref.clone()} />
            }
        }
    };
    html! {
        <div class="reader" lang={locale.lang.clone()} dir={locale.direction.attr()}
             aria-busy={(matches!(*article, ArticleState::Loading)).then_some("true")}>
            { content }
        </div>
    }
}

async fn load_article(
    fetcher: &Fetcher,
    src: &str,
    format: Option<Format>,
) -> Result<Article, LoadError> {
    if src.is_empty() {
        return Err(LoadError::MissingSource);
    }
    let url = page::absolute(src);
    let text = fetcher.fetch(&url).await?;
    Ok(formats::parse_article(&text, format, Some(&url))?)
}

async fn load_posts(
    fetcher: &Fetcher,
    src: &str,
    format: Option<Format>,
) -> Result<Vec<PostSummary>, LoadError> {
    let url = page::absolute(src);
    let text = fetcher.fetch(&url).await?;
    Ok(formats::parse_post_list(&text, format, Some(&url))?)
}
