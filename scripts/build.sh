#!/usr/bin/env bash
# Builds the site:
#   1. scripts/setup.sh (skip with --no-setup)
#   2. wasm-pack build --release --target web  → pkg/mpcheck.js, pkg/mpcheck_bg.wasm (+ .d.ts): the
#      one module (no texts), and the words of its ids → pkg/questions|catalogue|categories|names|
#      causes.<lang>.json (src/bin/export-catalogue.rs, from the same rule base)
#   3. wasm-opt with the passes in wasm-pack.toml [wasm-opt], in place on pkg/mpcheck_bg.wasm
#   4. the engine alone with an empty rule base (tests/empty-rules/), for its size budget
#   5. dist/ = www/ + dist/pkg/, JS and CSS minified, + example pages in dist/examples/
#      (scripts/assemble.mjs); the npm package in dist/npm/ and its tarball (scripts/package.mjs)
#   6. gzip sizes against wasm-pack.toml [budgets] (scripts/sizes.mjs); over a budget the build fails
# Steps 2–4 are skipped when none of their inputs changed since the last build (a warm build takes
# a second or two); --force rebuilds anyway. --no-budgets leaves out step 6 (scripts/test.sh runs it
# as a check of its own, so that the tests still run on a build that is over budget).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$MPCHECK_ROOT"

setup=1
force=0
budgets=1
for arg in "$@"; do
  case "$arg" in
    --no-setup) setup=0 ;;
    --force) force=1 ;;
    --no-budgets) budgets=0 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $arg (expected --no-setup, --force, --no-budgets)" ;;
  esac
done

start=$(now)
((setup)) && bash scripts/setup.sh
[[ -x node_modules/.bin/wasm-opt ]] || die "node_modules/.bin/wasm-opt is missing: run scripts/setup.sh"

mapfile -t passes < <(node scripts/config.mjs wasm-opt.passes)
want_bindgen="$(toml_get wasm-pack.toml tools wasm-bindgen-cli)"

# A fingerprint of everything that goes into a module: sources, rules, manifests, settings, tools.
fingerprint() { # $1: rules dir
  {
    printf 'rules-dir %s\n' "$1"
    printf 'tools %s | %s | %s\n' "$(wasm-pack --version)" "$(wasm-bindgen --version)" "$(node_modules/.bin/wasm-opt --version)"
    printf 'passes %s\n' "${passes[*]}"
    rustc --version
    git ls-files -co --exclude-standard -- src build.rs Cargo.toml Cargo.lock "$1" 2>/dev/null \
      | LC_ALL=C sort | while read -r f; do [[ -f "$f" ]] && sha256sum "$f"; done
  } | sha256sum | cut -d' ' -f1
}

# build_module OUT_DIR TARGET_DIR RULES_DIR LABEL [catalogue] [NAME] [FEATURES] [PROFILE]
# NAME (default mpcheck) names the outputs NAME.js and NAME_bg.wasm; FEATURES are cargo features;
# PROFILE is a cargo profile of Cargo.toml (default release).
build_module() {
  local out="$1" target_dir="$2" rules="$3" label="$4" catalogue="${5:-}" name="${6:-mpcheck}" features="${7:-}" profile="${8:-release}"
  local stamp="$out/.mpcheck-build" fp
  fp="$(fingerprint "$rules") $name $features $profile"
  local js="$out/$name.js" wasm="$out/${name}_bg.wasm"
  local outputs=("$js" "$wasm")
  [[ -n "$catalogue" ]] && for l in zh-CN en; do outputs+=("$out/questions.$l.json" "$out/catalogue.$l.json" "$out/categories.$l.json" "$out/names.$l.json" "$out/causes.$l.json"); done
  local have_all=1 f
  for f in "${outputs[@]}"; do [[ -f "$f" ]] || have_all=0; done
  if ((!force && have_all)) && [[ -f "$stamp" && "$(cat "$stamp")" == "$fp" ]]; then
    say "build: $label is up to date ($out/)"
    return
  fi
  local t0; t0=$(now)
  local mode=(--release)
  [[ "$profile" != release ]] && mode=(--profile "$profile")
  say "build: wasm-pack build ${mode[*]} --target web ($label → $out/)"
  rm -f "$stamp"
  # --mode no-install: use the wasm-bindgen on PATH (setup.sh installed the pinned one), never download.
  local env=(CARGO_TARGET_DIR="$target_dir")
  # Only the engine-only build names another rules folder: build.rs reads rules/ by default, and a
  # changed variable would make cargo rebuild the crate for everyone sharing target/.
  [[ "$rules" != rules ]] && env+=(MPCHECK_RULES_DIR="$PWD/$rules")
  local cargo_args=()
  [[ -n "$features" ]] && cargo_args=(-- --features "$features")
  env "${env[@]}" wasm-pack --quiet build "${mode[@]}" --target web --mode no-install --out-dir "$out" --out-name "$name" "${cargo_args[@]}"
  [[ -f "$js" && -f "$wasm" ]] || die "wasm-pack did not produce $js and $wasm"
  if [[ -n "$catalogue" ]]; then
    # A native build of the same crate and rule base (debug: it shares cargo test's artifacts).
    say "build: cargo run --bin export-catalogue -- $out"
    cargo run --quiet --bin export-catalogue -- "$out" >/dev/null
    [[ -f "$out/catalogue.zh-CN.json" && -f "$out/catalogue.en.json" ]] || die "export-catalogue did not write $out/catalogue.*.json"
  fi
  local before after
  before=$(stat -c %s "$wasm")
  say "build: wasm-opt ${passes[*]} $wasm"
  node_modules/.bin/wasm-opt "${passes[@]}" "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  after=$(stat -c %s "$wasm")
  # Record what wasm-opt produced, so the tests can prove they load the optimised module.
  node -e '
    const [file, passes, before] = process.argv.slice(1);
    const bytes = require("fs").readFileSync(file);
    const sha256 = require("crypto").createHash("sha256").update(bytes).digest("hex");
    require("fs").writeFileSync(file.replace(/\.wasm$/, ".opt.json"),
      JSON.stringify({ wasm_opt: true, passes: passes.split(" "), bytes_before: +before, bytes: bytes.length, sha256 }, null, 2) + "\n");
  ' "$wasm" "${passes[*]}" "$before"
  printf '%s\n' "$fp" >"$stamp"
  say "build: $label done in $(( $(now) - t0 ))s: wasm $before → $after bytes after wasm-opt"
}

[[ "$(cargo_pin wasm-bindgen)" == "$want_bindgen" ]] || die "Cargo.toml's wasm-bindgen pin differs from wasm-pack.toml [tools] wasm-bindgen-cli"

# The one module: the page, the npm package and node load it (no texts: the catalogue files have them).
build_module pkg target rules "the engine" catalogue

if [[ -d tests/empty-rules ]]; then
  # A separate target dir, so the two rule bases do not rebuild each other's crate every time.
  build_module target/engine-only/pkg target/engine-only tests/empty-rules "the engine alone (empty rule base)"
  engine_flag=(--require-engine)
else
  say "build: tests/empty-rules/ does not exist yet: the engine-only size is not measured"
  engine_flag=()
fi

node scripts/assemble.mjs
if [[ -f scripts/package.mjs ]]; then
  node scripts/package.mjs
fi
if ((budgets)); then
  node scripts/sizes.mjs "${engine_flag[@]}"
fi
say "build: done in $(( $(now) - start ))s: dist/ is the site, pkg/ the wasm-pack output"
