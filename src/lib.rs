//! article-reader: an embeddable article page (title, reading time, body, author, share bar,
//! related posts) rendered by Yew from the JSON a publisher already serves.
//!
//! The pure layers (`model`, `formats`, `text`, `share`, `embed::config`) know nothing of the
//! browser and are tested natively; `components` render natively too (server-side) and in the
//! browser; `services::http` and `embed::element` exist only in wasm.
//!
//! For a Yew app: [`components::Reader`] with its [`components::ReaderProps`] (see
//! `docs/crate.md` and `examples/yew-app/`); features `csr` (the browser) and `ssr` (rendering
//! to HTML, [`prerender`]) are the app's choice.
#![warn(missing_docs)]

pub mod components;
pub mod embed;
pub mod formats;
pub mod hooks;
pub mod i18n;
pub mod model;
#[cfg(all(not(browser), feature = "ssr"))]
pub mod prerender;
pub mod sanitize;
pub mod services;
pub mod share;
pub mod text;
pub mod url;

/// The wasm's allocator: Talc instead of the standard library's dlmalloc, for a smaller bundle
/// (the widget is single-threaded, which is what this configuration assumes).
#[cfg(all(browser, not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
