//! [`Shared`]: a part of a workspace that copies of it share until one of
//! them changes it (copy on write).
//!
//! A workspace is copied for every undo step and kept by the plan cache;
//! with tens of thousands of people, copying them each time is what filled
//! a tab's memory. The people, positions, agencies, competencies and past
//! moves are held in `Shared`: a copy of the workspace shares them, and a
//! change through `&mut` (a push, an assignment, `iter_mut`) first copies
//! only the part it changes, and only when another copy still holds it.
//! [`Shared::same`] then tells in constant time that a part has not
//! changed since a copy was taken (the plan cache's fingerprints use it).
//! In files and in storage a `Shared<T>` is written exactly as a `T`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// A value shared between copies until one of them changes it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }

    /// Whether two copies still hold the very same value: then neither has
    /// changed it since one was copied from the other. (`false` says
    /// nothing: equal values may be held apart.)
    pub fn same(a: &Shared<T>, b: &Shared<T>) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A change: copies the value first if another copy holds it.
impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Shared<T> {
        Shared::new(value)
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Shared::new)
    }
}

impl<'a, T> IntoIterator for &'a Shared<T>
where
    &'a T: IntoIterator,
{
    type Item = <&'a T as IntoIterator>::Item;
    type IntoIter = <&'a T as IntoIterator>::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        (&*self.0).into_iter()
    }
}

/// Iterating mutably is a change: it copies first if another copy holds it.
impl<'a, T: Clone> IntoIterator for &'a mut Shared<T>
where
    &'a mut T: IntoIterator,
{
    type Item = <&'a mut T as IntoIterator>::Item;
    type IntoIter = <&'a mut T as IntoIterator>::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        Arc::make_mut(&mut self.0).into_iter()
    }
}

impl<T, U> FromIterator<U> for Shared<T>
where
    T: FromIterator<U>,
{
    fn from_iter<I: IntoIterator<Item = U>>(iter: I) -> Self {
        Shared::new(iter.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_share_until_one_changes() {
        let a: Shared<Vec<u32>> = vec![1, 2, 3].into();
        let mut b = a.clone();
        assert!(Shared::same(&a, &b));
        // Reading does not copy.
        assert_eq!(b.iter().sum::<u32>(), 6);
        assert!(Shared::same(&a, &b));
        b.push(4);
        assert!(!Shared::same(&a, &b));
        assert_eq!(*a, vec![1, 2, 3]);
        assert_eq!(*b, vec![1, 2, 3, 4]);
        // A value no other copy holds is changed in place.
        let before = &*b as *const Vec<u32>;
        b[0] = 9;
        assert_eq!(before, &*b as *const Vec<u32>);
    }

    #[test]
    fn it_is_written_as_its_value() {
        let a: Shared<Vec<u32>> = vec![1, 2].into();
        let text = serde_json::to_string(&a).unwrap();
        assert_eq!(text, "[1,2]");
        let back: Shared<Vec<u32>> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, a);
    }
}
