//! Yew components. [`Reader`] loads data and holds state; the others only render what they are
//! given, so they render the same natively (server-side) and in the browser. Views without
//! state of their own are plain functions returning [`yew::Html`], and components get their
//! props as whole structs (`<ArticleView ..props />`): each component and each props builder
//! costs the wasm its own code.

mod article_view;
mod author_card;
mod body;
mod reader;
mod related_list;
mod share_bar;
mod status;

pub use article_view::{ArticleView, ArticleViewProps};
pub use author_card::author_card;
pub use body::{BodyView, BodyViewProps};
pub use reader::{Reader, ReaderEvent, ReaderProps};
pub use related_list::{related_list, RelatedList, RelatedState};
pub use share_bar::{ShareBar, ShareBarProps};
pub use status::{error_status, loading_status, LoadError};
