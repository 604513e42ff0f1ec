#!/usr/bin/env bash
# One command to test everything on a fresh Debian 12 machine: installs what is missing, builds the
# Release tree, the AddressSanitizer+UBSan tree and the libFuzzer targets, then runs every test through
# ctest (the sanitizer suite and the bounded fuzz runs are tests of the main tree). Ends with ctest's summary.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/deps.sh"
"$root/tools/build.sh" asan
"$root/tools/build.sh" fuzz
"$root/tools/build.sh" release
cd "$root/build"
exec ctest --output-on-failure -j "${SINAU_TEST_JOBS:-2}" "$@"
