//! Native timing of `evaluate` for scripts/bench.sh (release mode):
//!   cargo run --release --example bench_native -- shipped ANSWERS.json [MIN_CALLS]
//!   cargo run --release --features loader --example bench_native -- toml RULES.toml ANSWERS.json [MIN_CALLS]
//! Prints one JSON line: median and mean µs per call (answers → report JSON), calls, and the
//! report's length; for rule files also `engine_us`, the median µs of answers → the engine's report
//! (`Answers::resolve`, `report::evaluate_compiled`; neither ids nor JSON): what the wasm module
//! does before it writes its numbers. Each call is timed on its own; at least MIN_CALLS calls
//! (default 10,000) or two seconds, whichever ends later (and at most 60 s for huge bases).

use std::time::{Duration, Instant};

use mpcheck::engine::answers::{RawAnswers, RawValue};
use mpcheck::RuleBase;
use serde_json::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn answers(path: &str) -> RawAnswers {
    let v: Value = serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let value = |v: &Value| match v {
        Value::Bool(b) => RawValue::Bool(*b),
        Value::Number(n) => RawValue::Num(n.as_f64().unwrap_or(0.0)),
        Value::String(s) => RawValue::Str(s.clone()),
        Value::Array(a) => RawValue::List(
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect(),
        ),
        _ => RawValue::Null,
    };
    let map = v
        .as_object()
        .unwrap_or_else(|| panic!("{path}: not an object"));
    RawAnswers(map.iter().map(|(k, v)| (k.clone(), value(v))).collect())
}

/// Median and mean µs of `f` over at least `min_calls` calls or two seconds, whichever ends
/// later (and at most 60 s for huge bases).
fn time<T>(min_calls: usize, mut f: impl FnMut() -> T) -> (f64, f64, usize) {
    for _ in 0..min_calls.min(200) {
        std::hint::black_box(f());
    }
    let mut samples = Vec::with_capacity(min_calls);
    let start = Instant::now();
    while (samples.len() < min_calls || start.elapsed() < Duration::from_secs(2))
        && start.elapsed() < Duration::from_secs(60)
    {
        let t = Instant::now();
        let r = f();
        samples.push(t.elapsed());
        std::hint::black_box(r);
    }
    let n = samples.len();
    let mean = samples.iter().sum::<Duration>().as_secs_f64() * 1e6 / n as f64;
    samples.sort();
    (samples[n / 2].as_secs_f64() * 1e6, mean, n)
}

/// Answers → report JSON, as native callers get it.
fn measure(rb: &RuleBase, raw: &RawAnswers, min_calls: usize) -> String {
    let first = mpcheck::evaluate_json(rb, raw).unwrap_or_else(|e| panic!("{e}"));
    let (median, mean, n) = time(min_calls, || {
        mpcheck::evaluate_json(rb, std::hint::black_box(raw)).ok()
    });
    format!(
        "{{\"median_us\":{median:.3},\"mean_us\":{mean:.3},\"calls\":{n},\"report_bytes\":{},\"report\":{}}}",
        first.len(),
        if std::env::var_os("BENCH_REPORT").is_some() { first.as_str() } else { "null" }
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |i: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    match args.first().map(String::as_str) {
        Some("shipped") => {
            let raw = answers(&args[1]);
            println!("{}", measure(&mpcheck::RULES, &raw, num(2)));
        }
        #[cfg(feature = "loader")]
        Some("toml") => {
            use mpcheck::engine::{answers::Answers, report::evaluate_compiled};
            use mpcheck::rulefile::{load, LoadOptions, SourceFile};
            let t = Instant::now();
            let files = [SourceFile {
                path: args[1].clone(),
                text: read(&args[1]),
            }];
            let rb = load(&files, LoadOptions::BENCH).unwrap_or_else(|errors| {
                for e in errors.iter().take(5) {
                    eprintln!("{e}");
                }
                std::process::exit(1)
            });
            let load_ms = t.elapsed().as_secs_f64() * 1e3;
            let raw = answers(&args[2]);
            let out = measure(&rb, &raw, num(3));
            let program = mpcheck::engine::program::Program::compile(&rb);
            let (engine_us, _, _) = time(num(3), || {
                let answers = Answers::resolve(&rb, std::hint::black_box(&raw)).ok()?;
                Some(evaluate_compiled(&rb, &program, &answers))
            });
            println!(
                "{{\"rules\":{},\"load_ms\":{load_ms:.1},\"engine_us\":{engine_us:.3},{}",
                rb.rules.len(),
                &out[1..]
            );
        }
        _ => {
            eprintln!("usage: bench_native shipped ANSWERS.json [MIN_CALLS] | toml RULES.toml ANSWERS.json [MIN_CALLS] (--features loader)");
            std::process::exit(2)
        }
    }
}
