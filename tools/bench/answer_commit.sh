#!/usr/bin/env bash
# Answer-commit latency (p50/p99) through store::Learning::RecordResponse vs a bare prepared INSERT +
# COMMIT of the same row shape with the same pragmas (WAL, synchronous=FULL), same disk, same run.
# Goal: ratio <= 1.5. Also Database::Open start-up cost on a fresh DB and on a DB of simulated learners.
#   tools/bench/answer_commit.sh [ANSWERS=2000] [BIG_LEARNERS=2000]   (BIG_LEARNERS=10000 for the full figure)
# Uses $SINAU_BUILD_DIR/bin (default build/). The scratch folder is on the same disk as the build tree.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${SINAU_BUILD_DIR:-$root/build}/bin
answers=${1:-2000}
big=${2:-2000}
work=${SINAU_BENCH_DIR:-$(dirname "$bin")/bench-store}
mkdir -p "$work"
bigdb="$work/learners-$big.db"
if [ ! -f "$bigdb" ]; then
  echo "membuat basis data $big peserta simulasi (sekali, disimpan di $bigdb) ..." >&2
  "$bin/bench_simulate" --db "$bigdb.tmp" --learners "$big" --seed 1 --content "$root/content" > /dev/null
  mv "$bigdb.tmp" "$bigdb"; rm -f "$bigdb.tmp-wal" "$bigdb.tmp-shm"
fi
out=$("$bin/bench_store_commit" --dir "$work/commit" --answers "$answers" --open-db "$bigdb")
v() { echo "$out" | awk -v k="$1" '$1==k{print $2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "-" }'; }
printf "%-44s %12s %12s %8s\n" "measure ($(v answers) answers; $big learners DB, $(v open_big_mb) MB)" "Sinau" "reference" "ratio"
printf "%-44s %12s %12s %8s\n" "answer commit p50 (ms)" "$(v commit_p50_ms)" "$(v bare_p50_ms)" "$(ratio "$(v commit_p50_ms)" "$(v bare_p50_ms)")"
printf "%-44s %12s %12s %8s\n" "answer commit p99 (ms)" "$(v commit_p99_ms)" "$(v bare_p99_ms)" "$(ratio "$(v commit_p99_ms)" "$(v bare_p99_ms)")"
printf "%-44s %12s %12s %8s\n" "open fresh DB incl. schema (ms)" "$(v open_fresh_ms)" "-" "-"
printf "%-44s %12s %12s %8s\n" "reopen small DB (ms)" "$(v reopen_ms)" "$(v reopen_bare_ms)" "$(ratio "$(v reopen_ms)" "$(v reopen_bare_ms)")"
printf "%-44s %12s %12s %8s\n" "open $big-learner DB (ms, median of 5)" "$(v open_big_ms)" "$(v open_big_bare_ms)" "$(ratio "$(v open_big_ms)" "$(v open_big_bare_ms)")"
printf "%-44s %12s %12s %8s\n" "PRAGMA quick_check on it (ms, NOT run at open)" "$(v quick_check_big_ms)" "-" "-"
echo "reference = bare SQLite on the same disk in the same run (prepared INSERT+COMMIT; open + read user_version)"
