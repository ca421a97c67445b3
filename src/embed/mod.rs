//! The `<article-reader>` element: configuration from attributes, and (in wasm) mounting a
//! [`crate::components::Reader`] into the element's shadow root.
//!
//! The element class itself lives in the small loader module `article-reader.js`, which
//! starts the wasm and calls [`element::mount`] for each element.

pub mod config;
#[cfg(target_arch = "wasm32")]
pub mod element;
#[cfg(target_arch = "wasm32")]
mod events;

/// The widget's stylesheet, adopted by every shadow root.
pub const WIDGET_CSS: &str = include_str!("../../styles/widget.css");
