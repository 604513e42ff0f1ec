#!/usr/bin/env bash
# One command to try Sinau on a fresh Debian 12 machine: installs what is missing, builds Release,
# and starts the app with the arguments given (e.g. tools/run.sh --db /tmp/coba.db).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/deps.sh"
"$root/tools/build.sh" release >&2
exec "$root/build/bin/sinau" "$@"
