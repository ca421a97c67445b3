//! Yew components. [`Reader`] loads data and holds state; [`ArticleView`] follows the reader's
//! progress through an article. Everything else only renders what it is given, as plain
//! functions returning [`yew::Html`], so it renders the same natively (server-side) and in the
//! browser; the two components get their props as whole structs (`<ArticleView ..props />`):
//! each component and each props builder costs the wasm its own code.

mod article_view;
mod author_card;
mod body;
mod reader;
mod reader_view;
mod related_list;
mod share_bar;
mod status;

pub use article_view::{ArticleView, ArticleViewProps};
pub use author_card::author_card;
pub use body::{body_view, use_body_blocks};
pub use reader::{Reader, ReaderEvent, ReaderProps};
pub use reader_view::{reader_view, Content, ReaderView};
pub use related_list::{related_list, RelatedList, RelatedState};
pub use share_bar::{share_bar, CopyState, ShareBar};
pub use status::{error_status, loading_status, LoadError, MAX_DOCUMENT_BYTES};
