#!/usr/bin/env bash
# README's test command (and CI's, through .ci/run). By itself it:
#   installs what is missing (scripts/setup.sh); checks formatting and lints (cargo fmt, clippy);
#   runs the native tests (cargo test, and with --features loader); the wasm tests in headless
#   Chromium (wasm-pack test --chrome, tests/web.rs); builds the site (scripts/build.sh: release
#   wasm, wasm-opt, dist/, size budgets); runs the node tests (tests/node/) on the optimised pkg/;
#   runs the npm package's tests (tests/package/: packed, installed into a scratch project, used);
#   serves dist/ on a free loopback port and runs the browser end-to-end tests (tests/e2e/) against
#   it with MPCHECK_URL set, screenshots in tests/artifacts/; then stops the server.
# Every step runs even after an earlier one failed (unless it needs that one's output). Each
# runner's summary is printed, then one line "N passed, N failed" (a check step without test cases,
# like clippy or the build, counts as one). The exit status is non-zero on any failure.
#   scripts/test.sh [--quick]   --quick skips clippy, the bench module's check and the wasm-pack browser tests
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$MPCHECK_ROOT"

quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $arg (expected --quick)" ;;
  esac
done

run_start=$(now)
logs=target/test-logs
mkdir -p "$logs" tests/artifacts
export CHROMEDRIVER=/usr/bin/chromedriver
export CHROMIUM=/usr/bin/chromium
export MPCHECK_ARTIFACTS="$MPCHECK_ROOT/tests/artifacts"
export CARGO_TERM_COLOR=never
export NO_COLOR=1

total_pass=0
total_fail=0
summary=()

# record NAME STATUS PASSED FAILED SECONDS NOTE
record() {
  local name="$1" status="$2" passed="$3" failed="$4" secs="$5" note="${6:-}"
  total_pass=$((total_pass + passed))
  total_fail=$((total_fail + failed))
  summary+=("$(printf '%-6s %-34s %5s passed, %3s failed  %4ss  %s' "$status" "$name" "$passed" "$failed" "$secs" "$note")")
}

# counts KIND LOG → "passed failed" from a runner's output
counts() {
  case "$1" in
    cargo) # libtest and wasm-bindgen-test-runner: "test result: ok. 3 passed; 0 failed; …"
      awk '/test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } }
           END { print p + 0, f + 0 }' "$2" ;;
    node) # node --test, tap or spec reporter: "# pass 12" / "ℹ pass 12"
      awk '/^(# |ℹ )pass [0-9]+/ { p += $3 } /^(# |ℹ )fail [0-9]+/ { f += $3 } END { print p + 0, f + 0 }' "$2" ;;
    *) echo "0 0" ;;
  esac
}

# step NAME KIND TIMEOUT CMD… — runs CMD (output shown and logged), records its result.
# KIND: cargo | node (test runners whose cases are counted) | check (one pass or fail).
step() {
  local name="$1" kind="$2" limit="$3"; shift 3
  local log="$logs/$(printf '%s' "$name" | tr -c 'A-Za-z0-9_-' '_').log"
  local t0 rc passed failed
  printf '\n==> %s: %s\n' "$name" "$*"
  t0=$(now)
  # --foreground: the command stays in this process group, so Ctrl+C and a kill of the run reach it.
  timeout --foreground --kill-after=15 "$limit" "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  local secs=$(( $(now) - t0 ))
  read -r passed failed < <(counts "$kind" "$log")
  local note=""
  ((rc == 124 || rc == 137)) && note="timed out after ${limit}s"
  if [[ "$kind" == check ]]; then
    if ((rc == 0)); then record "$name" ok 1 0 "$secs"; else record "$name" FAIL 0 1 "$secs" "${note:-exit $rc}"; fi
  elif ((rc == 0)); then
    if ((passed == 0 && failed == 0)); then
      record "$name" FAIL 0 1 "$secs" "ran no test"
      rc=1
    else
      record "$name" ok "$passed" "$failed" "$secs"
    fi
  else
    # A failing run that reported no failed case (a compile error, a crash): count it once.
    ((failed == 0)) && failed=1
    record "$name" FAIL "$passed" "$failed" "$secs" "${note:-exit $rc}"
  fi
  printf '<== %s: %s (%s passed, %s failed, %ss)\n' "$name" "$([[ $rc == 0 ]] && echo ok || echo FAILED)" \
    "$( [[ $kind == check ]] && echo $((rc == 0)) || echo "$passed")" \
    "$( [[ $kind == check ]] && echo $((rc != 0)) || echo "$failed")" "$secs"
  return "$rc"
}

skipped() { # NAME WHY: a step that could not run because an earlier one failed counts as failed
  printf '\n==> %s: not run: %s\n' "$1" "$2"
  record "$1" FAIL 0 1 0 "not run: $2"
}

finish() {
  printf '\n==> summary (%ss in all; logs in %s/)\n' "$(( $(now) - run_start ))" "$logs"
  printf '  %s\n' "${summary[@]}"
  printf '%s passed, %s failed\n' "$total_pass" "$total_fail"
  ((total_fail == 0))
  exit $?
}

# 1. Tools. Without them nothing else can run.
if ! step "setup" check 3000 bash scripts/setup.sh; then
  finish
fi

# 2. Formatting and lints: printed and counted as failures, but the run goes on.
step "cargo fmt --check" check 300 cargo fmt --check -- --color never
if ((quick)); then
  printf '\n==> cargo clippy: skipped (--quick)\n'
else
  step "cargo clippy" check 1800 cargo clippy --all-targets -- -D warnings
  # The benchmark's own module (scripts/bench.sh: the rule checker inside the wasm) must build too.
  step "cargo check (wasm, --features bench)" check 1800 \
    cargo check --target wasm32-unknown-unknown --features bench
fi

# 3. Native tests.
step "cargo test" cargo 2400 cargo test
step "cargo test --features loader" cargo 2400 cargo test --features loader

# 4. wasm tests in headless Chromium (tests/web.rs only: the other test files read files natively).
if ((quick)); then
  printf '\n==> wasm-pack test: skipped (--quick)\n'
elif [[ -f tests/web.rs ]]; then
  step "wasm-pack test --chrome" cargo 1800 \
    wasm-pack test --headless --chrome --chromedriver "$CHROMEDRIVER" --mode no-install -- --test web
else
  skipped "wasm-pack test --chrome" "tests/web.rs is missing"
fi

# 5. The site: release wasm, wasm-opt, dist/; then the size budgets as a check of their own, so
#    that the tests below still run on a build that is over budget.
if step "build (scripts/build.sh)" check 2400 bash scripts/build.sh --no-setup --no-budgets; then
  built=1
  budget_flags=()
  [[ -d tests/empty-rules ]] && budget_flags=(--require-engine)
  step "size budgets (wasm-pack.toml)" check 120 node scripts/sizes.mjs "${budget_flags[@]}"
else
  built=0
  skipped "size budgets (wasm-pack.toml)" "the build failed"
fi

# 6. Node tests through the built, optimised wasm in pkg/.
if ((!built)); then
  skipped "node tests (tests/node)" "the build failed"
else
  mapfile -t node_tests < <(find tests/node -name '*.test.mjs' 2>/dev/null | LC_ALL=C sort)
  if ((${#node_tests[@]})); then
    MPCHECK_PKG="$MPCHECK_ROOT/pkg" step "node tests (tests/node)" node 1200 \
      node --test --test-reporter=spec --test-concurrency=1 "${node_tests[@]}"
  else
    skipped "node tests (tests/node)" "no tests/node/*.test.mjs"
  fi
fi

# 7. The npm package (scripts/package.mjs): packed, installed into a scratch project, used.
mapfile -t package_tests < <(find tests/package -name '*.test.mjs' 2>/dev/null | LC_ALL=C sort)
if ((${#package_tests[@]})); then
  if ((built)); then
    step "package tests (tests/package)" node 1200 \
      node --test --test-reporter=spec --test-concurrency=1 "${package_tests[@]}"
  else
    skipped "package tests (tests/package)" "the build failed"
  fi
fi

# 8. Browser end-to-end tests against dist/ served on a free loopback port.
mapfile -t e2e_tests < <(find tests/e2e -name '*.test.mjs' 2>/dev/null | LC_ALL=C sort)
if ((${#e2e_tests[@]} == 0)); then
  printf '\n==> end-to-end tests: skipped: there is no tests/e2e/*.test.mjs yet\n'
elif ((!built)); then
  skipped "end-to-end tests (tests/e2e)" "the build failed"
else
  url_file="$(mktemp)"
  node tests/server.mjs --root dist --port 0 --url-file "$url_file" >"$logs/server.log" 2>&1 &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null; rm -f "$url_file"' EXIT
  for _ in $(seq 100); do
    [[ -s "$url_file" ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [[ -s "$url_file" ]]; then
    MPCHECK_URL="$(head -n 1 "$url_file")"
    export MPCHECK_URL
    printf '\n==> serving dist/ at %s (pid %s)\n' "$MPCHECK_URL" "$server_pid"
    step "end-to-end tests (tests/e2e)" node 2400 \
      node --test --test-reporter=spec --test-concurrency=1 "${e2e_tests[@]}"
  else
    cat "$logs/server.log"
    skipped "end-to-end tests (tests/e2e)" "the static server did not start"
  fi
  kill "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null
  trap - EXIT
  rm -f "$url_file"
  shots=$(find tests/artifacts -type f -name '*.png' 2>/dev/null | wc -l)
  printf '==> stopped the server; %s screenshots in tests/artifacts/\n' "$shots"
fi

finish
