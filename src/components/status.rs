use yew::prelude::*;

use crate::i18n::Labels;

#[derive(Properties, PartialEq)]
pub struct LoadingStatusProps {
    pub labels: Labels,
}

/// A placeholder with the article's shape while it loads, announced as busy.
#[component]
pub fn LoadingStatus(props: &LoadingStatusProps) -> Html {
    html! {
        <div part="status" class="status status--loading" role="status" aria-busy="true">
            <span class="visually-hidden">{ props.labels.loading }</span>
            <span class="skeleton skeleton--title" aria-hidden="true"></span>
            <span class="skeleton skeleton--line" aria-hidden="true"></span>
            <span class="skeleton skeleton--line" aria-hidden="true"></span>
            <span class="skeleton skeleton--line skeleton--short" aria-hidden="true"></span>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorStatusProps {
    pub message: &'static str,
    pub on_retry: Callback<()>,
    pub labels: Labels,
}

/// What went wrong, in words a reader understands, and a way to try again.
#[component]
pub fn ErrorStatus(props: &ErrorStatusProps) -> Html {
    let on_click = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div part="status" class="status status--error" role="alert">
            <p class="status__message">{ props.message }</p>
            <button part="retry" class="status__retry" type="button" onclick={on_click}>
                { props.labels.retry }
            </button>
        </div>
    }
}
