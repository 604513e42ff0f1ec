#!/usr/bin/env bash
# The learning loop end to end, through the REAL window: Xvfb + xdotool send X11 input that goes
# through GLFW into ImGui exactly as a person's mouse and keyboard would. The app writes what it shows
# after every frame (--dump-widgets: screen, each line of text with its box, named widgets), so the
# script clicks by label and waits for frames instead of sleeping blindly; what happened is asserted
# from the dumped text and from the SQLite file itself.
#
#   create a learner (a wrong NIP first: the message appears under the field) -> open module 1 ->
#   page through it -> take its quiz in latihan (mouse for the first answer, keys for the rest) ->
#   result -> Ctrl+Q -> restart: the profile, the module state and "Lanjutkan" are kept ->
#   start another attempt, answer 2 questions, kill -9 -> restart: "Lanjutkan" resumes at question 3
#   -> play a scenario to its end with number keys.
set -euo pipefail

TEST_NAME=e2e NEEDS="sqlite3"
source "$(dirname "$0")/drive_window.inc"

# SINAU_E2E_SHOTS=DIR keeps a screenshot of the screen at each point named (for reviewing the look).
shot() {
    [ -n "${SINAU_E2E_SHOTS:-}" ] || return 0
    mkdir -p "$SINAU_E2E_SHOTS"
    /usr/bin/python3 -c "import os,sys; from PIL import ImageGrab; ImageGrab.grab(xdisplay=os.environ['DISPLAY']).save(sys.argv[1])" \
        "$SINAU_E2E_SHOTS/$1.png" || true
}

# Waits (up to 15 s) for a frame of screen $1 that shows text $2 (optional).
wait_for() {
    local screen=$1 text=${2:-}
    for _ in $(seq 150); do
        if on_screen "$screen" && { [ -z "$text" ] || has_text "$text"; }; then return 0; fi
        sleep 0.1
    done
    fail "timed out waiting for screen '$screen' showing '$text'"
}
# Clicks the widget the app named $1 (MarkWidget) at its middle, or at x offset $2 px from its left.
click_widget() {
    local line
    line=$(awk -F'\t' -v n="$1" '$1=="widget" && $2==n {print; exit}' "$DUMP")
    [ -n "$line" ] || fail "no widget '$1' on screen"
    local x y w h
    read -r x y w h < <(echo "$line" | awk -F'\t' '{print $3, $4, $5, $6}')
    local before; before=$(frame)
    click_at $((x + ${2:-$((w / 2))})) $((y + h / 2))
    wait_new_frame "$before"
}
has_widget() { awk -F'\t' -v n="$1" '$1=="widget" && $2==n {f=1} END {exit !f}' "$DUMP"; }
type_text() {
    local before; before=$(frame)
    xdotool type --delay 25 "$1"
    wait_new_frame "$before"
}

start_app() {
    rm -f "$DUMP"
    "$BIN" --db "$DB" --content "$SRC/content" --dump-widgets "$DUMP" --size 1366x768 2>"$T/app.err" &
    APP=$!
    open_window
}
stop_with_ctrl_q() {
    xdotool keydown ctrl q
    sleep 0.1
    xdotool keyup q ctrl
    for _ in $(seq 100); do kill -0 "$APP" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$APP" 2>/dev/null && fail "Ctrl+Q did not close the app"
    wait "$APP" || fail "the app exited with an error after Ctrl+Q: $(cat "$T/app.err")"
    APP=""
}

MODULE=01-potret-birokrasi
MODULE_TITLE="Potret Birokrasi: Orde Lama, Orde Baru, Reformasi"
NAME="Rahayu Setyaningsih"
NIP=198803122015032001

# ---------------------------------------------------------------------------------------------
step "first start: the profile picker asks who is learning"
start_app
wait_for profiles "Buat profil baru"
has_text "Belum ada profil" || fail "an empty picker should say there is no profile yet"

step "create a learner; a wrong NIP is refused with the message under the field"
click_widget profile.field.name
type_text "$NAME"
press Tab                                  # ImGui's Tab moves to the next field (NIP)
type_text "12345"
click_widget profile.field.instansi
type_text "BKD Kabupaten Sidoarjo"
click_text "Simpan profil"
wait_for profiles "NIP harus 18 angka"
shot 01-profile-error
[ "$(q 'SELECT count(*) FROM learners')" = 0 ] || fail "an invalid profile was saved"
click_widget profile.field.nip
press ctrl+a
type_text "$NIP"
press Return                               # Enter in a field saves the profile
wait_for home "Belajar sebagai"
has_text "$NAME" || fail "home does not show the signed-in learner"
shot 02-home-new-learner
[ "$(q "SELECT name || '|' || instansi FROM learners WHERE nip = '$NIP'")" = "$NAME|BKD Kabupaten Sidoarjo" ] ||
    fail "learner row not stored as typed"

step "open module 1 and page through its reading"
click_text "$MODULE_TITLE"
wait_for overview "Mulai membaca"
click_text "Mulai membaca"
wait_for module "Halaman 1 dari 7"
click_text "Berikutnya"                    # the mouse once ...
wait_for module "Halaman 2 dari 7"
for p in 3 4 5 6 7; do                     # ... then the arrow key
    press Right
    wait_for module "Halaman $p dari 7"
done
[ "$(q "SELECT page || '/' || max_page || '/' || pages FROM reading_progress WHERE module_id = '$MODULE'")" = "6/6/7" ] ||
    fail "reading position not stored: $(q 'SELECT * FROM reading_progress')"
click_text "Selesai"
wait_for home "Belajar sebagai"
has_text "Sedang dipelajari" || fail "module 1 should now show 'Sedang dipelajari'"

step "take the quiz (latihan): first answer with the mouse, the rest with keys 1-9 / typing and Enter"
click_text "$MODULE_TITLE"
wait_for overview "Mulai latihan"
click_text "Mulai latihan"
wait_for quiz "Soal 1 dari"
shot 03-quiz-first
ATTEMPT=$(q "SELECT id FROM attempts WHERE module_id = '$MODULE' AND submitted_at IS NULL")
[ -n "$ATTEMPT" ] || fail "no open attempt after starting the quiz"
first=1
for _ in $(seq 80); do
    on_screen result && break
    if has_text "Periksa jawaban" || has_text "Lanjut"; then
        if has_text "Lanjut" && ! has_text "Periksa jawaban" && ! has_text "Soal berikutnya"; then
            press Return                   # an introduction text: nothing to answer
        elif has_widget quiz.text; then
            click_widget quiz.text 20
            type_text "netral"
            shot 05-quiz-text
            press Return
        elif [ $first = 1 ] && has_widget quiz.option.1; then
            click_widget quiz.option.1
            click_text "Periksa jawaban"
        else
            has_widget quiz.match.1 && shot 06-quiz-match
            press 1
            press Return
        fi
        # latihan: the verdict and the explanation appear right after the answer
        for _ in $(seq 30); do has_text "Soal berikutnya" || has_text "Selesai & lihat hasil" && break; sleep 0.1; done
        has_text "Penjelasan" || has_text "Jawaban benar" || has_text "Sebagian benar" || has_text "dinilai oleh pelatih" ||
            fail "latihan shows no feedback after an answer"
        [ $first = 1 ] && shot 04-quiz-feedback
        first=0
        answered=$(q "SELECT count(*) FROM responses WHERE attempt_id = '$ATTEMPT'")
        [ "$answered" -ge 1 ] || fail "the answer was not committed when given"
    elif has_text "Soal berikutnya" || has_text "Selesai & lihat hasil"; then
        press Return
    elif has_text "Kirim jawaban sekarang?"; then
        press Return
    else
        sleep 0.2
    fi
done
wait_for result "Hasil kuis"
has_text "Nilai Anda" || fail "result has no score"
has_text "Pembahasan" || fail "result has no review"
has_text "batas lulus 70" || fail "result does not state the pass mark"
has_text "Jawaban Anda:" || fail "review lacks the learner's answers"
shot 07-result
PLAN=$(q "SELECT json_array_length(plan, '\$.items') FROM attempts WHERE id = '$ATTEMPT'")
[ "$(q "SELECT submitted_at IS NOT NULL FROM attempts WHERE id = '$ATTEMPT'")" = 1 ] || fail "attempt not submitted"
[ "$(q "SELECT count(*) FROM responses WHERE attempt_id = '$ATTEMPT'")" = "$PLAN" ] || fail "not every answer was stored"
SCORE=$(q "SELECT score FROM attempts WHERE id = '$ATTEMPT'")
echo "   quiz submitted: $PLAN items, score $SCORE"

step "Ctrl+Q quits; the records survive"
stop_with_ctrl_q
[ "$(q "SELECT status FROM module_results WHERE module_id = '$MODULE'")" = sedang ] ||
    fail "module 1 should be 'sedang' (its scenarios are not played yet)"

step "restart: the picker lists the learner; home keeps the progress"
start_app
wait_for profiles "$NAME"
click_text "Masuk"
wait_for home "Belajar sebagai"
has_text "Sedang dipelajari" || fail "module state lost after restart"
has_text "0 dari 6 modul lulus" || fail "overall progress missing"
has_text "Lanjutkan" || fail "no Lanjutkan after restart"
shot 08-home-after-restart

step "start a new attempt, answer two questions, crash (kill -9), resume with Lanjutkan"
click_text "$MODULE_TITLE"
wait_for overview "Mulai latihan"
has_text "Percobaan sebelumnya" || fail "the submitted attempt is not listed"
click_text "Mulai latihan"
wait_for quiz "Soal 1 dari"
ATTEMPT2=$(q "SELECT id FROM attempts WHERE module_id = '$MODULE' AND submitted_at IS NULL")
given=0
for _ in $(seq 20); do
    [ $given -ge 2 ] && has_text "Soal 3 dari" && break
    if has_text "Periksa jawaban"; then
        if has_widget quiz.text; then click_widget quiz.text 20; type_text "1965"; else press 1; fi
        press Return
        given=$((given + 1))
        for _ in $(seq 30); do has_text "Soal berikutnya" && break; sleep 0.1; done
    elif has_text "Soal berikutnya"; then
        press Return
    else
        press Return
    fi
done
[ "$(q "SELECT count(*) FROM responses WHERE attempt_id = '$ATTEMPT2'")" = 2 ] || fail "two answers should be committed"
kill9
start_app
wait_for profiles "$NAME"
click_text "Masuk"
wait_for home "Kuis Modul 1 yang belum dikirim"
click_text "Lanjutkan"
wait_for quiz "Soal 3 dari"
has_text "2 dari 10 soal dijawab" || fail "the resumed attempt lost its answers"
shot 09-quiz-resumed
[ "$(q "SELECT count(*) FROM attempts WHERE module_id = '$MODULE' AND submitted_at IS NULL")" = 1 ] ||
    fail "resuming must not open a second attempt"

step "play a scenario to its end with number keys"
click_widget quiz.leave
wait_for overview "Mainkan"
click_text "Mainkan"
wait_for scenario "Pilih salah satu tindakan"
for i in $(seq 15); do
    has_text "Akhir cerita" && break
    press 1
    [ "$i" = 1 ] && shot 10-scenario-consequence
done
wait_for scenario "Akhir cerita"
has_text "Jalur terbaik" || fail "the ending shows no best path"
has_text "Umpan balik" || fail "the ending shows no feedback"
shot 11-scenario-ending
[ "$(q "SELECT count(*) FROM scenario_runs WHERE module_id = '$MODULE' AND ended = 1")" = 1 ] ||
    fail "the finished run was not stored as ended"
stop_with_ctrl_q

echo "PASS: learning loop end to end (learner, reading, quiz, result, restart, crash resume, scenario)"
