//! Stable sorting with one compiled sort for the whole program.
//!
//! `slice::sort_by` is generic over the element type and the comparison,
//! so every call site compiles its own copy of the standard library's
//! driftsort — about 3.5 KB of wasm each, over 40 copies in the app. Here
//! the sorting itself runs once, on positions (`usize`) with the comparison
//! behind a `&dyn Fn`; each call site adds only a small closure and the
//! loop that moves the elements into place. Results are exactly those of
//! `slice::sort_by` (stable: equal elements keep their order).
//!
//! The engine's per-position candidate sorts stay on `sort_unstable_by_key`
//! (one instantiation, hot path, keys already unique).
//!
//! The rule is enforced, not reviewed: clippy.toml disallows the standard
//! stable sorts (`slice::sort`, `sort_by`, `sort_by_key`,
//! `sort_by_cached_key`) everywhere, tests included; the one call here is
//! the allowed exception.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `compare`, stable.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key `key` gives, stable.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stable.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Collects pairs into a map. `collect()` into a `BTreeMap` sorts a vector
/// first (one more sort compiled per key and value type); inserting one by
/// one gives the same map: a later pair with an equal key replaces the value.
pub fn map_from<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

/// Collects items into a set, without the sort `collect()` compiles.
pub fn set_from<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

/// The positions `0..n` in the order `compare` gives them (stable). The one
/// place a sort is compiled.
fn sorted_positions(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    #[allow(clippy::disallowed_methods)] // the one allowed call
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Rearranges `items` so that the element at `order[i]` ends at `i`, by
/// following the permutation's cycles with swaps (no clone, no extra `T`).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the standard sorts are the reference
mod tests {
    use super::*;
    use crate::core::rng::Rng;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut rng = Rng::new(7);
        for len in [0usize, 1, 2, 3, 10, 100, 1000] {
            // Few distinct keys, so stability matters.
            let items: Vec<(u64, usize)> = (0..len).map(|i| (rng.below(5), i)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|x| x.0);
            let mut got = items.clone();
            sort_by_key(&mut got, |x| x.0);
            assert_eq!(got, expected, "length {len}");
            let mut reversed = items.clone();
            sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
            expected.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(reversed, expected, "length {len}, descending");
            let mut natural = items;
            sort(&mut natural);
            expected.sort();
            assert_eq!(natural, expected, "length {len}, natural");
        }
    }

    #[test]
    fn maps_and_sets_equal_what_collect_builds() {
        let pairs = [(3, "c"), (1, "a"), (3, "z"), (2, "b")];
        let collected: BTreeMap<i32, &str> = pairs.iter().copied().collect();
        assert_eq!(map_from(pairs), collected);
        assert_eq!(map_from(pairs)[&3], "z", "the later value wins");
        let collected: BTreeSet<i32> = pairs.iter().map(|p| p.0).collect();
        assert_eq!(set_from(pairs.iter().map(|p| p.0)), collected);
    }

    #[test]
    fn moves_owned_values_without_losing_any() {
        let mut words: Vec<String> = ["delta", "alpha", "echo", "charlie", "bravo", "alpha"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sort(&mut words);
        assert_eq!(
            words,
            ["alpha", "alpha", "bravo", "charlie", "delta", "echo"]
        );
    }
}
