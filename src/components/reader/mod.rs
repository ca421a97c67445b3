//! The reader: loads an article and its related posts and shows them, or says why it cannot.
//!
//! Read top to bottom: the props, the state and its actions (in [`state`]), the effects that
//! carry actions out (loading documents, telling the host, focus and scroll, the page's
//! history), then the view.

mod state;

use std::rc::Rc;

use yew::prelude::*;

use self::state::{Action, ReaderState, Shown, Target};
use super::{
    reader_view, ArticleViewProps, Content, LoadError, ReaderView, RelatedList, RelatedState,
};
use crate::formats::{self, Format};
use crate::hooks::{use_document, use_label_table, use_now, DocumentRequest};
use crate::i18n::{resolve_language, Locale};
use crate::model::{Article, Opening, PostSummary, Shared, Timestamp};
use crate::services::fetcher::{CachePolicy, Cancel, Fetcher};
use crate::services::{history, page};
use crate::share::{Network, ShareOptions};
use crate::text::reading_time::DEFAULT_WORDS_PER_MINUTE;
use crate::url::same_origin;

/// What the reader tells its host (the custom element turns these into DOM events).
#[derive(Clone, Debug, PartialEq)]
pub enum ReaderEvent {
    /// An article is shown.
    Loaded {
        /// The document it came from.
        src: AttrValue,
        /// The article, as read from the document.
        article: Rc<Article>,
    },
    /// The reader could not show an article, and says why.
    Failed {
        /// The document asked for.
        src: AttrValue,
        /// Why it failed.
        error: LoadError,
    },
    /// A reader opened a related post in place.
    Navigated {
        /// The post's document (or its id, when the list carried it whole).
        src: AttrValue,
        /// The post chosen.
        post: PostSummary,
    },
    /// A reader used a share control.
    Shared {
        /// The control's name, as in the `share` attribute.
        network: &'static str,
        /// The URL shared.
        url: AttrValue,
    },
}

/// How often relative times ("5 minutes ago") are brought up to date on an open page.
const RELATIVE_TIME_REFRESH: std::time::Duration = std::time::Duration::from_secs(60);

/// What the host gives the reader: its documents, where they come from, and how to show them.
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The article's JSON document.
    pub src: AttrValue,
    /// The related posts' JSON document.
    #[prop_or_default]
    pub related_src: Option<AttrValue>,
    /// Where documents come from (the loader's document service in the widget, the app's own in a Yew app).
    pub fetcher: Fetcher,
    /// Forces one document format; detected when absent.
    #[prop_or_default]
    pub format: Option<Format>,
    /// Measures relative times ("3 years ago"); the clock's current time when absent.
    #[prop_or_default]
    pub now: Option<Timestamp>,
    #[prop_or(DEFAULT_WORDS_PER_MINUTE)]
    /// Reading speed for the reading time (`words-per-minute`).
    pub words_per_minute: u32,
    /// Shared when neither `share.url` nor the article gives a URL: the page's canonical
    /// address, or its own without query.
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
    /// Where the widget's own files are (the loader's folder): the UI words of languages
    /// other than English are fetched from there.
    #[prop_or_default]
    pub assets: Option<AttrValue>,
    #[prop_or_default]
    /// Told of what readers do and what loads (the custom element makes DOM events of them).
    pub on_event: Callback<ReaderEvent>,
}

/// An article read from a document, its body sanitized now: while the document is read,
/// not when it is shown, which comes in a task of its own.
fn read_article(
    text: &str,
    format: Option<Format>,
    url: Option<&str>,
) -> Result<Article, formats::FormatError> {
    let article = formats::parse_article(text, format, url)?;
    article.body.nodes();
    Ok(article)
}

/// How a related post opens in place, and the value naming it in the page's history; `None`
/// when it has only a page URL (a normal link) or nothing.
fn opening(post: &PostSummary) -> Option<(AttrValue, Target)> {
    let target = match post.opening() {
        Opening::Carried(article) => Target::Carried(article.clone()),
        Opening::Fetch(src) => Target::Document(absolute(src)),
        Opening::Page(_) | Opening::Nowhere => return None,
    };
    let key = AttrValue::from(post.src.clone().unwrap_or_else(|| post.id.clone()));
    Some((key, target))
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
    let src = absolute(&props.src);
    let state = use_reducer(|| ReaderState::new(src.clone()));
    let related = use_state_eq(|| RelatedState::None);
    let reader_ref = use_node_ref();
    let now = use_now(props.now, RELATIVE_TIME_REFRESH);

    // The host changed `src`.
    {
        let dispatch = state.dispatcher();
        use_effect_with(src, move |src| {
            dispatch.dispatch(Action::Source(src.clone()))
        });
    }

    // The article: fetched for a document target; a carried one is shown at once.
    let article_request = match &state.load.target {
        Target::Document(url) => Some(DocumentRequest {
            id: state.load.id,
            url: url.clone(),
            policy: state.load.policy,
            format: props.format,
        }),
        Target::Carried(_) => None,
    };
    use_document(
        article_request,
        props.fetcher.clone(),
        read_article,
        state
            .dispatcher()
            .to_callback()
            .reform(|(load, result)| Action::Settled { load, result }),
    );

    // The related list, the same way; its limit only changes what is shown.
    let related_request = props.related_src.as_ref().map(|url| DocumentRequest {
        id: 0,
        url: absolute(url),
        policy: CachePolicy::Reuse,
        format: props.format,
    });
    {
        let (related, has_list) = (related.clone(), related_request.is_some());
        use_effect_with(has_list, move |has_list| {
            related.set(if *has_list {
                RelatedState::Loading
            } else {
                RelatedState::None
            })
        });
    }
    use_document(
        related_request.clone(),
        props.fetcher.clone(),
        formats::parse_post_list,
        {
            let (related, on_event) = (related.clone(), props.on_event.clone());
            let url = related_request.map(|r| r.url).unwrap_or_default();
            Callback::from(
                move |(_, result): (u64, Result<Rc<Vec<PostSummary>>, LoadError>)| match result {
                    Ok(posts) => related.set(RelatedState::Ready(Shared::from(posts))),
                    Err(error) => {
                        related.set(RelatedState::Failed);
                        on_event.emit(ReaderEvent::Failed {
                            src: url.clone(),
                            error,
                        });
                    }
                },
            )
        },
    );

    // Once a load is settled, tell the host.
    {
        let (state, on_event) = (state.clone(), props.on_event.clone());
        use_effect_with((state.load.id, state.settled()), move |_| {
            let src = match &state.load.target {
                Target::Document(url) => url.clone(),
                Target::Carried(article) => {
                    AttrValue::from(article.url.clone().unwrap_or_else(|| article.id.clone()))
                }
            };
            match &state.shown {
                Shown::Loading => {}
                Shown::Failed(error) => on_event.emit(ReaderEvent::Failed {
                    src,
                    error: error.clone(),
                }),
                Shown::Ready(article) => on_event.emit(ReaderEvent::Loaded {
                    src,
                    article: article.clone(),
                }),
            }
        });
    }

    // With history: open what the page's URL names (a deep link), and follow back and forward.
    {
        let dispatch = state.dispatcher();
        let posts = match &*related {
            RelatedState::Ready(posts) => Some(posts.clone()),
            _ => None,
        };
        use_effect_with((props.history_key.clone(), posts), move |(key, posts)| {
            let listener = match (key.clone(), posts.clone()) {
                (Some(key), Some(posts)) => {
                    let named = move || {
                        history::current(&key)
                            .and_then(|name| post_named(&posts, &name).and_then(opening))
                    };
                    dispatch.dispatch(Action::Restore {
                        opened: named(),
                        scroll: None,
                        focus: false,
                    });
                    history::on_navigate(move |scroll| {
                        dispatch.dispatch(Action::Restore {
                            opened: named(),
                            scroll,
                            focus: true,
                        })
                    })
                }
                _ => None,
            };
            move || drop(listener)
        });
    }

    let on_retry = state.dispatcher().to_callback().reform(|()| Action::Retry);
    let on_open_related = {
        let dispatch = state.dispatcher();
        let (on_event, history_key) = (props.on_event.clone(), props.history_key.clone());
        Callback::from(move |post: PostSummary| {
            let Some((key, target)) = opening(&post) else {
                return;
            };
            if let Some(history_key) = &history_key {
                history::push(history_key, Some(&key));
            }
            let src = match &target {
                Target::Document(url) => url.clone(),
                Target::Carried(_) => {
                    AttrValue::from(post.url.clone().unwrap_or_else(|| post.id.clone()))
                }
            };
            dispatch.dispatch(Action::Open { key, target });
            on_event.emit(ReaderEvent::Navigated { src, post });
        })
    };
    let on_prefetch_related = {
        let fetcher = props.fetcher.clone();
        let list = props
            .related_src
            .as_deref()
            .map(absolute)
            .unwrap_or_default();
        Callback::from(move |post: PostSummary| {
            // Only from the list's own site: pointing at a post must not contact another.
            let url = match opening(&post) {
                Some((_, Target::Document(url))) if same_origin(&url, &list) => url,
                _ => return,
            };
            // Warms the fetcher's cache; the answer itself is not needed yet.
            let pending = fetcher.fetch(&url, Cancel::default(), CachePolicy::Reuse);
            yew::platform::spawn_local(async move {
                let _ = pending.await;
            });
        })
    };

    // The view.
    let shown_article = match &state.shown {
        Shown::Ready(article) => Some(article),
        _ => None,
    };
    let lang = resolve_language(
        props.lang.as_deref(),
        shown_article.and_then(|a| a.language.as_deref()),
        page::document_language().as_deref(),
    );
    let words_ready = use_label_table(&lang, props.fetcher.clone(), props.assets.clone());
    let locale = use_memo((lang, words_ready), |(lang, _)| Locale::new(lang));
    let article_shown = words_ready && matches!(state.shown, Shown::Ready(_));

    // Once the article is on screen, move focus and scroll as the load asked.
    {
        let (load, reader_ref) = (state.load.clone(), reader_ref.clone());
        use_effect_with((state.load.id, article_shown), move |(_, shown)| {
            if *shown {
                if load.focus {
                    focus_article(&reader_ref);
                }
                if let Some(y) = load.scroll {
                    page::scroll_to(y);
                }
            }
        });
    }
    let on_share = props
        .on_event
        .reform(|(network, url): (Network, String)| ReaderEvent::Shared {
            network: network.id(),
            url: url.into(),
        });
    let content = match &state.shown {
        // An article waits for the words of its language, so they never change under a reader.
        Shown::Ready(_) if !words_ready => Content::Loading,
        Shown::Loading => Content::Loading,
        Shown::Failed(error) => Content::Failed {
            error,
            on_retry: &on_retry,
        },
        Shown::Ready(article) => Content::Article(ArticleViewProps {
            article: Shared::from(article.clone()),
            words_per_minute: props.words_per_minute,
            share: props.share.clone(),
            fallback_share_url: props.page_url.clone(),
            locale: (*locale).clone(),
            on_share,
        }),
    };
    reader_view(ReaderView {
        content,
        related: RelatedList {
            state: &related,
            limit: props.related_limit,
            now,
            locale: &locale,
            current_id: shown_article.map(|a| a.id.as_str()),
            on_open: &on_open_related,
            on_prefetch: &on_prefetch_related,
        },
        locale: &locale,
        // Until this is off, a prerendered page keeps its article (the loader waits for it).
        busy: !state.settled() || !words_ready || matches!(*related, RelatedState::Loading),
        node_ref: reader_ref,
    })
}

/// Focus on the shown article's title, or on an untitled post's article, which stands in for
/// it; scrolled into view.
fn focus_article(reader: &NodeRef) {
    let target = reader.cast::<web_sys::Element>().and_then(|reader| {
        reader
            .query_selector("[part=title], [part=article][tabindex]")
            .ok()
            .flatten()
    });
    if let Some(target) =
        target.and_then(|t| web_sys::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
    {
        target.scroll_into_view();
        let _ = target.focus();
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
