#!/usr/bin/env bash
# Merging 200 PCs' databases of 50 learners each into one: `sinau import` (NIP matching, newer-wins
# upserts, one transaction) vs the sqlite3 shell doing ATTACH + INSERT OR IGNORE of every table for the
# same files (no NIP mapping, no newer-wins: a lower bound).
#   tools/bench/merge_import.sh [FILES] [LEARNERS_PER_FILE] [ANSWERS_PER_LEARNER]   (default 200 50 30)
source "$(dirname "$0")/bench_records_common.inc"
FILES=${1:-200}
PER_FILE=${2:-50}
ANSWERS=${3:-30}
SRC=$CACHE/merge-$FILES-$PER_FILE-$ANSWERS
if [ ! -f "$SRC/done" ]; then
  echo "seeding $FILES databases into $SRC ..." >&2
  rm -rf "$SRC"; mkdir -p "$SRC"
  for i in $(seq 1 "$FILES"); do
    "$BIN/bench_records_seed" --db "$SRC/pc$i.db" --learners "$PER_FILE" --responses-per-learner "$ANSWERS" \
      --seed "$i" --nip-offset $((i * PER_FILE)) --class-sessions 1 >/dev/null
    sqlite3 "$SRC/pc$i.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  done
  touch "$SRC/done"
fi
OUT=$CACHE/out
mkdir -p "$OUT"
fresh() { rm -f "$1" "$1"-wal "$1"-shm; "$BIN/sinau" admin status --db "$1" >/dev/null; }
ours() { fresh "$OUT/ours.db"; "$BIN/sinau" import "$SRC"/pc*.db --db "$OUT/ours.db"; }
# The reference script: one sqlite3 process, every file attached in turn.
{
  echo "BEGIN;"
  for f in "$SRC"/pc*.db; do
    echo "ATTACH 'file:$f?mode=ro' AS s;"
    for t in learners class_sessions class_participants attempts responses reading_progress scenario_runs module_results completions; do
      echo "INSERT OR IGNORE INTO main.$t SELECT * FROM s.$t;"
    done
    echo "DETACH s;"
  done
  echo "COMMIT;"
} > "$OUT/merge.sql"
# ATTACH is refused inside a transaction: commit per file instead (sqlite3 gets one transaction per file).
sed -i 's/^BEGIN;$//; s/^COMMIT;$//; s/^ATTACH \(.*\)$/ATTACH \1\nBEGIN;/; s/^DETACH s;$/COMMIT;\nDETACH s;/' "$OUT/merge.sql"
ref() { fresh "$OUT/ref.db"; sqlite3 "$OUT/ref.db" < "$OUT/merge.sql"; }
t_ours=$(best_of 2 ours)
t_ref=$(best_of 2 ref)
n_ours=$(sqlite3 "$OUT/ours.db" "select (select count(*) from learners)||' peserta, '||(select count(*) from responses)||' jawaban'")
n_ref=$(sqlite3 "$OUT/ref.db" "select (select count(*) from learners)||' peserta, '||(select count(*) from responses)||' jawaban'")
t_again=$(best_of 1 "$BIN/sinau" import "$SRC"/pc*.db --db "$OUT/ours.db")
echo "Merging $FILES databases x $PER_FILE learners (ours: $n_ours; sqlite3: $n_ref)"
printf '%-40s %10s %12s %8s\n' "what" "ours (s)" "sqlite3 (s)" "ratio"
printf '%-40s %10s %12s %8s\n' "import into an empty database" "$t_ours" "$t_ref" "$(ratio "$t_ours" "$t_ref")"
printf '%-40s %10s %12s %8s\n' "re-import the same files (no change)" "$t_again" "-" "-"
