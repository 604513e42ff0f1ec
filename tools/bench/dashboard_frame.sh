#!/usr/bin/env bash
# Trainer dashboard at N learners (default 100000): CPU time per UI frame (p50/p99) of the dashboard, still
# and while paging through the learner table, beside the home screen's in the same process; then the latency of
# a filter change (the dashboard's whole re-query: first page of 50 + the combined summary: count,
# per-instansi, charts; and the page alone) beside the sqlite3 shell running the same page SQL.
#   tools/bench/dashboard_frame.sh [LEARNERS] [FRAMES]
# The database is seeded once by bench_records_seed and cached (SINAU_BENCH_CACHE, default /tmp/sinau-bench).
source "$(dirname "$0")/bench_records_common.inc"
N=${1:-100000}
FRAMES=${2:-300}
[ -x "$BIN/bench_dashboard_frame" ] || { echo "build bench_dashboard_frame first" >&2; exit 1; }
DB=$CACHE/dashboard-$N.db
if [ ! -f "$DB" ]; then
  echo "seeding $N learners into $DB ..." >&2
  "$BIN/bench_records_seed" --db "$DB" --learners "$N" --responses-per-learner 60 --no-responses >&2
fi
OUT=$CACHE/dash-frame-sql
rm -rf "$OUT"; mkdir -p "$OUT"
"$BIN/bench_dashboard_frame" --db "$DB" --frames "$FRAMES" --sql-dir "$OUT" > "$OUT/ours.txt"
head -1 "$OUT/ours.txt"
echo
printf '%-22s %10s %10s %10s %14s\n' "frame (CPU)" "p50 (ms)" "p99 (ms)" "max (ms)" "p50 vs home"
home=$(awk -F'\t' '$1=="frame" && $2=="home" {print $3}' "$OUT/ours.txt")
awk -F'\t' '$1=="frame"' "$OUT/ours.txt" | while IFS=$'\t' read -r _ name p50 p99 max; do
  printf '%-22s %10s %10s %10s %14s\n' "$name" "$p50" "$p99" "$max" "$(ratio "$p50" "$home")"
done
echo
printf '%-24s %9s %12s %11s %13s %8s\n' "filter change" "found" "refresh(ms)" "page (ms)" "sqlite3 (ms)" "ratio"
awk -F'\t' '$1=="filter"' "$OUT/ours.txt" | while IFS=$'\t' read -r _ idx name found refresh rows; do
  # Median of 5 runs of the sqlite3 shell on the same page SQL (process start included, a few ms).
  times=()
  for _ in 1 2 3 4 5; do
    t0=$(now); sqlite3 "$DB" < "$OUT/$idx.sql" > /dev/null; t1=$(now)
    times+=("$(echo "($t1 - $t0) * 1000" | bc -l)")
  done
  ref=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 3p)
  printf '%-24s %9s %12s %11s %13.1f %8s\n' "$name" "$found" "$refresh" "$rows" "$ref" "$(ratio "$rows" "$ref")"
done
echo
echo "ratio = our page / sqlite3 shell. refresh = everything the dashboard re-queries on a filter change,"
echo "run on a worker thread: the frame never waits for it (frame figures above stay flat while it runs)."
