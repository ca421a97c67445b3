use yew::prelude::*;

use crate::model::{Article, Shared};
use crate::text::reading_time;
use crate::text::words::{self, TextCounts};

/// How long the body takes to read, and how far through it the reader is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ReadingProgress {
    /// Minutes to read the whole body by our count; `None` when there is nothing to read.
    pub total_minutes: Option<u32>,
    /// Share of the body scrolled past, 0–100.
    pub percent: u8,
    /// Minutes to read what is still below the viewport; `None` when all of it is in view.
    pub minutes_left: Option<u32>,
}

/// What each top-level block of the body costs to read, in reading-time terms.
#[derive(Clone, Copy, Default, PartialEq)]
struct BlockCost {
    counts: TextCounts,
    images: u32,
}

fn block_costs(article: &Article) -> Vec<BlockCost> {
    article
        .body
        .nodes
        .iter()
        .map(|node| BlockCost {
            counts: words::count(&node.text()),
            images: node.image_count(),
        })
        .collect()
}

/// Minutes to read the blocks from `first` on.
fn minutes_from(costs: &[BlockCost], first: usize, words_per_minute: u32) -> Option<u32> {
    let rest = costs.get(first..).unwrap_or_default();
    let counts = rest
        .iter()
        .fold(TextCounts::default(), |sum, c| TextCounts {
            words: sum.words + c.counts.words,
            cjk_chars: sum.cjk_chars + c.counts.cjk_chars,
        });
    let images = rest.iter().map(|c| c.images).sum();
    reading_time::minutes(counts, images, words_per_minute)
}

/// Counts the body once, block by block: its reading time, and, following the window's
/// scrolling, the reader's progress through the body whose element is `body_ref` (whose
/// children are the body's top-level blocks, in order).
#[hook]
pub fn use_reading_progress(
    article: Shared<Article>,
    body_ref: NodeRef,
    words_per_minute: u32,
) -> ReadingProgress {
    let costs = use_memo(article, |article| block_costs(article));
    let at_start = |costs: &[BlockCost], wpm: u32| {
        let total = minutes_from(costs, 0, wpm);
        ReadingProgress {
            total_minutes: total,
            percent: 0,
            minutes_left: total,
        }
    };
    let progress = use_state_eq(|| at_start(&costs, words_per_minute));
    {
        let progress = progress.clone();
        use_effect_with((costs, words_per_minute), move |(costs, wpm)| {
            progress.set(at_start(costs, *wpm));
            #[cfg(target_arch = "wasm32")]
            let listeners = browser::follow_scroll(body_ref, costs.clone(), *wpm, progress);
            #[cfg(not(target_arch = "wasm32"))]
            let listeners: Vec<()> = {
                let _ = (body_ref, progress);
                Vec::new()
            };
            move || drop(listeners)
        });
    }
    *progress
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::rc::Rc;

    use gloo::events::{EventListener, EventListenerOptions};
    use wasm_bindgen::JsCast;
    use yew::{NodeRef, UseStateHandle};

    use super::{minutes_from, BlockCost, ReadingProgress};

    /// Listens to scroll and resize on the window; dropping the result stops listening.
    pub fn follow_scroll(
        body_ref: NodeRef,
        costs: Rc<Vec<BlockCost>>,
        words_per_minute: u32,
        progress: UseStateHandle<ReadingProgress>,
    ) -> Vec<EventListener> {
        let Some(window) = web_sys::window() else {
            return Vec::new();
        };
        let update = Rc::new(move || {
            let Some(body) = body_ref.cast::<web_sys::Element>() else {
                return;
            };
            let Some(window) = web_sys::window() else {
                return;
            };
            let viewport_bottom = window
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            let blocks = body.children();
            let count = blocks.length();
            // Blocks are in document order: find the first whose top is below the viewport.
            let (mut low, mut high) = (0u32, count);
            while low < high {
                let mid = (low + high) / 2;
                let top = blocks
                    .item(mid)
                    .map(|b| b.get_bounding_client_rect().top())
                    .unwrap_or(f64::MAX);
                if top < viewport_bottom {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            let rect = body.get_bounding_client_rect();
            let read = ((viewport_bottom - rect.top()) / rect.height().max(1.0)).clamp(0.0, 1.0);
            progress.set(ReadingProgress {
                total_minutes: minutes_from(&costs, 0, words_per_minute),
                percent: (read * 100.0).round() as u8,
                minutes_left: if low >= count {
                    None
                } else {
                    minutes_from(&costs, low as usize, words_per_minute)
                },
            });
        });
        let options = EventListenerOptions::run_in_capture_phase();
        ["scroll", "resize"]
            .into_iter()
            .map(|event| {
                let update = update.clone();
                EventListener::new_with_options(window.unchecked_ref(), event, options, move |_| {
                    update()
                })
            })
            .collect()
    }
}
