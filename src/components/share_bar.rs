use yew::prelude::*;

use crate::i18n::{fill, Labels};
use crate::services::clipboard;
use crate::share::{Network, SharePayload};

/// What the share bar shows and whom it tells.
pub struct ShareBar<'a> {
    /// What is shared: the URL and the title.
    pub payload: SharePayload,
    /// The controls, in order.
    pub networks: &'a [Network],
    /// The controls' accessible names.
    pub labels: Labels,
    /// Told of every share control used, with the URL shared there.
    pub on_share: &'a Callback<(Network, String)>,
    /// How the last copy went: its owner keeps it, so it survives re-renders.
    pub copy_state: UseStateHandle<CopyState>,
}

/// How the last "copy link" went.
#[derive(Clone, Copy, Default, PartialEq)]
pub enum CopyState {
    #[default]
    /// Not used yet.
    Idle,
    /// The link is on the clipboard.
    Copied,
    /// The browser refused the clipboard: the link is shown to copy by hand.
    Refused,
}

/// Share links that work without scripts or popups (plain links), copy link, and the
/// browser's share sheet where there is one. Nothing is contacted until the reader clicks.
/// A plain function, not a component: each component costs the wasm its own lifecycle code.
pub fn share_bar(props: ShareBar<'_>) -> Html {
    let copy_state = props.copy_state.clone();
    let native_available = clipboard::can_share_natively();
    let labels = props.labels;

    // Networks are plain links; copy and the share sheet are buttons. One click handler
    // tells the host of each, and does the buttons' work.
    let controls = props.networks.iter().filter_map(|&network| {
        if network == Network::Native && !native_available {
            return None;
        }
        let name = network.label(&labels);
        let href = props.payload.href(network);
        let onclick = {
            let url = props.payload.url_for(network);
            let title = props.payload.title.clone();
            let on_share = props.on_share.clone();
            let copy_state = copy_state.clone();
            Callback::from(move |_: MouseEvent| {
                on_share.emit((network, url.clone()));
                let (url, title, copy_state) = (url.clone(), title.clone(), copy_state.clone());
                match network {
                    Network::Copy => yew::platform::spawn_local(async move {
                        let copied = clipboard::write_text(&url).await;
                        copy_state.set(if copied {
                            CopyState::Copied
                        } else {
                            CopyState::Refused
                        });
                    }),
                    Network::Native => yew::platform::spawn_local(async move {
                        clipboard::share_natively(&title, &url).await;
                    }),
                    _ => {}
                }
            })
        };
        let content = html! { <>{ icon(network) }<span>{ name }</span></> };
        Some(html! {
            <li>
                if let Some(href) = href {
                    <a part="share-link" class="share__link" {href} target="_blank"
                       rel="noopener noreferrer" aria-label={fill(labels.share_on(), name)}
                       data-network={network.id()} {onclick}>{ content }</a>
                } else {
                    <button part="share-link" class="share__link" type="button"
                            data-network={network.id()} {onclick}>{ content }</button>
                }
            </li>
        })
    });

    let confirmation = match *copy_state {
        CopyState::Copied => labels.link_copied(),
        CopyState::Refused => labels.copy_failed(),
        CopyState::Idle => "",
    };

    html! {
        <section part="share" class="share" aria-label={labels.share()}>
            <h2 class="share__heading">{ labels.share() }</h2>
            <ul class="share__list">{ for controls }</ul>
            <p class="share__confirmation" role="status" aria-live="polite">{ confirmation }</p>
            if *copy_state == CopyState::Refused {
                <input class="share__fallback" type="text" readonly=true
                       value={props.payload.url_for(Network::Copy)} aria-label={labels.copy_link()} />
            }
        </section>
    }
}

/// A small glyph beside each control's name; decorative, so hidden from assistive technology.
fn icon(network: Network) -> Html {
    let shape = match network {
        Network::Email => "M3 5h18v14H3zm2 2v.5l7 4.7 7-4.7V7zm14 2.9-7 4.7-7-4.7V17h14z",
        Network::Copy => "M8 3h11v13h-2V5H8zM5 7h10v14H5zm2 2v10h6V9z",
        Network::Native => "M18 2a3 3 0 1 1-2.8 4.1L8.9 9.6a3 3 0 0 1 0 4.8l6.3 3.5A3 3 0 1 1 15 19l-6.9-3.8a3 3 0 1 1 0-6.4L15 5a3 3 0 0 1 3-3z",
        _ => "M14 3h7v7h-2V6.4l-9.3 9.3-1.4-1.4L17.6 5H14zM5 5h6v2H7v10h10v-4h2v6H5z",
    };
    html! {
        <svg class="share__icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
            <path d={shape} />
        </svg>
    }
}
