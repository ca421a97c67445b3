//! The widget's contact with the outside: fetching documents, the clock, the clipboard.
//!
//! Each is an injectable value or a thin wrapper, so components stay testable natively and
//! with stubs in the browser.

pub mod clipboard;
pub mod clock;
pub mod fetcher;
pub mod history;
#[cfg(browser)]
pub mod http;
pub mod page;
