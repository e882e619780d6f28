# Shared helpers for scripts/*.sh (sourced, not run).

# The repository root, whatever the caller's directory.
MPCHECK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MPCHECK_ROOT

# Rust installed by rustup puts its tools here; a non-login shell may not have it on PATH.
if [[ -f "$HOME/.cargo/env" ]]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
case ":$PATH:" in
  *":$HOME/.cargo/bin:"*) ;;
  *) export PATH="$HOME/.cargo/bin:$PATH" ;;
esac

say() { printf '%s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# toml_get FILE SECTION KEY: the string value of `KEY = "…"` in `[SECTION]` of a simple TOML file
# (one key per line, string values). Enough for wasm-pack.toml's [tools] before npm packages exist;
# scripts that run after setup read arrays and numbers with smol-toml (scripts/config.mjs).
toml_get() {
  awk -v want_section="$2" -v want_key="$3" '
    /^[[:space:]]*\[/ {
      s = $0; sub(/^[[:space:]]*\[/, "", s); sub(/\].*$/, "", s); section = s; next
    }
    section == want_section {
      line = $0; sub(/#.*/, "", line)
      if (match(line, /^[[:space:]]*"?[A-Za-z0-9_.-]+"?[[:space:]]*=/)) {
        key = substr(line, 1, RLENGTH - 1); gsub(/[[:space:]"]/, "", key)
        if (key == want_key) {
          value = substr(line, RLENGTH + 1)
          sub(/^[[:space:]]*"/, "", value); sub(/"[[:space:]]*$/, "", value)
          print value; exit
        }
      }
    }' "$1"
}

# cargo_pin NAME: the `=` pinned version of dependency NAME in Cargo.toml (empty if not pinned).
cargo_pin() {
  sed -nE "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*(\{[^}]*version[[:space:]]*=[[:space:]]*)?\"=([^\"]+)\".*/\2/p" \
    "$MPCHECK_ROOT/Cargo.toml" | head -n 1
}

# Seconds since the epoch, for step timings.
now() { date +%s; }
