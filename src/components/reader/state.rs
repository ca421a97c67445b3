//! The reader's state, in one place: what is asked for, the load under way, what is shown, and
//! what to do once it is (take focus, restore a scroll position). Actions name every way it
//! changes; nothing else changes it. Pure, so its transitions are tested natively.

use std::rc::Rc;

use yew::prelude::*;

use super::super::LoadError;
use crate::model::Article;
use crate::services::fetcher::CachePolicy;

/// Where an article comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A document, fetched by its absolute URL.
    Document(AttrValue),
    /// A post the related list carried whole.
    Carried(Rc<Article>),
}

/// One load: where from, whether a kept answer will do, and what to do once it is shown.
/// Each has a number of its own, so an answer for an older load is told apart.
#[derive(Clone, Debug, PartialEq)]
pub struct Load {
    pub id: u64,
    pub target: Target,
    pub policy: CachePolicy,
    /// Move focus to the article once shown (the reader opened it).
    pub focus: bool,
    /// Scroll to this position once shown (back and forward).
    pub scroll: Option<f64>,
}

/// What the reader shows in the article's place.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    Loading,
    Ready(Rc<Article>),
    Failed(LoadError),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReaderState {
    /// The host's `src`, absolute.
    pub src: AttrValue,
    /// The related post opened in place, by the key that names it in the page's history;
    /// `None` while `src` is shown.
    pub opened: Option<AttrValue>,
    pub load: Load,
    pub shown: Shown,
}

/// Every way the state changes.
pub enum Action {
    /// The host set `src`: show it, leaving any article opened in place.
    Source(AttrValue),
    /// The reader opened a related post (named `key` in history): it takes focus once shown.
    Open { key: AttrValue, target: Target },
    /// The page's history names what to show (a deep link, back, forward): `None` is `src`.
    /// Back and forward also bring the scroll position and focus of that entry.
    Restore {
        opened: Option<(AttrValue, Target)>,
        scroll: Option<f64>,
        focus: bool,
    },
    /// "Try again": the same article, asked of the server again.
    Retry,
    /// A load finished; an answer for any load but the current one is stale and ignored.
    Settled {
        load: u64,
        result: Result<Rc<Article>, LoadError>,
    },
}

impl ReaderState {
    /// The state before anything is loaded: `src` is asked for.
    pub fn new(src: AttrValue) -> ReaderState {
        ReaderState {
            load: Load {
                id: 0,
                target: Target::Document(src.clone()),
                policy: CachePolicy::Reuse,
                focus: false,
                scroll: None,
            },
            src,
            opened: None,
            shown: Shown::Loading,
        }
    }

    /// Whether what is shown is the answer to the current load (not still loading).
    pub fn settled(&self) -> bool {
        !matches!(self.shown, Shown::Loading)
    }

    /// A new load of `target`; a carried article is shown at once.
    fn start(&self, target: Target, policy: CachePolicy) -> ReaderState {
        let shown = match &target {
            Target::Carried(article) => Shown::Ready(article.clone()),
            Target::Document(_) => Shown::Loading,
        };
        ReaderState {
            load: Load {
                id: self.load.id + 1,
                target,
                policy,
                focus: false,
                scroll: None,
            },
            shown,
            ..self.clone()
        }
    }
}

impl Reducible for ReaderState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Source(src) if src == self.src && self.opened.is_none() => return self,
            Action::Source(src) => ReaderState {
                src: src.clone(),
                opened: None,
                ..self.start(Target::Document(src), CachePolicy::Reuse)
            },
            Action::Open { key, target } => {
                let mut next = self.start(target, CachePolicy::Reuse);
                next.opened = Some(key);
                next.load.focus = true;
                next
            }
            Action::Restore { opened, .. }
                if opened.as_ref().map(|(key, _)| key) == self.opened.as_ref() =>
            {
                return self;
            }
            Action::Restore {
                opened,
                scroll,
                focus,
            } => {
                let (key, target) = match opened {
                    Some((key, target)) => (Some(key), target),
                    None => (None, Target::Document(self.src.clone())),
                };
                let mut next = self.start(target, CachePolicy::Reuse);
                next.opened = key;
                next.load.focus = focus;
                next.load.scroll = scroll;
                next
            }
            Action::Retry => self.start(self.load.target.clone(), CachePolicy::Refresh),
            Action::Settled { load, .. } if load != self.load.id => return self,
            Action::Settled { result, .. } => ReaderState {
                shown: match result {
                    Ok(article) => Shown::Ready(article),
                    Err(error) => Shown::Failed(error),
                },
                ..(*self).clone()
            },
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::fetcher::FetchError;

    fn article(title: &str) -> Rc<Article> {
        Rc::new(Article {
            id: title.into(),
            title: Some(title.into()),
            ..Article::default()
        })
    }

    fn start() -> Rc<ReaderState> {
        Rc::new(ReaderState::new("https://e.example/a.json".into()))
    }

    #[test]
    fn a_source_is_loaded_then_shown() {
        let state = start();
        assert_eq!(state.shown, Shown::Loading);
        assert_eq!(
            state.load.target,
            Target::Document("https://e.example/a.json".into())
        );
        let loaded = article("A");
        let state = state.reduce(Action::Settled {
            load: 0,
            result: Ok(loaded.clone()),
        });
        assert_eq!(state.shown, Shown::Ready(loaded));
        assert!(state.settled());
    }

    #[test]
    fn an_answer_for_an_older_load_is_ignored() {
        let state = start().reduce(Action::Source("https://e.example/b.json".into()));
        assert_eq!(state.load.id, 1);
        let after = state.clone().reduce(Action::Settled {
            load: 0,
            result: Ok(article("stale")),
        });
        assert!(Rc::ptr_eq(&after, &state), "nothing changed");
    }

    #[test]
    fn the_same_source_again_changes_nothing_and_a_new_one_leaves_the_opened_post() {
        let state = start();
        let same = state.clone().reduce(Action::Source(state.src.clone()));
        assert!(Rc::ptr_eq(&same, &state));
        let opened = state.reduce(Action::Open {
            key: "p2".into(),
            target: Target::Document("https://e.example/p2.json".into()),
        });
        // The host setting the same `src` again brings its article back.
        let back = opened.reduce(Action::Source("https://e.example/a.json".into()));
        assert_eq!(back.opened, None);
        assert_eq!(
            back.load.target,
            Target::Document("https://e.example/a.json".into())
        );
        assert!(!back.load.focus);
    }

    #[test]
    fn opening_a_carried_post_shows_it_at_once_and_focuses_it() {
        let carried = article("Carried");
        let state = start().reduce(Action::Open {
            key: "c".into(),
            target: Target::Carried(carried.clone()),
        });
        assert_eq!(state.shown, Shown::Ready(carried));
        assert_eq!(state.opened.as_deref(), Some("c"));
        assert!(state.load.focus);
        assert_eq!(state.load.policy, CachePolicy::Reuse);
    }

    #[test]
    fn retry_asks_the_server_again_for_the_same_article() {
        let state = start().reduce(Action::Settled {
            load: 0,
            result: Err(LoadError::Fetch(FetchError::Timeout)),
        });
        assert!(matches!(state.shown, Shown::Failed(_)));
        let retried = state.reduce(Action::Retry);
        assert_eq!(retried.shown, Shown::Loading);
        assert_eq!(retried.load.id, 1);
        assert_eq!(retried.load.policy, CachePolicy::Refresh);
        assert_eq!(
            retried.load.target,
            Target::Document("https://e.example/a.json".into())
        );
    }

    #[test]
    fn history_restores_what_it_names_with_its_scroll_position() {
        let carried = article("C");
        let state = start().reduce(Action::Restore {
            opened: Some(("c".into(), Target::Carried(carried.clone()))),
            scroll: Some(420.0),
            focus: true,
        });
        assert_eq!(state.opened.as_deref(), Some("c"));
        assert_eq!(state.load.scroll, Some(420.0));
        assert_eq!(state.shown, Shown::Ready(carried));
        // The entry that names nothing is the host's own article again.
        let back = state.reduce(Action::Restore {
            opened: None,
            scroll: Some(0.0),
            focus: true,
        });
        assert_eq!(back.opened, None);
        assert_eq!(back.shown, Shown::Loading);
        // History naming what is already shown (a deep link on start) loads nothing again.
        let same = back.clone().reduce(Action::Restore {
            opened: None,
            scroll: None,
            focus: false,
        });
        assert!(Rc::ptr_eq(&same, &back));
    }
}
