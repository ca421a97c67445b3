//! Helpers shared by the browser tests: a fresh root to mount into, waiting for conditions,
//! and reading text by selector.
#![allow(dead_code)]

use web_sys::Element;

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// A fresh element in the page to mount into.
pub fn new_root() -> Element {
    let root = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    root
}

/// Lets rendering and pending work (stubbed or real fetches) run until `done` holds, giving
/// up after five seconds. It waits for a condition, never for a fixed time.
pub async fn settle_until(done: impl Fn() -> bool) -> bool {
    let deadline = js_sys::Date::now() + 5_000.0;
    while js_sys::Date::now() < deadline {
        yew::scheduler::flush().await;
        if done() {
            return true;
        }
        // Yield a whole task, so network responses and timers get their turn.
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
    }
    false
}

/// The trimmed text of the first element matching `selector`.
pub fn text_of(root: &Element, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .map(|t| t.trim().to_owned())
}
