#!/usr/bin/env bash
# Dashboard learner table at N learners (default 100000): records::QueryLearners (page of 50 with the
# filtered total + the page's module cells) per filter vs the sqlite3 shell running the same page SQL.
#   tools/bench/dashboard_filter.sh [LEARNERS]
source "$(dirname "$0")/bench_records_common.inc"
N=${1:-100000}
DB=$CACHE/dashboard-$N.db
if [ ! -f "$DB" ]; then
  echo "seeding $N learners into $DB ..." >&2
  "$BIN/bench_records_seed" --db "$DB" --learners "$N" --responses-per-learner 60 --no-responses >&2
fi
OUT=$CACHE/dash-sql
rm -rf "$OUT"; mkdir -p "$OUT"
"$BIN/bench_dashboard" --db "$DB" --runs 5 --sql-dir "$OUT" > "$OUT/ours.txt"
head -1 "$OUT/ours.txt"
printf '%-36s %9s %10s %12s %8s\n' "filter" "found" "ours (ms)" "sqlite3 (ms)" "ratio"
grep -v '^#' "$OUT/ours.txt" | while IFS=$'\t' read -r idx name found ms; do
  # Median of 5 runs of the sqlite3 shell (process start included, a few ms).
  times=()
  for _ in 1 2 3 4 5; do
    t0=$(now); sqlite3 "$DB" < "$OUT/$idx.sql" > /dev/null; t1=$(now)
    times+=("$(echo "($t1 - $t0) * 1000" | bc -l)")
  done
  ref=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 3p)
  printf '%-36s %9s %10s %12.1f %8s\n' "$name" "$found" "$ms" "$ref" "$(ratio "$ms" "$ref")"
done
