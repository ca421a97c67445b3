//! A shared, immutable value compared by identity.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// An `Rc` whose equality is identity: two `Shared` are equal when they are the same value.
///
/// Articles are built once and never changed, so identity says all equality would, without
/// comparing a long body word by word each time a component re-renders (a scroll of the
/// reading-progress bar re-renders the article view).
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_only_to_itself() {
        let a = Shared::new(String::from("same text"));
        let b = Shared::new(String::from("same text"));
        assert!(a == a.clone());
        assert!(a != b, "equal contents, different values");
    }
}
