//! Yew components. [`Reader`] loads data and holds state; the others only render what they are
//! given, so they render the same natively (server-side) and in the browser.

mod article_view;
mod author_card;
mod body;
mod reader;
mod related_list;
mod share_bar;
mod status;

pub use article_view::{ArticleView, ArticleViewProps};
pub use author_card::AuthorCard;
pub use body::BodyView;
pub use reader::{Reader, ReaderEvent, ReaderProps};
pub use related_list::{RelatedList, RelatedState};
pub use share_bar::ShareBar;
pub use status::{ErrorStatus, LoadingStatus};
