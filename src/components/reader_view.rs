//! The reader's markup from what is loaded, shared by the live widget and the prerenderer.

use yew::prelude::*;

use super::{
    error_status, loading_status, related_list, ArticleView, ArticleViewProps, LoadError,
    RelatedList,
};
use crate::i18n::Locale;

/// What stands in the article's place.
// Made for one render and consumed by it, never stored: the size difference costs nothing.
#[allow(clippy::large_enum_variant)]
pub enum Content<'a> {
    /// A document is on its way.
    Loading,
    /// Nothing to show, with the reason and a way to try again.
    Failed {
        /// Why there is nothing to show.
        error: &'a LoadError,
        /// What "try again" calls.
        on_retry: &'a Callback<()>,
    },
    /// The article.
    Article(ArticleViewProps),
}

/// The reader's markup, from what is loaded: the live widget and a prerendered page render
/// exactly this, so the one can take the other's place without a visible change.
pub struct ReaderView<'a> {
    /// What stands in the article's place.
    pub content: Content<'a>,
    /// The related list stays while another article loads or fails, so readers can move on.
    pub related: RelatedList<'a>,
    /// The language the view speaks.
    pub locale: &'a Locale,
    /// Something is still on its way (announced to assistive technology).
    pub busy: bool,
    /// The reader's root element, which focus and scrolling need.
    pub node_ref: NodeRef,
}

/// Renders [`ReaderView`]: a plain function, since each component costs the wasm its own
/// lifecycle code.
pub fn reader_view(view: ReaderView<'_>) -> Html {
    let labels = view.locale.labels;
    let content = match view.content {
        Content::Loading => loading_status(labels),
        Content::Failed { error, on_retry } => error_status(error, on_retry, labels),
        Content::Article(props) => html! { <ArticleView ..props /> },
    };
    html! {
        <div class="reader" ref={view.node_ref} lang={view.locale.lang.clone()}
             dir={view.locale.direction.attr()} aria-busy={view.busy.then_some("true")}>
            { content }
            { related_list(&view.related) }
        </div>
    }
}
