#!/usr/bin/env bash
# Learning screens: CPU time (this thread's, not wall) per UI frame (p50/p99 over FRAMES frames, default 300) of the quiz — on a
# question, showing latihan feedback, on a matching question — and of the result review and a scenario,
# beside the home screen (signed in) measured in the same process. The frame budget at 60 Hz is 16.7 ms.
#   tools/bench/quiz_frame.sh [FRAMES] [MODULE]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${SINAU_BUILD_DIR:-$ROOT/build}
BENCH=$BUILD/bin/bench_quiz_frame
FRAMES=${1:-300}
MODULE=${2:-01-potret-birokrasi}
[ -x "$BENCH" ] || { echo "build bench_quiz_frame first (cmake --build $BUILD --target bench_quiz_frame)" >&2; exit 1; }
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
"$BENCH" --frames "$FRAMES" --module "$MODULE" --content "$ROOT/content" > "$OUT"
echo "CPU per frame, $FRAMES frames each, 1366x768, course module $MODULE (no GPU: NewFrame + draw + Render)"
printf '%-16s %10s %10s %10s %14s\n' "screen" "p50 (ms)" "p99 (ms)" "max (ms)" "p50 vs home"
home=$(awk -F'\t' '$1=="frame" && $2=="home" {print $3}' "$OUT")
awk -F'\t' '$1=="frame"' "$OUT" | while IFS=$'\t' read -r _ name p50 p99 max; do
  printf '%-16s %10s %10s %10s %14s\n' "$name" "$p50" "$p99" "$max" "$(awk -v a="$p50" -v b="$home" 'BEGIN {printf "%.2f", a / b}')"
done
