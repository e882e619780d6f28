#!/usr/bin/env bash
# README's serve command: installs what is missing, builds (release wasm, wasm-opt, dist/) and
# serves dist/ on http://127.0.0.1:$PORT/ (default 8080, or the next free port), printing the URL.
#   scripts/serve.sh [--no-build] [--prefix /sub/]   (PORT=9000 scripts/serve.sh to choose the port)
# With the tools installed and nothing changed since the last build, it is serving in a few seconds.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$MPCHECK_ROOT"

build=1
server_args=()
while (($#)); do
  case "$1" in
    --no-build) build=0 ;;
    --prefix) server_args+=(--prefix "${2:?--prefix needs a path}"); shift ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (expected --no-build, --prefix /sub/)" ;;
  esac
  shift
done

if ((build)); then
  bash scripts/build.sh --no-budgets
  # Serve even when over a size budget (scripts/test.sh and CI fail on it), but say so.
  node scripts/sizes.mjs || say "serve: warning: over a size budget (see above); serving anyway"
else
  bash scripts/setup.sh
fi
[[ -d dist ]] || die "dist/ does not exist: run scripts/build.sh (or drop --no-build)"
exec node tests/server.mjs --root dist --host 127.0.0.1 --port "${PORT:-8080}" "${server_args[@]}"
