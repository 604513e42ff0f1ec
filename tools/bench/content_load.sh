#!/usr/bin/env bash
# Content load time of the real course (content/): LoadCourse with and without lint, median and p95,
# beside the same run's raw I/O (reading every course file into memory) and the ratio.
# Goal: the whole course well under 20 ms.
# Usage: tools/bench/content_load.sh [RUNS (default 200)] [CONTENT_DIR (default content/)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-200}
content=${2:-${SINAU_CONTENT_DIR:-$root/content}}
build=${SINAU_BUILD_DIR:-$root/build}
bin=$build/bin/bench_content_load
if [ ! -x "$bin" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target bench_content_load -j2 >/dev/null
fi
grep -q "CMAKE_BUILD_TYPE:STRING=Release" "$build/CMakeCache.txt" 2>/dev/null ||
  echo "note: $build is not a Release build; figures are pessimistic" >&2
"$bin" "$content" "$runs"
