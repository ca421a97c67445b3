//! Text rules readers see as numbers and snippets: reading time, relative time, excerpts.
//! All pure and browser-free.

pub mod excerpt;
pub mod reading_time;
pub mod relative_time;
mod segmenter;
pub mod words;
