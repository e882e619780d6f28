//! Helpers shared by the native integration tests: reading the TOML test data.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use mpcheck::engine::answers::{RawAnswers, RawValue};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `*.toml` in a folder below the crate root, sorted, with its parsed content.
pub fn toml_files(dir: &str) -> Vec<(String, toml::Table)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let table = text
                .parse::<toml::Table>()
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (name(&p), table)
        })
        .collect()
}

fn name(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

/// A JSON answers object → the engine's raw answers (null or any other value: no answer).
pub fn json_answers(map: &serde_json::Map<String, serde_json::Value>) -> RawAnswers {
    use serde_json::Value;
    RawAnswers(
        map.iter()
            .map(|(k, v)| {
                let v = match v {
                    Value::Bool(b) => RawValue::Bool(*b),
                    Value::Number(n) => RawValue::Num(n.as_f64().unwrap_or(0.0)),
                    Value::String(s) => RawValue::Str(s.clone()),
                    Value::Array(a) => RawValue::List(
                        a.iter()
                            .map(|x| x.as_str().unwrap_or("").to_string())
                            .collect(),
                    ),
                    _ => RawValue::Null,
                };
                (k.clone(), v)
            })
            .collect(),
    )
}

/// A TOML answers table → the engine's raw answers.
pub fn raw_answers(t: &toml::Table) -> RawAnswers {
    RawAnswers(
        t.iter()
            .map(|(k, v)| {
                let v = match v {
                    toml::Value::Boolean(b) => RawValue::Bool(*b),
                    toml::Value::Integer(i) => RawValue::Num(*i as f64),
                    toml::Value::Float(f) => RawValue::Num(*f),
                    toml::Value::String(s) => RawValue::Str(s.clone()),
                    toml::Value::Array(a) => RawValue::List(
                        a.iter()
                            .map(|x| x.as_str().unwrap_or_default().to_string())
                            .collect(),
                    ),
                    other => panic!("answer `{k}` has an unsupported value {other}"),
                };
                (k.clone(), v)
            })
            .collect(),
    )
}

pub fn strings(v: Option<&toml::Value>) -> Vec<String> {
    v.and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

pub fn tables(v: Option<&toml::Value>) -> Vec<&toml::Table> {
    v.and_then(toml::Value::as_array)
        .map(|a| a.iter().filter_map(toml::Value::as_table).collect())
        .unwrap_or_default()
}

/// splitmix64: small, seeded, the same sequence everywhere.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
