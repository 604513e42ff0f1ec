#!/usr/bin/env bash
# CSV export of N response rows: `sinau export --what responses` (OWASP guard on) vs the sqlite3 shell's
# `-csv` output of the same query on the same database. Goal: ratio <= 0.8.
#   tools/bench/export_csv.sh [ROWS]      (default 300000; the report's figure used 1000000)
source "$(dirname "$0")/bench_records_common.inc"
ROWS=${1:-300000}
PER=60
DB=$CACHE/responses-$ROWS.db
if [ ! -f "$DB" ]; then
  echo "seeding $ROWS responses into $DB ..." >&2
  "$BIN/bench_records_seed" --db "$DB" --learners $((ROWS / PER)) --responses-per-learner $PER >&2
fi
"$BIN/bench_export_sql" responses > "$CACHE/responses.sql"
OUT=$CACHE/out
mkdir -p "$OUT"
ours() { "$BIN/sinau" export --db "$DB" --format csv --what responses --no-meta --out "$OUT/ours.csv"; }
ref() { sqlite3 -csv "$DB" < "$CACHE/responses.sql" > "$OUT/ref.csv"; }
t_ours=$(best_of 3 ours)
t_ref=$(best_of 3 ref)
c_ours=$(best_cpu_of 3 "$BIN/sinau" export --db "$DB" --format csv --what responses --no-meta --out "$OUT/ours.csv")
c_ref=$(best_cpu_of 3 sh -c "sqlite3 -csv '$DB' < '$CACHE/responses.sql' > '$OUT/ref.csv'")
rows_ours=$(($(wc -l < "$OUT/ours.csv") - 1))
rows_ref=$(wc -l < "$OUT/ref.csv")
echo "CSV export of responses ($(sqlite3 "$DB" 'select count(*) from responses') rows; lines: ours $rows_ours, sqlite3 $rows_ref)"
printf '%-34s %10s %14s %8s\n' "what" "ours (s)" "sqlite3 -csv" "ratio"
printf '%-34s %10s %14s %8s\n' "wall time, best of 3" "$t_ours" "$t_ref" "$(ratio "$t_ours" "$t_ref")"
printf '%-34s %10s %14s %8s\n' "CPU time (user+sys), best of 3" "$c_ours" "$c_ref" "$(ratio "$c_ours" "$c_ref")"
echo "goal: ratio <= 0.8"
