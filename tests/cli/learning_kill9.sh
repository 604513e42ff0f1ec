#!/usr/bin/env bash
# Every acknowledged answer survives kill -9: `sinau simulate --ack-loop` answers questions one at a time
# (each RecordResponse its own transaction, WAL + synchronous=FULL) and prints "ACK <response-id>" after
# each commit. We kill it with SIGKILL at random moments, ROUNDS times, on the same database; then the
# database must pass PRAGMA integrity_check and hold every ACKed response id.
set -euo pipefail
: "${SINAU_BIN:?}" "${SINAU_SOURCE_DIR:?}"
rounds=${SINAU_KILL9_ROUNDS:-20}
work=${SINAU_TMP:-$(mktemp -d)}
mkdir -p "$work"
db="$work/kill9.db"
acks="$work/acks.txt"
rm -f "$db" "$db-wal" "$db-shm" "$acks"
: > "$acks"
RANDOM=${SINAU_KILL9_SEED:-42}
for round in $(seq 1 "$rounds"); do
  out="$work/round-$round.txt"
  "$SINAU_BIN" simulate --db "$db" --content "$SINAU_SOURCE_DIR/content" --ack-loop 1000000 --seed "$round" > "$out" &
  pid=$!
  # Kill between 0.15 s and ~1.2 s in: start-up, mid-answer and mid-submit moments all get hit.
  sleep "0.$((15 + RANDOM % 85))"
  sleep "$((RANDOM % 2)).$((RANDOM % 10))" 2>/dev/null || true
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  grep '^ACK ' "$out" | awk '{print $2}' >> "$acks" || true
done
total=$(wc -l < "$acks")
echo "runs killed: $rounds, answers acknowledged: $total"
[ "$total" -gt 0 ] || { echo "FAIL: no answer was acknowledged (did the loop start?)"; exit 1; }
check=$(sqlite3 "$db" "PRAGMA integrity_check;")
[ "$check" = "ok" ] || { echo "FAIL: integrity_check: $check"; exit 1; }
sqlite3 "$db" "SELECT id FROM responses;" | sort -u > "$work/stored.txt"
sort -u "$acks" > "$work/acked.txt"
missing=$(comm -23 "$work/acked.txt" "$work/stored.txt" | wc -l)
if [ "$missing" -ne 0 ]; then
  echo "FAIL: $missing acknowledged answers are missing after kill -9:"
  comm -23 "$work/acked.txt" "$work/stored.txt" | head
  exit 1
fi
# The app must still open it (no refusal, no migration surprise) and keep answering.
"$SINAU_BIN" simulate --db "$db" --content "$SINAU_SOURCE_DIR/content" --ack-loop 3 --seed 999 | grep -c '^ACK ' | grep -qx 3
echo "ok: integrity_check ok, all $(sort -u "$acks" | wc -l) acknowledged answers present"
