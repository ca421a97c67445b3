//! article-reader: an embeddable article page (title, reading time, body, author, share bar,
//! related posts) rendered by Yew from the JSON a publisher already serves.
//!
//! The pure layers (`model`, `formats`, `text`, `share`, `embed::config`) know nothing of the
//! browser and are tested natively; `components` render natively too (server-side) and in the
//! browser; `services::http` and `embed::element` exist only in wasm.

pub mod components;
pub mod embed;
pub mod formats;
pub mod hooks;
pub mod i18n;
pub mod model;
pub mod sanitize;
pub mod services;
pub mod share;
pub mod text;
pub mod url;
