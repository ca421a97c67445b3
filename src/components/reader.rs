use std::rc::Rc;

use yew::prelude::*;

use super::{
    error_status, loading_status, related_list, ArticleView, ArticleViewProps, RelatedList,
    RelatedState,
};
use crate::formats::{self, Format};
use crate::hooks::use_now;
use crate::i18n::{resolve_language, Locale};
use crate::model::{Article, Opening, PostSummary, Shared, Timestamp};
use crate::services::fetcher::{Cancel, Fetcher, LoadError};
use crate::services::{history, page};
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
    /// When set, in-place navigation is kept in the page's history under this query
    /// parameter (`history="push"`), so back and forward and deep links work.
    #[prop_or_default]
    pub history_key: Option<AttrValue>,
    #[prop_or_default]
    pub on_event: Callback<ReaderEvent>,
}

#[derive(Clone, Debug, PartialEq)]
enum ArticleState {
    Loading,
    Ready(Rc<Article>),
    Failed(LoadError),
}

/// A related post opened in place, and the value naming it in the page's history.
#[derive(Clone, Debug, PartialEq)]
struct Opened {
    key: AttrValue,
    target: Target,
}

/// Where an article comes from.
#[derive(Clone, Debug, PartialEq)]
enum Target {
    /// A document, fetched.
    Document(AttrValue),
    /// A post the related list carried whole.
    Article(Rc<Article>),
}

impl Opened {
    /// How `post` opens in place; `None` when it has only a page URL (a normal link).
    fn from_post(post: &PostSummary) -> Option<Opened> {
        let target = match post.opening() {
            Opening::Carried(article) => Target::Article(article.clone()),
            Opening::Fetch(src) => Target::Document(AttrValue::from(src)),
            Opening::Page(_) | Opening::Nowhere => return None,
        };
        Some(Opened {
            key: AttrValue::from(post.src.clone().unwrap_or_else(|| post.id.clone())),
            target,
        })
    }
}

/// The related post a history value names. Only posts of the list can be opened this way, so a
/// crafted link cannot make the widget fetch an arbitrary document.
fn post_named<'a>(posts: &'a [PostSummary], key: &str) -> Option<&'a PostSummary> {
    posts
        .iter()
        .find(|post| post.src.as_deref() == Some(key) || post.id == key)
}

/// Loads an article (and its related posts) and shows it, or says why it cannot.
///
/// A related post opens in place: the reader keeps its related list and shows the new article,
/// from the list when it carried the whole post, else from the post's own document (prefetched
/// when the reader points at it). A newer load always wins over an older one, which is
/// aborted.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    // An in-place navigation overrides `src` until the host sets a new `src`.
    let opened = use_state_eq(|| None::<Opened>);
    let attempt = use_state_eq(|| 0u32);
    let article = use_state_eq(|| ArticleState::Loading);
    let related = use_state_eq(|| RelatedState::None);
    let latest_load = use_mut_ref(|| 0u64);
    // Set when an in-place navigation finished loading; the title takes focus after rendering.
    let focus_title = use_mut_ref(|| None::<Rc<Article>>);
    // A scroll position to restore once the article is shown (back and forward).
    let restore_scroll = use_mut_ref(|| None::<f64>);
    // The attempt last loaded: a higher one is a retry, which must not be answered from cache.
    let last_attempt = use_mut_ref(|| 0u32);
    let reader_ref = use_node_ref();
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
        let last_attempt = last_attempt.clone();
        let focus_title = focus_title.clone();
        let target = (*opened)
            .clone()
            .map(|o| o.target)
            .unwrap_or_else(|| Target::Document(props.src.clone()));
        let navigated = opened.is_some();
        use_effect_with((target, *attempt), move |(target, attempt)| {
            let fresh = *attempt != last_attempt.replace(*attempt);
            let load_id = {
                let mut latest = latest_load.borrow_mut();
                *latest += 1;
                *latest
            };
            let cancel = Cancel::default();
            let loading = article.clone();
            let show = move |result: Result<Rc<Article>, LoadError>, src: AttrValue| {
                if *latest_load.borrow() != load_id {
                    return; // A newer load started meanwhile: this answer is stale.
                }
                match result {
                    Ok(loaded) => {
                        *focus_title.borrow_mut() = navigated.then(|| loaded.clone());
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
                Target::Article(inline) => {
                    let src =
                        AttrValue::from(inline.url.clone().unwrap_or_else(|| inline.id.clone()));
                    show(Ok(inline), src);
                }
                Target::Document(src) => {
                    loading.set(ArticleState::Loading);
                    let cancel = cancel.clone();
                    // Fetched, and named in events, by its absolute address.
                    let url = absolute(&src);
                    yew::platform::spawn_local(async move {
                        let result = load_article(&fetcher, &url, format, cancel.clone(), fresh)
                            .await
                            .map(Rc::new);
                        if !cancel.is_cancelled() {
                            show(result, url);
                        }
                    });
                }
            }
            // Moving on (or leaving the page) aborts this load.
            move || cancel.cancel()
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
                let cancel = Cancel::default();
                match related_src.clone() {
                    None => related.set(RelatedState::None),
                    Some(src) => {
                        related.set(RelatedState::Loading);
                        let cancel = cancel.clone();
                        let url = absolute(&src);
                        yew::platform::spawn_local(async move {
                            let result = load_posts(&fetcher, &url, format, cancel.clone()).await;
                            if cancel.is_cancelled() {
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
                                    on_event.emit(ReaderEvent::Failed { src: url, error });
                                }
                            }
                        });
                    }
                }
                move || cancel.cancel()
            },
        );
    }

    // With history: open what the page's URL names (a deep link), and follow back and forward.
    {
        let opened = opened.clone();
        let restore_scroll = restore_scroll.clone();
        let posts = match &*related {
            RelatedState::Ready(posts) => Some(posts.clone()),
            _ => None,
        };
        use_effect_with((props.history_key.clone(), posts), move |(key, posts)| {
            let listener = match (key.clone(), posts.clone()) {
                (Some(key), Some(posts)) => {
                    let sync = move || {
                        let named = history::current(&key);
                        opened.set(
                            named
                                .as_deref()
                                .and_then(|name| post_named(&posts, name))
                                .and_then(Opened::from_post),
                        );
                    };
                    sync();
                    history::on_navigate(move |scroll| {
                        *restore_scroll.borrow_mut() = scroll;
                        sync();
                    })
                }
                _ => None,
            };
            move || drop(listener)
        });
    }

    {
        let reader_ref = reader_ref.clone();
        let shown = match &*article {
            ArticleState::Ready(shown) => Some(shown.clone()),
            _ => None,
        };
        let restore_scroll = restore_scroll.clone();
        use_effect(move || {
            let Some(shown) = shown else {
                return;
            };
            // Only once the article that was opened is the one on screen.
            let pending = focus_title.borrow().clone();
            if pending.is_some_and(|pending| Rc::ptr_eq(&pending, &shown)) {
                focus_title.replace(None);
                // The title, or an untitled post's article, which stands in for it.
                let target = reader_ref.cast::<web_sys::Element>().and_then(|reader| {
                    reader
                        .query_selector("[part=title], [part=article][tabindex]")
                        .ok()
                        .flatten()
                });
                let target = target.and_then(|t| {
                    web_sys::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok()
                });
                if let Some(target) = target {
                    target.scroll_into_view();
                    let _ = target.focus();
                }
            }
            if let Some(y) = restore_scroll.borrow_mut().take() {
                if let Some(window) = web_sys::window() {
                    window.scroll_to_with_x_and_y(0.0, y);
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
        let history_key = props.history_key.clone();
        Callback::from(move |post: PostSummary| {
            let Some(open) = Opened::from_post(&post) else {
                return;
            };
            if let Some(key) = &history_key {
                history::push(key, Some(&open.key));
            }
            let src = AttrValue::from(
                post.src
                    .clone()
                    .or_else(|| post.url.clone())
                    .unwrap_or_else(|| post.id.clone()),
            );
            opened.set(Some(open));
            on_event.emit(ReaderEvent::Navigated { src, post });
        })
    };
    let on_prefetch_related = {
        let fetcher = props.fetcher.clone();
        Callback::from(move |post: PostSummary| {
            if let (None, Some(src)) = (&post.article, &post.src) {
                // Warms the fetcher's cache; the answer itself is not needed yet.
                let pending = fetcher.fetch(&absolute(src), Cancel::default());
                yew::platform::spawn_local(async move {
                    let _ = pending.await;
                });
            }
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
        ArticleState::Loading => loading_status(labels),
        ArticleState::Failed(error) => {
            error_status(error.message(&labels), error.detail(), &on_retry, labels)
        }
        ArticleState::Ready(loaded) => {
            let on_share =
                props
                    .on_event
                    .reform(|(network, url): (Network, String)| ReaderEvent::Shared {
                        network: network.id(),
                        url: url.into(),
                    });
            let view = ArticleViewProps {
                article: Shared::from(loaded.clone()),
                words_per_minute: props.words_per_minute,
                share: props.share.clone(),
                fallback_share_url: props.page_url.clone(),
                locale: (*locale).clone(),
                on_share,
            };
            html! { <ArticleView ..view /> }
        }
    };
    let current_id = match &*article {
        ArticleState::Ready(loaded) => Some(AttrValue::from(loaded.id.clone())),
        _ => None,
    };
    // The related list stays while another article loads or fails, so readers can move on.
    html! {
        <div class="reader" ref={reader_ref} lang={locale.lang.clone()} dir={locale.direction.attr()}
             aria-busy={(matches!(*article, ArticleState::Loading)).then_some("true")}>
            { content }
            { related_list(&RelatedList {
                state: &related,
                now,
                locale: &locale,
                current_id: current_id.as_deref(),
                on_open: &on_open_related,
                on_prefetch: &on_prefetch_related,
            }) }
        </div>
    }
}

/// `src` resolved against the page (an empty `src` stays empty: there is nothing to load).
fn absolute(src: &str) -> AttrValue {
    if src.is_empty() {
        AttrValue::default()
    } else {
        page::absolute(src).into()
    }
}

/// Loads the article at `url`, absolute; relative URLs inside resolve against it.
async fn load_article(
    fetcher: &Fetcher,
    url: &str,
    format: Option<Format>,
    cancel: Cancel,
    fresh: bool,
) -> Result<Article, LoadError> {
    if url.is_empty() {
        return Err(LoadError::MissingSource);
    }
    let text = if fresh {
        fetcher.fetch_fresh(url, cancel).await?
    } else {
        fetcher.fetch(url, cancel).await?
    };
    Ok(formats::parse_article(&text, format, Some(url))?)
}

/// Loads the related list at `url`, absolute.
async fn load_posts(
    fetcher: &Fetcher,
    url: &str,
    format: Option<Format>,
    cancel: Cancel,
) -> Result<Vec<PostSummary>, LoadError> {
    let text = fetcher.fetch(url, cancel).await?;
    Ok(formats::parse_post_list(&text, format, Some(url))?)
}
