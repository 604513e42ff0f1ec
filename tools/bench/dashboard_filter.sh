#!/usr/bin/env bash
# Dashboard at N learners (default 100000): what a filter/sort/search change costs (one keyset page of 50 +
# the combined summary: total, per instansi, score bins, completion per module) and what a page turn costs
# (a keyset page alone, page 2 and page 1,000), beside the sqlite3 shell running exactly the same SQL in the
# same run (its own ".timer", process start excluded) as the reference.
#   tools/bench/dashboard_filter.sh [LEARNERS]
# The database is seeded once by bench_records_seed and cached (SINAU_BENCH_CACHE, default /tmp/sinau-bench;
# seeding 100,000 learners takes a few minutes the first time); the first open upgrades it to the current
# schema (v3 backfill) and keeps a .bak copy. Figures are medians of 5 runs; "CPU" = the thread's CPU time,
# which on a busy machine (other builds on the same cores) is the query's own cost, wall time is what the
# trainer waits.
source "$(dirname "$0")/bench_records_common.inc"
N=${1:-100000}
[ -x "$BIN/bench_dashboard" ] || { echo "build bench_dashboard first" >&2; exit 1; }
DB=$CACHE/dashboard-$N.db
if [ ! -f "$DB" ]; then
  echo "seeding $N learners into $DB ..." >&2
  "$BIN/bench_records_seed" --db "$DB" --learners "$N" --responses-per-learner 60 --no-responses >&2
fi
OUT=$CACHE/dash-sql
rm -rf "$OUT"; mkdir -p "$OUT"
"$BIN/bench_dashboard" --db "$DB" --runs 5 --sql-dir "$OUT" > "$OUT/ours.txt"
head -1 "$OUT/ours.txt"
# sqlite3_ms FILE: median over 5 runs of the summed "Run Time: real" of the file's statements, and the same
# for user+sys (CPU), as "wall cpu".
sqlite3_ms() {
  local walls=() cpus=()
  for _ in 1 2 3 4 5; do
    read -r w c < <( (echo "PRAGMA mmap_size = 268435456;"; echo ".timer on"; cat "$1") | sqlite3 "$DB" 2>/dev/null |
      awk '/Run Time/ {w += $4; c += $6 + $8} END {printf "%.3f %.3f\n", w * 1000, c * 1000}')
    walls+=("$w"); cpus+=("$c")
  done
  echo "$(printf '%s\n' "${walls[@]}" | sort -g | sed -n 3p) $(printf '%s\n' "${cpus[@]}" | sort -g | sed -n 3p)"
}
printf '%-34s %7s %21s %21s %14s\n' "" "" "ours: wall / CPU ms" "sqlite3: wall / CPU" "ratio"
printf '%-34s %7s %10s %10s %10s %10s %7s %6s\n' "change" "found" "wall" "CPU" "wall" "CPU" "wall" "CPU"
grep -v '^#' "$OUT/ours.txt" | while IFS=$'\t' read -r idx name found pw pc sw sc; do
  read -r rw rc < <(sqlite3_ms "$OUT/$idx.sql")
  if [ "$sw" = "-" ]; then ow=$pw; oc=$pc; else
    ow=$(echo "$pw + $sw" | bc -l); oc=$(echo "$pc + $sc" | bc -l); fi
  printf '%-34s %7s %10.1f %10.1f %10.1f %10.1f %7s %6s\n' "$name" "$found" "$ow" "$oc" "$rw" "$rc" \
    "$(ratio "$ow" "$rw")" "$(ratio "$oc" "$rc")"
done
echo "ours = store::QueryLearnerPage (50 rows + their module cells) + store::SummariseDashboard for a filter"
echo "change; the page alone for a page turn. sqlite3 = the same statements in the sqlite3 shell (without the"
echo "page's module cells). The app runs both on a worker thread: the frame never waits."
