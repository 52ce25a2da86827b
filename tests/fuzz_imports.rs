//! Bounded fuzzing of the importers (runs with `cargo test`): damaged plan
//! files and stored entries must give an error, never a panic, and a file
//! that is accepted must validate. Each case is a real plan file mutated by
//! byte flips, insertions, deletions and truncation, or a value swapped deep
//! in its JSON tree.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use mutasi_planner::core::demo::{generate, DemoConfig};
use mutasi_planner::core::io::{plan_file, storage_codec};
use mutasi_planner::core::model::Severity;
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

fn base() -> &'static (String, Value, String) {
    static BASE: OnceLock<(String, Value, String)> = OnceLock::new();
    BASE.get_or_init(|| {
        let ws = generate(&DemoConfig {
            asn: 25,
            seed: 3,
            ..DemoConfig::default()
        });
        let text = plan_file::write_compact(&ws, "2026-11-28T00:00:00Z");
        let value = serde_json::from_str(&text).unwrap();
        (text, value, storage_codec::encode(&ws, "t").text)
    })
}

/// Bytes that matter to JSON.
const JSON_BYTES: &[u8] = &[b'"', b'{', b']', b',', b'9', 0xff];

fn edits() -> impl Strategy<Value = Vec<common::Edit>> {
    common::edits(JSON_BYTES, 6)
}

/// Replaces the `k`-th leaf of a JSON tree (depth-first) with `new`.
fn replace_leaf(v: &mut Value, k: &mut usize, new: &Value) -> bool {
    match v {
        Value::Object(map) => map.values_mut().any(|x| replace_leaf(x, k, new)),
        Value::Array(items) => items.iter_mut().any(|x| replace_leaf(x, k, new)),
        leaf => {
            if *k == 0 {
                *leaf = new.clone();
                true
            } else {
                *k -= 1;
                false
            }
        }
    }
}

fn leaf_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[ -~]{0,24}".prop_map(Value::String),
        Just(Value::String("III/e".into())),
        Just(Value::String("2026-02-30".into())),
        Just(Value::String("123456789012345678".into())),
        Just(Value::Array(Vec::new())),
        Just(Value::Object(Default::default())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 250, ..ProptestConfig::default() })]

    #[test]
    fn damaged_plan_bytes_never_panic(edits in edits()) {
        let bytes = common::damaged(base().0.as_bytes(), &edits);
        let text = String::from_utf8_lossy(&bytes);
        let full = plan_file::read(&text);
        // The page's reader (no JSON paths) accepts exactly the same files.
        prop_assert_eq!(full.is_ok(), plan_file::read_fast(&text).is_ok());
        if let Ok(plan) = full {
            prop_assert!(plan.workspace.validate().iter().all(|f| f.severity != Severity::Error));
        }
    }

    #[test]
    fn swapped_json_values_never_panic(k in 0usize..4000, new in leaf_value()) {
        let mut value = base().1.clone();
        let mut index = k;
        replace_leaf(&mut value, &mut index, &new);
        let text = value.to_string();
        prop_assert_eq!(plan_file::read(&text).is_ok(), plan_file::read_fast(&text).is_ok());
        if let Ok(plan) = plan_file::read(&text) {
            prop_assert!(plan.workspace.validate().iter().all(|f| f.severity != Severity::Error));
        }
    }

    #[test]
    fn damaged_storage_entries_never_panic(edits in edits()) {
        let bytes = common::damaged(base().2.as_bytes(), &edits);
        let _ = storage_codec::decode(&String::from_utf8_lossy(&bytes));
    }
}
