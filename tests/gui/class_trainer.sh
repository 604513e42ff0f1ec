#!/usr/bin/env bash
# Live class, trainer side, in the real window under Xvfb (issue 7). LOOPBACK ONLY: the session is started
# with --class-debug, which binds 127.0.0.1 and nothing else; the phones are a python client on 127.0.0.1
# following app/core/classroom/PROTOCOL.md.
#  A. The trainer unlocks the class screen with the PIN (typed with xdotool), 3 phones join, the trainer's
#     clicker (PageDown) opens the first question, the phones answer, the session reveals: the last frame
#     shows the names, "3 / 3 menjawab", the distribution and the leaderboard; the DB holds 3 answers of
#     attempts marked kind='class' for this session.
#  B. Autopilot over 2 questions to the end: podium + summary drawn; 6 answers stored, attempts submitted,
#     session ended; with the session over the window idles (~0 % CPU).
set -euo pipefail
tmp=${SINAU_TMP:-$(mktemp -d)}
db=$tmp/class.db
py=/usr/bin/python3
expect() {  # expect FILE TEXT...: every TEXT is a line fragment of FILE
  local file=$1; shift
  for t in "$@"; do grep -qF -- "$t" "$file" || { echo "FAIL: '$t' not drawn in $file"; cat "$file"; exit 1; }; done
}
echo 482615 | "$SINAU_BIN" admin set-pin --db "$db" >/dev/null

# The phones: join with the PIN, wait for a phase by long-polling, answer. Prints JSON lines.
cat > "$tmp/phones.py" <<'PY'
import json, sys, time, urllib.request, urllib.error
port, pin, cmd = sys.argv[1], sys.argv[2], sys.argv[3]
base = "http://127.0.0.1:%s" % port
def call(method, path, body=None, token=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token: req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=30) as r: return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e: return e.code, json.loads(e.read() or b"{}")
def wait_phase(token, phase, question=None, limit=30):
    since, end = 0, time.time() + limit
    while time.time() < end:
        _, v = call("GET", "/api/state?since=%d" % since, token=token)
        if v.get("phase") == phase and (question is None or v.get("question", {}).get("index") == question): return v
        since = v.get("version", 0)
    sys.exit("timeout waiting for %s" % phase)
names = ["Siti Aminah", "Budi Santoso", "Dewi Lestari"]
tokens = []
for n in names:
    status, r = call("POST", "/api/join", {"pin": pin, "name": n})
    assert status == 201, (status, r)
    tokens.append(r["token"])
print(json.dumps({"joined": len(tokens)}), flush=True)
questions = int(cmd)
for q in range(questions):
    v = wait_phase(tokens[0], "question", q)
    picks = [[0], [0], [1]]  # two phones agree, one differs
    for t, p in zip(tokens, picks):
        status, ack = call("POST", "/api/answer", {"question": q, "choices": p}, token=t)
        assert status == 200, (status, ack)
    r = wait_phase(tokens[0], "reveal", q)
    print(json.dumps({"reveal": r["reveal"], "leaderboard": r["leaderboard"]}), flush=True)
PY

start_app() {  # start_app NAME SPEC: the window on the class screen; waits for the port line
  local name=$1 spec=$2
  "$SINAU_BIN" --db "$db" --screen class --class-debug "$spec" --dump-text "$tmp/$name.txt" > "$tmp/$name.out" 2>"$tmp/$name.err" &
  pid=$!
  for _ in $(seq 150); do grep -q '^class-port' "$tmp/$name.out" 2>/dev/null && break; sleep 0.1; done
  port=$(sed -n 's/^class-port //p' "$tmp/$name.out"); pin=$(sed -n 's/^class-pin //p' "$tmp/$name.out")
  session=$(sed -n 's/^class-session //p' "$tmp/$name.out")
  [ -n "$port" ] || { echo "FAIL: no class-port"; cat "$tmp/$name.out" "$tmp/$name.err"; exit 1; }
  xdotool search --sync --name "Sinau" >/dev/null
  sleep 1
  win=$(xdotool search --name "Sinau" | head -1)
  xdotool windowfocus --sync "$win" 2>/dev/null || true
}
cpu() { awk '{print $14 + $15}' /proc/$1/stat; }

cat > "$tmp/inner.sh" <<INNER
set -euo pipefail
$(declare -f start_app cpu)
tmp=$tmp; db=$db; SINAU_BIN=$SINAU_BIN
# ---- A: PIN, clicker, reveal ----
start_app a "module=2,max=2,seconds=120"
xdotool type --delay 40 "482615"; sleep 0.2; xdotool keydown Return; sleep 0.15; xdotool keyup Return
sleep 1.5
$py "$tmp/phones.py" "\$port" "\$pin" 1 > "$tmp/a.phones" &
phones=\$!
for _ in \$(seq 100); do grep -q joined "$tmp/a.phones" 2>/dev/null && break; sleep 0.1; done
sleep 1
xdotool key Page_Down   # the presenter's clicker opens question 1
wait \$phones
echo "\$session" > "$tmp/a.session"
sleep 1; xdotool mousemove 600 300; sleep 0.5
kill -TERM \$pid; wait \$pid

# ---- B: autopilot to the end, then idle ----
start_app b "module=2,max=2,seconds=120,auto=3,reveal=1"
xdotool type --delay 40 "482615"; sleep 0.2; xdotool keydown Return; sleep 0.15; xdotool keyup Return
sleep 1
$py "$tmp/phones.py" "\$port" "\$pin" 2 > "$tmp/b.phones"
echo "\$session" > "$tmp/b.session"
sleep 2.5   # autopilot: 1 s reveal, then the end
xdotool mousemove 500 400; sleep 0.5
t0=\$(cpu \$pid); sleep 3; t1=\$(cpu \$pid)
echo \$((t1 - t0)) > "$tmp/b.idle"
kill -TERM \$pid; wait \$pid
INNER
xvfb-run -a -s "-screen 0 1366x768x24" bash "$tmp/inner.sh"

# ---- A: what the trainer saw, what the DB holds ----
a_session=$(cat "$tmp/a.session")
reveal=$(grep reveal "$tmp/a.phones")
read -r right0 c0 c1 <<<"$($py -c "import json,sys; r=json.loads(sys.argv[1])['reveal']; print(r['correct'][0], r['counts'][0], r['counts'][1])" "$reveal")"
expect "$tmp/a.txt" "Siti Aminah" "Budi Santoso" "Dewi Lestari" "3 / 3 menjawab" "Papan peringkat" "Soal 1 dari 2" \
  "$c0 (" "$c1 (" "Soal berikutnya"
[ "$c0" = 2 ] && [ "$c1" = 1 ] || { echo "FAIL: distribution $c0/$c1"; exit 1; }
# Leaderboard: if choice 0 was right, Siti and Budi lead with 1 point; otherwise Dewi does.
if [ "$right0" = 0 ]; then grep -qE "^1 +Siti Aminah +1" "$tmp/a.txt" || { echo "FAIL: leaderboard"; cat "$tmp/a.txt"; exit 1; }
else grep -qE "Dewi Lestari +1" "$tmp/a.txt" || { echo "FAIL: leaderboard"; cat "$tmp/a.txt"; exit 1; }; fi
stored=$(sqlite3 "$db" "SELECT COUNT(*) FROM responses r JOIN attempts a ON a.id = r.attempt_id
                        WHERE a.kind = 'class' AND a.class_session_id = '$a_session'")
[ "$stored" = 3 ] || { echo "FAIL: $stored answers stored for session A"; exit 1; }
people=$(sqlite3 "$db" "SELECT group_concat(name, '|') FROM (SELECT name FROM class_participants WHERE session_id = '$a_session' ORDER BY joined_at)")
[ "$people" = "Siti Aminah|Budi Santoso|Dewi Lestari" ] || { echo "FAIL: participants '$people'"; exit 1; }

# ---- B ----
b_session=$(cat "$tmp/b.session")
expect "$tmp/b.txt" "Kuis selesai" "Ringkasan kelas" "Soal ditanyakan" "2 dari 2" "Rata-rata benar" "Tutup sesi" \
  "Siti Aminah" "Budi Santoso" "Dewi Lestari"
stored=$(sqlite3 "$db" "SELECT COUNT(*) FROM responses r JOIN attempts a ON a.id = r.attempt_id
                        WHERE a.kind = 'class' AND a.class_session_id = '$b_session'")
[ "$stored" = 6 ] || { echo "FAIL: $stored answers stored for session B"; exit 1; }
[ "$(sqlite3 "$db" "SELECT ended_at IS NOT NULL FROM class_sessions WHERE id = '$b_session'")" = 1 ] ||
  { echo "FAIL: session B not ended"; exit 1; }
[ "$(sqlite3 "$db" "SELECT COUNT(*) FROM attempts WHERE class_session_id = '$b_session' AND submitted_at IS NOT NULL")" = 3 ] ||
  { echo "FAIL: attempts of session B not submitted"; exit 1; }
idle=$(cat "$tmp/b.idle")
[ "$idle" -le 15 ] || { echo "FAIL: $idle CPU ticks in 3 s with the class over (should idle)"; exit 1; }
echo "class_trainer: ok (idle after the end: $idle ticks / 3 s)"
