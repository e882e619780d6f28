//! Native timing of the core alone (answers → report, no JSON), for profiling:
//!   cargo run --release --example eval_only -- ANSWERS.json [CALLS]
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = std::fs::read_to_string(&args[0]).expect("answers file");
    let raw: mpcheck::RawAnswers = serde_json::from_str(&text).expect("answers JSON");
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let rb = &*mpcheck::RULES;
    let time = |f: &mut dyn FnMut()| {
        let mut v: Vec<_> = (0..n)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect();
        v.sort();
        v[n / 2]
    };
    let resolve = time(&mut || {
        std::hint::black_box(mpcheck::Answers::resolve(rb, &raw).ok());
    });
    let answers = mpcheck::Answers::resolve(rb, &raw).expect("valid answers");
    let evaluate = time(&mut || {
        std::hint::black_box(mpcheck::report::evaluate(rb, &answers));
    });
    // As the wasm adapter does: the buffers and the report kept between calls.
    let mut scratch = mpcheck::report::Scratch::default();
    let mut report = mpcheck::report::Report::default();
    let reused = time(&mut || {
        mpcheck::report::evaluate_into(rb, &answers, &mut scratch, &mut report);
        std::hint::black_box(&report);
    });
    println!("resolve {resolve:?}, evaluate {evaluate:?}, evaluate in reused buffers {reused:?} (median of {n})");
}
