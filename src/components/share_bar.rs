use yew::prelude::*;

use crate::i18n::{self, Labels};
use crate::services::clipboard;
use crate::share::Network;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// The address shared.
    pub url: AttrValue,
    pub title: AttrValue,
    pub labels: Labels,
    /// Told of every share control used, with the network's id (`copy` for copy link).
    #[prop_or_default]
    pub on_share: Callback<&'static str>,
}

#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    Refused,
}

/// Share links that work without scripts or popups (plain links) and a copy-link button.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let copy_state = use_state_eq(|| CopyState::Idle);
    let labels = props.labels;

    let on_copy = {
        let url = props.url.clone();
        let copy_state = copy_state.clone();
        let on_share = props.on_share.clone();
        Callback::from(move |_: MouseEvent| {
            let url = url.clone();
            let copy_state = copy_state.clone();
            on_share.emit("copy");
            yew::platform::spawn_local(async move {
                let copied = clipboard::write_text(&url).await;
                copy_state.set(if copied {
                    CopyState::Copied
                } else {
                    CopyState::Refused
                });
            });
        })
    };

    let links = Network::DEFAULT.iter().map(|&network| {
        let on_share = props.on_share.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_share.emit(network.id()));
        html! {
            <li>
                <a part="share-link" class={classes!("share__link", format!("share__link--{}", network.id()))}
                   href={network.share_href(&props.url, &props.title)}
                   target="_blank" rel="noopener noreferrer"
                   aria-label={i18n::fill(labels.share_on, network.label())}
                   data-network={network.id()} {onclick}>
                    { network.label() }
                </a>
            </li>
        }
    });

    let confirmation = match *copy_state {
        CopyState::Copied => labels.link_copied,
        CopyState::Refused => labels.copy_failed,
        CopyState::Idle => "",
    };

    html! {
        <section part="share" class="share" aria-label={labels.share}>
            <h2 class="share__heading">{ labels.share }</h2>
            <ul class="share__list">
                { for links }
                <li>
                    <button part="share-link" class="share__link share__link--copy" type="button"
                            data-network="copy" onclick={on_copy}>
                        { labels.copy_link }
                    </button>
                </li>
            </ul>
            <p class="share__confirmation" role="status" aria-live="polite">{ confirmation }</p>
            if *copy_state == CopyState::Refused {
                <input class="share__fallback" type="text" readonly=true value={props.url.clone()}
                       aria-label={labels.copy_link} />
            }
        </section>
    }
}
