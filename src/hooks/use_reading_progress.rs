use yew::prelude::*;

use crate::model::{Article, Shared};
use crate::text::reading_time;
use crate::text::words::{TextCounts, WordCounter};

/// How long the body takes to read, and how far through it the reader is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ReadingProgress {
    /// Minutes to read the whole body: the source's own figure when it gives one, else our
    /// count; `None` when there is nothing to read.
    pub total_minutes: Option<u32>,
    /// Share of the body scrolled past the top of the viewport, 0–100.
    pub percent: u8,
    /// Minutes to read what has not yet scrolled past the top of the viewport (all of it, at
    /// the page's end: what is in view); `None` when nothing is left.
    pub minutes_left: Option<u32>,
}

/// What each top-level block of the body costs to read, in reading-time terms.
#[derive(Clone, Copy, Default, PartialEq)]
struct BlockCost {
    counts: TextCounts,
    images: u32,
}

fn block_costs(article: &Article) -> Vec<BlockCost> {
    // One counter for the body, so its segmenter budget holds for the whole of it.
    let mut counter = WordCounter::default();
    article
        .body
        .nodes()
        .iter()
        .map(|node| BlockCost {
            counts: counter.count(&node.text()),
            images: node.image_count(),
        })
        .collect()
}

/// How long the body takes: our speed, and the source's own figure if it states one.
#[derive(Clone, Copy, PartialEq)]
struct Pace {
    words_per_minute: u32,
    stated_minutes: Option<u32>,
}

/// The counts and images of the blocks from `first` on.
fn sum_from(costs: &[BlockCost], first: usize) -> (TextCounts, u32) {
    let rest = costs.get(first..).unwrap_or_default();
    let counts = rest
        .iter()
        .fold(TextCounts::default(), |sum, c| sum + c.counts);
    (counts, rest.iter().map(|c| c.images).sum())
}

/// Minutes to read the blocks from `first` on. With a stated figure, the same share of it as
/// the blocks are of the whole body, so the bar at the top says what the byline says.
fn minutes_from(costs: &[BlockCost], first: usize, pace: Pace) -> Option<u32> {
    let (counts, images) = sum_from(costs, first);
    let ours = reading_time::minutes(counts, images, pace.words_per_minute);
    let Some(stated) = pace.stated_minutes else {
        return ours;
    };
    let weight = |(counts, images)| reading_time::weight(counts, images, pace.words_per_minute);
    let (rest, total) = (weight((counts, images)), weight(sum_from(costs, 0)));
    if first == 0 || total == 0 {
        return Some(stated);
    }
    ours?;
    // In 64 bits (128-bit division costs the wasm a kilobyte): weights of real bodies are far
    // below where the product saturates, and the share never exceeds the stated figure.
    let share = u64::from(stated).saturating_mul(rest).div_ceil(total);
    Some(
        u32::try_from(share)
            .unwrap_or(stated)
            .clamp(1, stated.max(1)),
    )
}

/// Counts the body once, block by block: its reading time (the source's own figure when it
/// states one), and, following the window's scrolling, the reader's progress through the body
/// whose element is `body_ref` (whose children are the body's top-level blocks, in order).
#[hook]
pub fn use_reading_progress(
    article: Shared<Article>,
    body_ref: NodeRef,
    words_per_minute: u32,
) -> ReadingProgress {
    let pace = Pace {
        words_per_minute,
        stated_minutes: article.reading_minutes,
    };
    let costs = use_memo(article, |article| block_costs(article));
    let at_start = |costs: &[BlockCost], pace: Pace| {
        let total = minutes_from(costs, 0, pace);
        ReadingProgress {
            total_minutes: total,
            percent: 0,
            minutes_left: total,
        }
    };
    let progress = use_state_eq(|| at_start(&costs, pace));
    {
        let progress = progress.clone();
        use_effect_with((costs, pace), move |(costs, pace)| {
            progress.set(at_start(costs, *pace));
            #[cfg(browser)]
            let listeners = browser::follow_scroll(body_ref, costs.clone(), *pace, progress);
            #[cfg(not(browser))]
            let listeners: Vec<()> = {
                let _ = (body_ref, progress);
                Vec::new()
            };
            move || drop(listeners)
        });
    }
    *progress
}

#[cfg(browser)]
mod browser {
    use std::rc::Rc;

    use gloo::events::{EventListener, EventListenerOptions};
    use wasm_bindgen::JsCast;
    use yew::{NodeRef, UseStateHandle};

    use super::{minutes_from, BlockCost, Pace, ReadingProgress};

    /// Where words count as read, in viewport coordinates: once they have scrolled past the
    /// top of the viewport, so at the top of an article the time left is the reading time.
    /// Scrolled to the page's end, nothing is left to scroll past: the line is the viewport's
    /// bottom, and what is in view counts as read.
    fn read_line(window: &web_sys::Window, viewport_height: f64) -> f64 {
        let scrolled = window.scroll_y().unwrap_or(0.0);
        let page_height = window
            .document()
            .and_then(|d| d.document_element())
            .map_or(0.0, |e| f64::from(e.scroll_height()));
        if scrolled > 0.0 && scrolled + viewport_height >= page_height - 1.0 {
            viewport_height
        } else {
            0.0
        }
    }

    /// Listens to scroll and resize on the window; dropping the result stops listening.
    pub fn follow_scroll(
        body_ref: NodeRef,
        costs: Rc<Vec<BlockCost>>,
        pace: Pace,
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
            let viewport_height = window
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            let line = read_line(&window, viewport_height);
            let blocks = body.children();
            let count = blocks.length();
            // Blocks are in document order: find the first whose bottom is below the line (by a
            // pixel at least: scroll positions are rounded, and a sliver is not text to read).
            let (mut low, mut high) = (0u32, count);
            while low < high {
                let mid = (low + high) / 2;
                let bottom = blocks
                    .item(mid)
                    .map(|b| b.get_bounding_client_rect().bottom())
                    .unwrap_or(f64::MAX);
                if bottom < line + 1.0 {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            let rect = body.get_bounding_client_rect();
            let read = ((line - rect.top()) / rect.height().max(1.0)).clamp(0.0, 1.0);
            progress.set(ReadingProgress {
                total_minutes: minutes_from(&costs, 0, pace),
                percent: (read * 100.0).round() as u8,
                minutes_left: if low >= count {
                    None
                } else {
                    minutes_from(&costs, low as usize, pace)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn costs(words: &[u64]) -> Vec<BlockCost> {
        words
            .iter()
            .map(|&words| BlockCost {
                counts: TextCounts {
                    words,
                    cjk_chars: 0,
                },
                images: 0,
            })
            .collect()
    }

    #[test]
    fn a_stated_figure_is_the_time_left_at_the_top_and_shrinks_in_proportion() {
        // 400 words is 2 minutes by our count; the source says 6.
        let blocks = costs(&[100, 100, 100, 100]);
        let stated = Pace {
            words_per_minute: 200,
            stated_minutes: Some(6),
        };
        assert_eq!(minutes_from(&blocks, 0, stated), Some(6));
        assert_eq!(
            minutes_from(&blocks, 1, stated),
            Some(5),
            "3/4 of 6, rounded up"
        );
        assert_eq!(minutes_from(&blocks, 2, stated), Some(3));
        assert_eq!(minutes_from(&blocks, 3, stated), Some(2));
        assert_eq!(minutes_from(&blocks, 4, stated), None, "nothing left");
        let ours = Pace {
            words_per_minute: 200,
            stated_minutes: None,
        };
        assert_eq!(minutes_from(&blocks, 0, ours), Some(2));
        assert_eq!(minutes_from(&blocks, 2, ours), Some(1));
    }
}
