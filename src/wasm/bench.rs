//! Benchmark-only entry points (cargo feature `bench`; scripts/bench.sh): load a generated rule base
//! at run time and evaluate it. Not part of the shipped module.
use super::*;
use crate::engine::program::Program;
use crate::model::RuleBase;
use crate::rulefile::{load, LoadOptions, SourceFile};
use std::cell::RefCell;

thread_local! {
    static LOADED: RefCell<Option<(&'static RuleBase, &'static Program)>> = const { RefCell::new(None) };
}

/// Loads rule files (TOML text) for `bench_evaluate`. Returns the number of rules.
#[wasm_bindgen]
pub fn bench_load(text: String) -> Result<u32, JsValue> {
    let files = [SourceFile {
        path: "bench.toml".into(),
        text,
    }];
    match load(&files, LoadOptions::BENCH) {
        Ok(rb) => {
            let n = rb.rules.len() as u32;
            // Bench only: a loaded rule base lives as long as the module (a handful a run).
            // It is compiled once, as the shipped rule base is (`rulebase::PROGRAM`).
            let program = Box::leak(Box::new(Program::compile(&rb)));
            LOADED.with(|l| *l.borrow_mut() = Some((Box::leak(Box::new(rb)), program)));
            Ok(n)
        }
        Err(errors) => {
            let msg: Vec<String> = errors.iter().take(5).map(ToString::to_string).collect();
            Err(JsValue::from_str(&msg.join("\n")))
        }
    }
}

/// `names` of the rule base `bench_load` loaded.
#[wasm_bindgen]
pub fn bench_names() -> Result<JsValue, JsValue> {
    let (rb, _) = LOADED
        .with(|l| *l.borrow())
        .ok_or("call bench_load first")?;
    to_js(Ok::<_, EngineError>(super::tape::names(rb)))
}

/// `evaluate` on the rule base `bench_load` loaded.
#[wasm_bindgen]
pub fn bench_evaluate(text: JsValue, shape: JsValue) -> Result<Vec<u32>, JsValue> {
    let (rb, program) = LOADED
        .with(|l| *l.borrow())
        .ok_or("call bench_load first")?;
    let raw = read_answers(&text, &shape).map_err(|e| tagged(&e))?;
    let answers = crate::engine::answers::Answers::resolve(rb, &raw).map_err(|e| tagged(&e))?;
    let report = crate::engine::report::evaluate_compiled(rb, program, &answers);
    Ok(super::tape::tape(rb, &report, &answers))
}
