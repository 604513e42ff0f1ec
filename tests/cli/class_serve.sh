#!/usr/bin/env bash
# `sinau class serve` end to end on loopback: a headless --auto class with simulated phones stores every
# answer; hostile joins store nothing; a killed server resumes with the same PIN, tokens and scores.
set -euo pipefail
bin=${SINAU_BIN:?}
src=${SINAU_SOURCE_DIR:?}
load=${SINAU_BUILD_DIR:?}/bin/bench_class_load
py=/usr/bin/python3
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$tmp/out" ] && cat "$tmp/out" >&2; exit 1; }

wait_port() {  # file -> port
  for _ in $(seq 100); do grep -q '^Port:' "$1" && break; sleep 0.1; done
  sed -n 's/^Port: //p' "$1"
}

# HTTP helper: method url [json] [token] -> prints "STATUS BODY"
http() {
  "$py" - "$@" <<'PY'
import json, sys, urllib.request, urllib.error
method, url = sys.argv[1], sys.argv[2]
body = sys.argv[3].encode() if len(sys.argv) > 3 and sys.argv[3] else None
req = urllib.request.Request(url, data=body, method=method)
if body is not None: req.add_header("Content-Type", "application/json")
if len(sys.argv) > 4 and sys.argv[4]: req.add_header("Authorization", "Bearer " + sys.argv[4])
try:
    with urllib.request.urlopen(req, timeout=10) as r: print(r.status, r.read().decode())
except urllib.error.HTTPError as e: print(e.code, e.read().decode())
PY
}

status() { local r; r=$(http "$@"); printf '%s' "${r:0:3}"; }

# --- 1. an automatic class with five phones -------------------------------------------------------
db=$tmp/auto.db
"$bin" class serve --db "$db" --module 2 --bind 127.0.0.1 --port 0 --auto --expect 5 --lobby-seconds 30 \
  --question-seconds 5 --reveal-seconds 0.3 --max-questions 3 --linger-seconds 1 > "$tmp/out" 2>&1 &
pids+=($!)
port=$(wait_port "$tmp/out"); pin=$(sed -n 's/^PIN: //p' "$tmp/out")
[ -n "$port" ] || fail "no port printed"
[[ "$pin" =~ ^[0-9]{6}$ ]] || fail "PIN is not 6 digits: $pin"
grep -q "^URL: http://127.0.0.1:$port/" "$tmp/out" || fail "join URL not printed"
[ "$(status GET "http://127.0.0.1:$port/")" = 200 ] || fail "page not served"
if [ -x "$load" ]; then
  "$load" class --port "$port" --pin "$pin" --participants 5 --window-ms 300 --timeout 60 > "$tmp/load" \
    || { cat "$tmp/load"; fail "load tool reported lost answers"; }
else
  fail "bench_class_load not built at $load"
fi
wait "${pids[0]}" || fail "server exited with an error"
grep -q "5 peserta, 3 dari 3 soal" "$tmp/out" || fail "summary missing"
[ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM class_participants')" = 5 ] || fail "participants not stored"
[ "$(sqlite3 "$db" "SELECT COUNT(*) FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.kind='class'")" = 15 ] \
  || fail "expected 15 stored answers"
[ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM attempts WHERE submitted_at IS NOT NULL AND score IS NOT NULL')" = 5 ] \
  || fail "attempts not submitted at the end"
[ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM class_sessions WHERE ended_at IS NOT NULL')" = 1 ] || fail "session not ended"
[ "$(sqlite3 "$db" "SELECT SUM(score) FROM class_participants") " = "$(sqlite3 "$db" "SELECT COUNT(*) FROM responses WHERE fraction >= 0.9999999") " ] \
  || fail "scores do not match the correct answers"

# --- 2. hostile joins, then a crash and a resume ---------------------------------------------------
db=$tmp/crash.db
mkfifo "$tmp/keys"
"$bin" class serve --db "$db" --module 2 --bind 127.0.0.1 --port 0 < "$tmp/keys" > "$tmp/out" 2>&1 &
pid=$!; pids+=($pid)
exec 3> "$tmp/keys"
port=$(wait_port "$tmp/out"); pin=$(sed -n 's/^PIN: //p' "$tmp/out"); session=$(sed -n 's/^Sesi: //p' "$tmp/out")
base=http://127.0.0.1:$port
wrong=$([ "$pin" = 000000 ] && echo 000001 || echo 000000)
[ "$(status POST "$base/api/join" "{\"pin\":\"$wrong\",\"name\":\"Budi\"}")" = 403 ] || fail "wrong PIN accepted"
[ "$(status POST "$base/api/join" "{\"pin\":\"$pin\",\"name\":\"<b>Budi</b>\"}")" = 400 ] || fail "HTML name accepted"
[ "$(status POST "$base/api/join" "{\"pin\":\"$pin\",\"name\":\"Budi\",\"extra\":1}")" = 400 ] || fail "unknown key accepted"
[ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM class_participants')" = 0 ] || fail "a refused join was stored"
reply=$(http POST "$base/api/join" "{\"pin\":\"$pin\",\"name\":\"Siti Aminah\"}")
[ "${reply:0:3}" = 201 ] || fail "join failed: $reply"
token=$(printf '%s' "${reply:4}" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["token"])')
printf 'n\n' >&3   # trainer opens question 1
sleep 0.5
ack=$(http POST "$base/api/answer" '{"question":0,"choices":[0]}' "$token")
[ "${ack:0:3}" = 200 ] || fail "answer not acknowledged: $ack"
[ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM responses')" = 1 ] || fail "acknowledged answer not in the database"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true   # the trainer's app crashes
exec 3>&-
first_port=$port
# The unfinished session is listed (the window offers the same list) with what it was.
"$bin" class unfinished --db "$db" > "$tmp/unfinished"
grep -q "^$session	.*	1 peserta	soal 1/" "$tmp/unfinished" || { cat "$tmp/unfinished"; fail "crashed session not listed"; }

"$bin" class serve --db "$db" --resume "$session" --bind 127.0.0.1 --port 0 < /dev/null > "$tmp/out2" 2>&1 &
pid=$!; pids+=($pid)
port=$(wait_port "$tmp/out2")
[ "$(sed -n 's/^PIN: //p' "$tmp/out2")" = "$pin" ] || fail "resumed session has another PIN"
# Same port as before the crash: the page keeps its token per origin (host:port).
[ "$port" = "$first_port" ] || fail "resumed on port $port, phones knew $first_port"
state=$(http GET "http://127.0.0.1:$port/api/state" "" "$token")
[ "${state:0:3}" = 200 ] || fail "token not accepted after resume: $state"
printf '%s' "${state:4}" | "$py" -c '
import json, sys
v = json.load(sys.stdin)
assert v["you"]["name"] == "Siti Aminah", v
assert v["you"]["answered"] is True, v
assert v["question"]["index"] == 0, v
' || fail "resumed view lost the participant's answer"
again=$(http POST "http://127.0.0.1:$port/api/answer" '{"question":0,"choices":[1]}' "$token")
[ "${again:0:3}" = 409 ] || fail "second answer after resume not refused: $again"
[ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM responses')" = 1 ] || fail "responses changed after resume"
kill -TERM "$pid"; wait "$pid" || true
grep -q "Ringkasan: 1 peserta" "$tmp/out2" || fail "no summary after SIGTERM"
grep -q "Tidak ada sesi kelas yang belum selesai" <("$bin" class unfinished --db "$db") || fail "ended session still listed"

# --- 3. a crashed session ended for good: answers kept, attempts submitted ----------------------------
"$bin" class serve --db "$db" --module 2 --bind 127.0.0.1 --port 0 < /dev/null > "$tmp/out3" 2>&1 &
pid=$!; pids+=($pid)
port=$(wait_port "$tmp/out3"); pin=$(sed -n 's/^PIN: //p' "$tmp/out3"); session3=$(sed -n 's/^Sesi: //p' "$tmp/out3")
reply=$(http POST "http://127.0.0.1:$port/api/join" "{\"pin\":\"$pin\",\"name\":\"Rina\"}")
[ "${reply:0:3}" = 201 ] || fail "join failed: $reply"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
"$bin" class end --db "$db" "$session3" | grep -q "diakhiri" || fail "class end did not report"
[ "$(sqlite3 "$db" "SELECT ended_at IS NOT NULL FROM class_sessions WHERE id = '$session3'")" = 1 ] || fail "not ended"
[ "$(sqlite3 "$db" "SELECT COUNT(*) FROM class_participants WHERE session_id = '$session3'")" = 1 ] || fail "participant lost"
if "$bin" class end --db "$db" "$session3" 2>/dev/null; then fail "ending an ended session succeeded"; fi
echo "class_serve: ok"
