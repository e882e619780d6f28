#!/usr/bin/env bash
# Installs what the build and the tests need, and only what is missing:
#   the wasm32 target, wasm-pack and wasm-bindgen-cli (versions from wasm-pack.toml),
#   Chromium and ChromeDriver (Debian packages), and the npm dev tools (`npm ci`).
# Idempotent: with everything present it prints one line and takes about a second.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$MPCHECK_ROOT"

did=()
have=()

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs) first"
command -v rustup >/dev/null || die "rustup not found: mpcheck needs Rust installed with rustup (for the wasm32 target)"
command -v node >/dev/null || die "node not found: install Node.js 20 or later"
command -v npm >/dev/null || die "npm not found: install Node.js 20 or later with npm"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
(( node_major >= 20 )) || die "node $(node --version) is too old: mpcheck needs Node.js 20 or later"

want_pack="$(toml_get wasm-pack.toml tools wasm-pack)"
want_bindgen="$(toml_get wasm-pack.toml tools wasm-bindgen-cli)"
want_binaryen="$(toml_get wasm-pack.toml tools binaryen)"
[[ -n "$want_pack" && -n "$want_bindgen" && -n "$want_binaryen" ]] \
  || die "wasm-pack.toml [tools] must pin wasm-pack, wasm-bindgen-cli and binaryen"
crate_pin="$(cargo_pin wasm-bindgen)"
[[ "$crate_pin" == "$want_bindgen" ]] \
  || die "wasm-pack.toml pins wasm-bindgen-cli $want_bindgen but Cargo.toml pins wasm-bindgen \"=${crate_pin:-?}\": make them equal"

# 1. The wasm32 target.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  have+=("wasm32 target")
else
  say "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
  did+=("wasm32 target")
fi

# rustfmt and clippy, for the test command's checks.
for component in rustfmt clippy; do
  cmd=fmt; [[ $component == clippy ]] && cmd=clippy
  if ! cargo "$cmd" --version >/dev/null 2>&1; then
    say "setup: adding the $component component"
    rustup component add "$component"
    did+=("$component")
  fi
done

# 2. wasm-pack, at the pinned version.
got_pack="$(wasm-pack --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$got_pack" == "$want_pack" ]]; then
  have+=("wasm-pack $got_pack")
else
  say "setup: installing wasm-pack $want_pack (found: ${got_pack:-none}); this takes a few minutes"
  cargo install wasm-pack --version "$want_pack" --locked --quiet
  got_pack="$(wasm-pack --version 2>/dev/null | awk '{print $2}' || true)"
  [[ "$got_pack" == "$want_pack" ]] || die "after cargo install, wasm-pack on PATH is ${got_pack:-missing}, not $want_pack ($(command -v wasm-pack))"
  did+=("wasm-pack $want_pack")
fi

# 3. wasm-bindgen-cli, exactly the crate's version. Not --locked: its lock file pins crates that no
#    longer build with the current toolchain.
got_bindgen="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
got_runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$got_bindgen" == "$want_bindgen" && "$got_runner" == "$want_bindgen" ]]; then
  have+=("wasm-bindgen $got_bindgen")
else
  say "setup: installing wasm-bindgen-cli $want_bindgen (found: ${got_bindgen:-none}); this takes a few minutes"
  cargo install wasm-bindgen-cli --version "$want_bindgen" --force --quiet
  got_bindgen="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  [[ "$got_bindgen" == "$want_bindgen" ]] || die "after cargo install, wasm-bindgen on PATH is ${got_bindgen:-missing}, not $want_bindgen ($(command -v wasm-bindgen))"
  did+=("wasm-bindgen-cli $want_bindgen")
fi

# 4. Chromium and ChromeDriver from Debian (wasm-pack test --chrome, playwright-core), and a CJK
#    font so that the Chinese page renders as text, not boxes, in the screenshots.
apt_missing=()
[[ -x /usr/bin/chromium ]] || apt_missing+=(chromium)
[[ -x /usr/bin/chromedriver ]] || apt_missing+=(chromium-driver)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "ok installed" || apt_missing+=(fonts-noto-cjk)
if ((${#apt_missing[@]} == 0)); then
  have+=("chromium")
else
  say "setup: installing ${apt_missing[*]} with apt-get"
  sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || die "${apt_missing[*]} missing and this user cannot run apt-get: install them"
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || die "apt-get did not install /usr/bin/chromium and /usr/bin/chromedriver"
  did+=("${apt_missing[*]}")
fi

# 5. npm dev tools, when node_modules is missing or package-lock.json changed since the last `npm ci`.
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp=node_modules/.mpcheck-lock.sha256
if [[ -d node_modules && -f "$stamp" && "$(cat "$stamp")" == "$lock_sum" ]]; then
  have+=("npm packages")
else
  say "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  printf '%s\n' "$lock_sum" >"$stamp"
  did+=("npm packages")
fi
got_binaryen="$(node -p 'require("./node_modules/binaryen/package.json").version')"
[[ "$got_binaryen" == "$want_binaryen" ]] \
  || die "npm binaryen is $got_binaryen but wasm-pack.toml pins $want_binaryen: make package.json and wasm-pack.toml agree"
node_modules/.bin/wasm-opt --version >/dev/null || die "node_modules/.bin/wasm-opt does not run"

if ((${#did[@]})); then
  say "setup: installed ${did[*]}; already present: ${have[*]:-nothing}"
else
  say "setup: all tools present (${have[*]})"
fi
