#!/usr/bin/env bash
# Load benchmark of the live class server, on LOOPBACK ONLY (127.0.0.1).
# Starts `sinau class serve --auto` on a temp database, drives N simulated phones with bench_class_load
# (join, WebSocket, answer each question at a random moment in a window), then checks the database:
# every acknowledged answer must be stored. References measured in the same run: the same clients
# against a bare Beast WebSocket echo endpoint, and the raw cost of one fsync on the same disk.
#
#   tools/bench/class_load.sh [PARTICIPANTS=1000] [QUESTIONS=5] [WINDOW_MS=2000]
# Env: SINAU_BUILD_DIR (default build/), SINAU_CONTENT (default content/), CLASS_MODULE (default 2).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${SINAU_BUILD_DIR:-$root/build}
n=${1:-1000}
questions=${2:-5}
window=${3:-2000}
content=${SINAU_CONTENT:-$root/content}
module=${CLASS_MODULE:-2}
sinau=$build/bin/sinau
load=$build/bin/bench_class_load
[ -x "$sinau" ] && [ -x "$load" ] || { echo "build first: sinau and bench_class_load in $build/bin" >&2; exit 2; }

tmp=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

"$sinau" class serve --db "$tmp/class.db" --content "$content" --module "$module" --bind 127.0.0.1 --port 0 \
  --auto --expect "$n" --lobby-seconds 120 --question-seconds $(( window / 1000 + 8 )) --reveal-seconds 1 \
  --max-questions "$questions" --ip-limit 0 --linger-seconds 2 > "$tmp/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q '^Port:' "$tmp/server.out" && break; sleep 0.1; done
port=$(sed -n 's/^Port: //p' "$tmp/server.out")
pin=$(sed -n 's/^PIN: //p' "$tmp/server.out")
[ -n "$port" ] || { cat "$tmp/server.out" >&2; exit 1; }

set +e
"$load" class --port "$port" --pin "$pin" --participants "$n" --window-ms "$window" --server-pid "$server_pid" \
  --timeout 240 > "$tmp/class.txt"
load_rc=$?
set -e
wait "$server_pid" || true
server_pid=
"$load" echo --participants "$n" --rounds "$questions" --window-ms "$window" > "$tmp/echo.txt"
"$load" fsync --dir "$tmp" --count 200 > "$tmp/fsync.txt"

v() { sed -n "s/^$1 //p" "$2" | head -1; }
stored=$(sqlite3 "$tmp/class.db" "SELECT COUNT(*) FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.kind = 'class'")
people=$(sqlite3 "$tmp/class.db" "SELECT COUNT(*) FROM class_participants")
acks=$(v acks "$tmp/class.txt")
sent=$(v sent "$tmp/class.txt")
p50=$(v p50_ms "$tmp/class.txt"); p99=$(v p99_ms "$tmp/class.txt")
ep50=$(v echo_p50_ms "$tmp/echo.txt"); ep99=$(v echo_p99_ms "$tmp/echo.txt")
fp50=$(v fsync_p50_ms "$tmp/fsync.txt"); fp99=$(v fsync_p99_ms "$tmp/fsync.txt")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }

echo "Class server load: $n participants x $questions questions, answers spread over ${window} ms, loopback"
printf "%-34s %14s %22s %10s\n" "metric" "sinau class" "reference" "ratio"
printf "%-34s %14s %22s %10s\n" "answer->ack p50 (ms)" "$p50" "echo $ep50" "$(ratio "$p50" "$ep50")"
printf "%-34s %14s %22s %10s\n" "answer->ack p99 (ms)" "$p99" "echo $ep99" "$(ratio "$p99" "$ep99")"
printf "%-34s %14s %22s %10s\n" "answer->ack p99 vs one fsync" "$p99" "fsync p99 $fp99" "$(ratio "$p99" "$fp99")"
printf "%-34s %14s\n" "answer->ack max (ms)" "$(v max_ms "$tmp/class.txt")"
printf "%-34s %14s\n" "answers sent / acked / stored" "$sent / $acks / $stored"
printf "%-34s %14s\n" "answers lost (acked, not stored)" "$(( acks - stored > 0 ? acks - stored : 0 ))"
printf "%-34s %14s\n" "answers never acked" "$(v lost "$tmp/class.txt")"
printf "%-34s %14s\n" "participants joined / stored" "$(v joined "$tmp/class.txt") / $people"
printf "%-34s %14s\n" "errors from server" "$(v errors "$tmp/class.txt")"
printf "%-34s %14s\n" "server CPU % (whole run)" "$(v server_cpu_percent "$tmp/class.txt")"
printf "%-34s %14s\n" "load tool CPU % (same 2 cores)" "$(v client_cpu_percent "$tmp/class.txt")"
printf "%-34s %14s\n" "wall time (s)" "$(v wall_s "$tmp/class.txt")"
grep -E '^(Tersimpan|Ringkasan)' "$tmp/server.out" || true
grep '^error_code' "$tmp/class.txt" || true

ok=1
[ "$load_rc" -eq 0 ] || ok=0
[ "$stored" -eq "$acks" ] || ok=0
[ "$people" -eq "$n" ] || ok=0
awk -v p="$p99" 'BEGIN { exit !(p <= 50) }' || { echo "p99 above the 50 ms goal"; ok=0; }
[ "$ok" -eq 1 ] && echo "RESULT: ok" || { echo "RESULT: FAILED"; exit 1; }
