//! Hooks shared by components.

mod use_document;
mod use_label_table;
mod use_now;
mod use_reading_progress;

pub use use_document::{use_document, DocumentRequest};
pub use use_label_table::use_label_table;
pub use use_now::use_now;
pub use use_reading_progress::{use_reading_progress, ReadingProgress};
