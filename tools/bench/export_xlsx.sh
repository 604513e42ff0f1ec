#!/usr/bin/env bash
# XLSX export (constant_memory) of the same database as export_csv.sh: peak RSS (goal <= 64 MB) and time
# against the sqlite3 shell's `-csv` dump of the responses (goal <= 10x).
#   tools/bench/export_xlsx.sh [ROWS]      (default 300000)
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
/usr/bin/time -v "$BIN/sinau" export --db "$DB" --format xlsx --out "$OUT/ours.xlsx" > "$OUT/xlsx.txt" 2> "$OUT/xlsx.time"
rss_kb=$(grep "Maximum resident set size" "$OUT/xlsx.time" | awk '{print $NF}')
wall=$(grep "Elapsed (wall clock)" "$OUT/xlsx.time" | awk '{print $NF}')
t_ours=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
ref() { sqlite3 -csv "$DB" < "$CACHE/responses.sql" > "$OUT/ref.csv"; }
t_ref=$(best_of 2 ref)
/usr/bin/time -v sqlite3 -csv "$DB" < "$CACHE/responses.sql" > "$OUT/ref.csv" 2> "$OUT/ref.time"
ref_rss=$(grep "Maximum resident set size" "$OUT/ref.time" | awk '{print $NF}')
cat "$OUT/xlsx.txt"
printf '%-30s %12s %14s %8s\n' "what" "ours" "sqlite3 -csv" "ratio"
printf '%-30s %12s %14s %8s\n' "time (s)" "$t_ours" "$t_ref" "$(ratio "$t_ours" "$t_ref")"
printf '%-30s %12s %14s %8s\n' "peak RSS (MB)" "$((rss_kb / 1024))" "$((ref_rss / 1024))" "$(ratio "$rss_kb" "$ref_rss")"
echo "goals: time ratio <= 10, our peak RSS <= 64 MB (the XLSX also holds the completions and summary sheets)"
