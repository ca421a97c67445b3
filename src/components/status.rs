//! What the reader shows instead of an article: loading, or why it could not load.
//!
//! Plain functions rather than components: they have no state of their own, and each
//! component costs the wasm its own copy of Yew's lifecycle code.

use yew::prelude::*;

use crate::i18n::Labels;

/// A placeholder with the article's shape while it loads, announced as busy.
pub fn loading_status(labels: Labels) -> Html {
    html! {
        <div part="status" class="status status--loading" role="status" aria-busy="true">
            <span class="visually-hidden">{ labels.loading }</span>
            <span class="skeleton skeleton--title" aria-hidden="true"></span>
            <span class="skeleton skeleton--line" aria-hidden="true"></span>
            <span class="skeleton skeleton--line" aria-hidden="true"></span>
            <span class="skeleton skeleton--line skeleton--short" aria-hidden="true"></span>
        </div>
    }
}

/// What went wrong, in words a reader understands, and a way to try again. `detail` names
/// the problem for the publisher (which field of the document is wrong, and where).
pub fn error_status(
    message: &'static str,
    detail: Option<String>,
    on_retry: &Callback<()>,
    labels: Labels,
) -> Html {
    let on_click = on_retry.reform(|_: MouseEvent| ());
    html! {
        <div part="status" class="status status--error" role="alert">
            <p class="status__message">{ message }</p>
            if let Some(detail) = detail {
                <p class="status__detail"><code>{ detail }</code></p>
            }
            <button part="retry" class="status__retry" type="button" onclick={on_click}>
                { labels.retry }
            </button>
        </div>
    }
}
