#!/usr/bin/env bash
# Coverage-guided fuzzing of the engine with cargo-fuzz (libFuzzer) on the nightly toolchain.
# Targets (fuzz/fuzz_targets/): rulefile (rule-file reader and checker), condition (the condition
# language), evaluate (arbitrary answers on the shipped rule base), diagnose (arbitrary pasted text).
# Seed corpora are generated from the real rule files, scenarios and rejection messages into
# fuzz/corpus/ (not committed). Prints each target's input count and the total; any crash stops
# the run with a non-zero exit and leaves the input in fuzz/artifacts/<target>/.
#   scripts/fuzz.sh            a smoke run: 20 s per target
#   scripts/fuzz.sh --long     the long run: at least 1,000,000 inputs in all (see RUNS below)
#   scripts/fuzz.sh --runs N | --seconds S   per target;   --target NAME   one target only
# Needs `cargo +nightly` (rustup toolchain install nightly) and cargo-fuzz (installed if missing).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$MPCHECK_ROOT"

targets=(condition diagnose evaluate rulefile)
# The long run's inputs per target: 1,050,000 in all (diagnose and rulefile inputs are the slow ones).
declare -A RUNS=([condition]=500000 [diagnose]=150000 [evaluate]=250000 [rulefile]=150000)
mode=seconds
seconds=20
runs=
only=
while (($#)); do
  case "$1" in
    --long) mode=long ;;
    --runs) mode=runs; runs="$2"; shift ;;
    --seconds) mode=seconds; seconds="$2"; shift ;;
    --target) only="$2"; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (expected --long, --runs N, --seconds S, --target NAME)" ;;
  esac
  shift
done
[[ -n "$only" ]] && targets=("$only")

cargo +nightly --version >/dev/null 2>&1 || die "the nightly toolchain is missing: rustup toolchain install nightly"
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  say "fuzz: installing cargo-fuzz (cargo +nightly install cargo-fuzz)"
  cargo +nightly install --locked cargo-fuzz
fi

say "fuzz: seed corpora: $(python3 fuzz/make_corpus.py)"
mkdir -p target/fuzz-logs
# No sanitizer (the engine has no unsafe code; libFuzzer's coverage and panics are what count),
# but debug assertions on, so integer overflow is a crash too.
build_flags=(--sanitizer none --debug-assertions)
say "fuzz: building the targets"
cd fuzz
cargo +nightly fuzz build "${build_flags[@]}" >/dev/null

total=0
failed=0
start=$(date +%s)
for t in "${targets[@]}"; do
  case "$mode" in
    long) limit=(-runs="${RUNS[$t]}") ;;
    runs) limit=(-runs="$runs") ;;
    seconds) limit=(-max_total_time="$seconds") ;;
  esac
  log="../target/fuzz-logs/$t.log"
  # -max_len keeps inputs near the size of real ones (a rule-file piece, a message, an answers object).
  case "$t" in
    rulefile) max_len=16384 ;;
    diagnose) max_len=8192 ;;
    *) max_len=4096 ;;
  esac
  t0=$(date +%s)
  set +e
  cargo +nightly fuzz run "${build_flags[@]}" "$t" "corpus/$t" -- \
    "${limit[@]}" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  n=$(grep -Eo 'Done [0-9]+ runs' "$log" | awk '{ s += $2 } END { print s + 0 }')
  if ((n == 0)); then
    n=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
  fi
  total=$((total + n))
  if ((rc != 0)); then
    failed=$((failed + 1))
    printf 'fuzz: %-10s CRASH after %s inputs (exit %s): see target/fuzz-logs/%s.log and fuzz/artifacts/%s/\n' "$t" "$n" "$rc" "$t" "$t"
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -8
  else
    printf 'fuzz: %-10s %9s inputs, 0 crashes (%ss)\n' "$t" "$n" "$(( $(date +%s) - t0 ))"
  fi
done
printf 'fuzz: %s inputs in all, %s target(s) crashed, %ss\n' "$total" "$failed" "$(( $(date +%s) - start ))"
((failed == 0))
