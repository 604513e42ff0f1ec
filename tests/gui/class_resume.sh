#!/usr/bin/env bash
# A class survives the trainer's app being killed (issue 7: "a crash of the trainer's app loses no
# acknowledged answer and the session can resume"), through the REAL window under Xvfb. LOOPBACK ONLY
# (--class-debug binds 127.0.0.1); the phone is curl speaking app/core/classroom/PROTOCOL.md.
#
#   the trainer unlocks the class screen (PIN typed), two phones join, the clicker opens question 1, one
#   phone answers (ack = committed) -> kill -9 -> restart: the class screen offers "Lanjutkan sesi kelas"
#   with what it was -> click it: same port, the same token sees its score and answer, a resend is
#   refused as already answered, the trainer reveals and opens question 2, the token answers it ->
#   kill -9 again -> restart: "Akhiri sesi itu" + confirm ends it with both answers kept.
set -euo pipefail

TEST_NAME=class-resume NEEDS="sqlite3 curl jq"
source "$(dirname "$0")/drive_window.inc"

start_app() {  # start_app CLASS_DEBUG_SPEC: the class screen, then the PIN typed into the gate
    rm -f "$DUMP" "$T/app.out"
    "$BIN" --db "$DB" --content "$SRC/content" --screen class --class-debug "$1" --dump-widgets "$DUMP" \
        --size 1366x768 > "$T/app.out" 2> "$T/app.err" &
    APP=$!
    open_window
    wait_text "PIN"
    local before; before=$(frame)
    xdotool type --delay 40 "482615"; sleep 0.2
    xdotool keydown Return; sleep 0.15; xdotool keyup Return
    wait_new_frame "$before"
}
wait_port() {
    for _ in $(seq 150); do grep -q '^class-port' "$T/app.out" 2>/dev/null && break; sleep 0.1; done
    PORT=$(sed -n 's/^class-port //p' "$T/app.out")
    [ -n "$PORT" ] || fail "no class-port line"
}
api() {  # api METHOD PATH [BODY]: prints "STATUS BODY"
    local out status
    out=$(curl -s -o "$T/body" -w '%{http_code}' -X "$1" "http://127.0.0.1:$PORT$2" \
        -H 'Content-Type: application/json' ${TOKEN:+-H "Authorization: Bearer $TOKEN"} ${3:+--data "$3"}) || true
    status=$out
    echo "$status $(cat "$T/body")"
}
state() { TOKEN=$TOKEN api GET "/api/state?since=0" | cut -d' ' -f2-; }
wait_phase() {  # wait_phase PHASE QUESTION
    for _ in $(seq 100); do
        local s; s=$(state)
        [ "$(echo "$s" | jq -r .phase)" = "$1" ] && [ "$(echo "$s" | jq -r '.question.index // -1')" = "$2" ] && return 0
        sleep 0.1
    done
    fail "the phone never saw phase $1 of question $2"
}

echo 482615 | "$BIN" admin set-pin --db "$DB" >/dev/null

# ---------------------------------------------------------------------------------------------
step "a class runs: a phone joins, question 1 opens, its answer is acknowledged"
start_app "module=2,max=2,seconds=300"
wait_port
FIRST_PORT=$PORT
PIN=$(sed -n 's/^class-pin //p' "$T/app.out")
SESSION=$(sed -n 's/^class-session //p' "$T/app.out")
TOKEN=""
read -r status body < <(api POST /api/join "{\"pin\":\"$PIN\",\"name\":\"Siti Aminah\"}")
[ "$status" = 201 ] || fail "join: $status $body"
TOKEN=$(echo "$body" | jq -r .token)
# A second phone that does not answer question 1 keeps it open (everyone answered = closed at once).
read -r status body < <(api POST /api/join "{\"pin\":\"$PIN\",\"name\":\"Budi Santoso\"}")
[ "$status" = 201 ] || fail "join 2: $status $body"
wait_text "Budi Santoso"
press Page_Down   # the presenter's clicker opens question 1
wait_phase question 0
read -r status body < <(api POST /api/answer '{"question":0,"choices":[0]}')
[ "$status" = 200 ] || fail "answer: $status $body"
[ "$(echo "$body" | jq -r .type)" = ack ] || fail "no ack: $body"
SCORE=$(q "SELECT score FROM class_participants WHERE session_id = '$SESSION' AND name = 'Siti Aminah'")
[ "$(q "SELECT COUNT(*) FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.class_session_id = '$SESSION'")" = 1 ] ||
    fail "the acknowledged answer is not in the database"

step "kill -9 in the middle of question 1"
kill9
[ "$(q "SELECT ended_at IS NULL FROM class_sessions WHERE id = '$SESSION'")" = 1 ] || fail "session marked ended by a crash?"

step "restart: the class screen offers the unfinished session with what it was"
start_app "session=0"
wait_text "Ada sesi kelas yang belum selesai"
has_text "Netralitas" || fail "module title not shown"
has_text "2 peserta" || fail "participant count not shown"
has_text "sampai soal 1 dari 2" || fail "question reached not shown"
has_text "Dimulai " || fail "start time not shown"
has_text "Akhiri sesi itu" || fail "no 'Akhiri sesi itu'"

step "Lanjutkan sesi kelas: same port, same token, same score, the answer kept"
click_text "Lanjutkan sesi kelas"
wait_port
[ "$PORT" = "$FIRST_PORT" ] || fail "resumed on port $PORT, the phones knew $FIRST_PORT"
[ "$(sed -n 's/^class-session //p' "$T/app.out")" = "$SESSION" ] || fail "another session was started"
wait_text "Soal 1 dari 2"
s=$(state)
[ "$(echo "$s" | jq -r .you.name)" = "Siti Aminah" ] || fail "token not recognised after resume: $s"
[ "$(echo "$s" | jq -r .you.score)" = "$SCORE" ] || fail "score $(echo "$s" | jq -r .you.score), was $SCORE"
[ "$(echo "$s" | jq -r .you.answered)" = true ] || fail "the answer was forgotten: $s"
[ "$(echo "$s" | jq -c .you.choices)" = "[0]" ] || fail "the choice was forgotten: $s"
read -r status body < <(api POST /api/answer '{"question":0,"choices":[1]}')
[ "$status" = 409 ] && [ "$(echo "$body" | jq -r .error.code)" = already_answered ] || fail "resend: $status $body"
has_text "1 / 2 menjawab" || fail "the trainer's screen lost the answer count"

step "the trainer carries on: reveal, question 2, the same phone answers it"
click_text "Tampilkan jawaban"
wait_phase reveal 0
wait_text "Papan peringkat"
has_text "Siti Aminah" || fail "leaderboard without the participant"
press Page_Down
wait_phase question 1
read -r status body < <(api POST /api/answer '{"question":1,"choices":[0]}')
[ "$status" = 200 ] || fail "answer to question 2 after resume: $status $body"
[ "$(q "SELECT COUNT(*) FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.class_session_id = '$SESSION'")" = 2 ] ||
    fail "two answers expected"

step "kill -9 again; restart; 'Akhiri sesi itu' ends it, both answers kept"
kill9
start_app "session=0"
wait_text "sampai soal 2 dari 2"
click_text "Akhiri sesi itu"
wait_text "Ya, akhiri"
click_text "Ya, akhiri"
for _ in $(seq 50); do has_text "Ada sesi kelas yang belum selesai" || break; sleep 0.1; done
has_text "Ada sesi kelas yang belum selesai" && fail "the ended session is still offered"
[ "$(q "SELECT ended_at IS NOT NULL FROM class_sessions WHERE id = '$SESSION'")" = 1 ] || fail "session not ended"
[ "$(q "SELECT COUNT(*) FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.class_session_id = '$SESSION'")" = 2 ] ||
    fail "answers lost when ending"
[ "$(q "SELECT COUNT(*) FROM attempts WHERE class_session_id = '$SESSION' AND submitted_at IS NOT NULL")" = 2 ] ||
    fail "the attempts were not submitted"
kill9
echo "class_resume: ok (port $FIRST_PORT kept, score $SCORE kept)"
