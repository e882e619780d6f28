#!/usr/bin/env bash
# README's benchmark command: gathers, in one run, the figures the engine and page issues ask for
# (bench/run.mjs says which), prints a table and writes bench/latest.json.
#   scripts/bench.sh [--quick] [--skip a,b,…]
# Builds what is missing first: the site (scripts/build.sh --no-setup, if pkg/ or dist/ is missing),
# the native timing example (cargo build --release --example bench_native --features loader) and the
# bench-only wasm module (wasm-pack build --release --target web --features bench, into
# target/bench-pkg/, with its own target dir so the site's build is not disturbed).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$MPCHECK_ROOT"

case "${1:-}" in -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

if [[ ! -f pkg/mpcheck_bg.wasm || ! -f dist/index.html ]]; then
  say "bench: building the site first (scripts/build.sh --no-setup)"
  bash scripts/build.sh --no-setup --no-budgets
fi
[[ -d node_modules/playwright-core ]] || die "node_modules is missing: run scripts/setup.sh"
for p in json-rules-engine json-logic-js; do
  [[ -d node_modules/$p ]] || { say "bench: $p is missing: npm install --no-save $p"; npm install --no-save "$p" >/dev/null; }
done

say "bench: cargo build --release --example bench_native --features loader"
cargo build --quiet --release --example bench_native --features loader

say "bench: wasm-pack build --release --target web --features bench → target/bench-pkg/"
CARGO_TARGET_DIR=target/bench-build wasm-pack --quiet build --release --target web --mode no-install \
  --out-dir target/bench-pkg --out-name mpcheck -- --features bench >/dev/null

node bench/run.mjs "$@"
