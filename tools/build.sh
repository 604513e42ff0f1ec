#!/usr/bin/env bash
# Configures (once) and builds one tree. Usage: tools/build.sh [release|asan|fuzz]
# release -> build/ (the app lands at build/bin/sinau); asan -> build-asan/; fuzz -> build-fuzz/ (clang).
# A second run rebuilds only what changed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kind=${1:-release}
jobs=${SINAU_JOBS:-$(nproc)}
gen=()
command -v ninja >/dev/null && gen=(-G Ninja)

case "$kind" in
  release)
    dir=$root/build
    extra=(-DCMAKE_BUILD_TYPE=Release)
    [ -f "$root/build-asan/CTestTestfile.cmake" ] && extra+=(-DSINAU_ASAN_BUILD_DIR="$root/build-asan")
    [ -d "$root/build-fuzz/bin" ] && extra+=(-DSINAU_FUZZ_BUILD_DIR="$root/build-fuzz")
    target=all ;;
  asan)
    dir=$root/build-asan
    extra=(-DCMAKE_BUILD_TYPE=Debug -DSINAU_SANITIZE=ON)
    target=all ;;
  fuzz)
    dir=$root/build-fuzz
    # -O1 with line tables only: crash reports keep file:line, and the tree builds much faster than with full -g.
    extra=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only"
           "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only"
           -DSINAU_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++)
    target=fuzzers ;;
  *) echo "usage: tools/build.sh [release|asan|fuzz]" >&2; exit 2 ;;
esac

if [ ! -f "$dir/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$dir" "${gen[@]}" "${extra[@]}" >/dev/null
else
  cmake -S "$root" -B "$dir" "${extra[@]}" >/dev/null
fi
cmake --build "$dir" --target "$target" -j "$jobs"
