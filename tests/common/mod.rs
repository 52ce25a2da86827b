//! Byte-level damage for the fuzz tests (tests/fuzz_imports.rs,
//! tests/fuzz_sheets.rs): flips, insertions of characters that matter to the
//! format, deletions and truncation; in [`rounds`], the demo workspaces
//! the engine tests plan; in [`edits`], applying edits that must succeed or
//! be refused.
#![allow(dead_code)]

pub mod edits;
pub mod held_out;
pub mod positions;
pub mod rounds;

use proptest::prelude::*;

#[derive(Debug, Clone)]
pub enum Edit {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
    Truncate(usize),
}

/// Applies one edit; positions wrap around the current length.
pub fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let n = bytes.len().max(1);
    match *edit {
        Edit::Flip(i, b) => {
            if let Some(x) = bytes.get_mut(i % n) {
                *x ^= b | 1;
            }
        }
        Edit::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
        Edit::Delete(i, len) => {
            let i = i % n;
            let end = (i + len % 64).min(bytes.len());
            if i < end {
                bytes.drain(i..end);
            }
        }
        Edit::Truncate(i) => bytes.truncate(i % n),
    }
}

/// `base` damaged by every edit in turn.
pub fn damaged(base: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    for e in edits {
        apply(&mut bytes, e);
    }
    bytes
}

/// Between 1 and `max - 1` edits; insertions use `inserts`, the bytes that
/// matter to the format under test.
pub fn edits(inserts: &'static [u8], max: usize) -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(
        prop_oneof![
            (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Flip(i, b)),
            (any::<usize>(), prop::sample::select(inserts)).prop_map(|(i, b)| Edit::Insert(i, b)),
            (any::<usize>(), any::<usize>()).prop_map(|(i, l)| Edit::Delete(i, l)),
            any::<usize>().prop_map(Edit::Truncate),
        ],
        1..max,
    )
}
