#!/usr/bin/env bash
# The trainer's frame time while a class answers (issue 7: "the trainer's frame time unaffected").
# LOOPBACK ONLY. One run of the real window under Xvfb at 1366x768: the trainer unlocks the class screen
# (PIN typed with xdotool); for the first seconds no session runs (the reference: the class setup screen,
# redrawn at 60 Hz); then `--class-debug` starts a session on 127.0.0.1 with the autopilot and
# bench_class_load drives N simulated phones (join, WebSocket, answer every question inside a window).
# The app logs every frame's duration (DrawFrame start -> after Present) with the phase it showed.
#
#   tools/bench/class_frame.sh [PARTICIPANTS=1000] [QUESTIONS=3] [WINDOW_MS=2000]
# Env: SINAU_BUILD_DIR (default build/), CLASS_MODULE (default 2).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${SINAU_BUILD_DIR:-$root/build}
n=${1:-1000}
questions=${2:-3}
window=${3:-2000}
module=${CLASS_MODULE:-2}
sinau=$build/bin/sinau
load=$build/bin/bench_class_load
[ -x "$sinau" ] && [ -x "$load" ] || { echo "build first: sinau and bench_class_load in $build/bin" >&2; exit 2; }
command -v xvfb-run >/dev/null && command -v xdotool >/dev/null || { echo "needs xvfb-run and xdotool" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo 482615 | "$sinau" admin set-pin --db "$tmp/class.db" >/dev/null
delay=7   # seconds of no-session frames (the reference) before the class starts

cat > "$tmp/inner.sh" <<INNER
set -euo pipefail
ulimit -n \$(ulimit -Hn) 2>/dev/null || true
"$sinau" --db "$tmp/class.db" --screen class \
  --class-debug "module=$module,max=$questions,seconds=$(( window / 1000 + 8 )),auto=$n,lobby=120,reveal=1,ip_limit=0,bench=$tmp/frames.txt,delay=$delay" \
  > "$tmp/app.out" 2> "$tmp/app.err" &
pid=\$!
xdotool search --sync --name "Sinau" >/dev/null
sleep 1
win=\$(xdotool search --name "Sinau" | head -1)
xdotool windowfocus --sync "\$win" 2>/dev/null || true
xdotool type --delay 30 "482615"; sleep 0.2; xdotool keydown Return; sleep 0.15; xdotool keyup Return
for _ in \$(seq 200); do grep -q '^class-port' "$tmp/app.out" && break; sleep 0.1; done
port=\$(sed -n 's/^class-port //p' "$tmp/app.out"); pin=\$(sed -n 's/^class-pin //p' "$tmp/app.out")
[ -n "\$port" ] || { cat "$tmp/app.out" "$tmp/app.err" >&2; kill \$pid; exit 1; }
sleep 1
set +e
"$load" class --port "\$port" --pin "\$pin" --participants $n --window-ms $window --server-pid \$pid --timeout 240 \
  > "$tmp/load.txt"
echo \$? > "$tmp/load.rc"
set -e
sleep 1
kill -TERM \$pid; wait \$pid || true
INNER
xvfb-run -a -s "-screen 0 1366x768x24" bash "$tmp/inner.sh"

[ -s "$tmp/frames.txt" ] || { echo "no frame log" >&2; cat "$tmp/app.err" >&2; exit 1; }
# Reference: no session, after the PIN card is gone (from 3 s after launch until the class starts).
# Under load: frames of the question phase while answers arrive (answered > 0), and every live frame.
stats() {  # stats AWK-CONDITION -> "count p50 p99 max"
  awk -v cond="$1" 'NR > 1 {
      ok = 0
      if (cond == "ref") ok = ($3 == "none" && $1 >= 3);
      else if (cond == "answering") ok = ($3 == "question" && $5 > 0);
      else if (cond == "live") ok = ($3 != "none");
      if (ok) print $2 }' "$tmp/frames.txt" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "0 - - -"; exit }
         i50 = int(0.50 * NR); if (i50 < 1) i50 = 1; i99 = int(0.99 * NR); if (i99 < 1) i99 = 1;
         printf "%d %.2f %.2f %.2f\n", NR, v[i50], v[i99], v[NR] }'
}
read -r rn r50 r99 rmax <<<"$(stats ref)"
read -r an a50 a99 amax <<<"$(stats answering)"
read -r ln l50 l99 lmax <<<"$(stats live)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
v() { sed -n "s/^$1 //p" "$tmp/load.txt" | head -1; }
stored=$(sqlite3 "$tmp/class.db" "SELECT COUNT(*) FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.kind = 'class'")

echo "Trainer frame time: $n participants x $questions questions, answers spread over ${window} ms, loopback, Xvfb 1366x768"
printf "%-40s %8s %10s %10s %10s\n" "frames" "count" "p50 ms" "p99 ms" "max ms"
printf "%-40s %8s %10s %10s %10s\n" "no session (reference, same run)" "$rn" "$r50" "$r99" "$rmax"
printf "%-40s %8s %10s %10s %10s\n" "question open, answers arriving" "$an" "$a50" "$a99" "$amax"
printf "%-40s %8s %10s %10s %10s\n" "whole live session" "$ln" "$l50" "$l99" "$lmax"
printf "%-40s %19s %10s\n" "ratio answering / reference" "p50 $(ratio "$a50" "$r50")" "p99 $(ratio "$a99" "$r99")"
printf "%-40s %s\n" "phones joined / answers acked / stored" "$(v joined) / $(v acks) / $stored"
printf "%-40s %s\n" "answer->ack p50 / p99 (ms)" "$(v p50_ms) / $(v p99_ms)"
printf "%-40s %s\n" "app CPU % during the load (server+UI)" "$(v server_cpu_percent)"
ok=1
[ "$(cat "$tmp/load.rc")" = 0 ] || { echo "load tool failed"; ok=0; }
[ "$an" -gt 0 ] || { echo "no frame drawn while answers arrived"; ok=0; }
[ "$stored" -eq "$(v acks)" ] || { echo "acked answers missing from the database"; ok=0; }
[ "$ok" -eq 1 ] && echo "RESULT: ok" || { echo "RESULT: FAILED"; exit 1; }
