#!/usr/bin/env bash
# The real event loop with real input under Xvfb + xdotool: arrow keys turn pages, SIGTERM and
# Ctrl+Q exit cleanly (exit code 0, --dump-text written at exit), and the idle window uses ~no CPU,
# also on the profile form it opens on, whose focused text field would blink.
set -euo pipefail
tmp=${SINAU_TMP:-$(mktemp -d)}
course=$SINAU_FIXTURES/ui/course
cat > "$tmp/inner.sh" <<INNER
set -euo pipefail
cpu() { awk '{print \$14 + \$15}' /proc/\$1/stat; }
"$SINAU_BIN" --db "$tmp/sinau.db" --content "$course" --module 01-contoh-bacaan --dump-text "$tmp/live.txt" &
pid=\$!
xdotool search --sync --name "Sinau" >/dev/null
sleep 1.5
win=\$(xdotool search --name "Sinau" | head -1)
xdotool windowfocus --sync "\$win" 2>/dev/null || true
xdotool key --window "\$win" Right
sleep 0.7
# Idle: no input for 3 s -> the loop sleeps in glfwWaitEvents (clock ticks are 1/100 s).
t0=\$(cpu \$pid); sleep 3; t1=\$(cpu \$pid)
echo "idle ticks over 3 s: \$((t1 - t0))"
[ \$((t1 - t0)) -le 3 ] || { echo "FAIL: busy while idle"; kill \$pid; exit 1; }
kill -TERM \$pid
wait \$pid; echo "sigterm exit: \$?"

"$SINAU_BIN" --db "$tmp/sinau.db" --content "$course" --dump-widgets "$tmp/widgets.txt" &
pid=\$!
xdotool search --sync --name "Sinau" >/dev/null
sleep 1.5
win=\$(xdotool search --name "Sinau" | head -1)
xdotool windowfocus --sync "\$win" 2>/dev/null || true
# It opens on the profile form, whose name field has the keyboard focus. Nobody types, so the
# cursor must not blink the loop awake: not one frame in 3 s (the dump's first line counts frames).
grep -qx "screen profiles" "$tmp/widgets.txt" || { echo "FAIL: did not open on the profile form"; kill \$pid; exit 1; }
f0=\$(head -1 "$tmp/widgets.txt"); sleep 3; f1=\$(head -1 "$tmp/widgets.txt")
echo "profile form at rest: \$f0 -> \$f1"
[ "\$f0" = "\$f1" ] || { echo "FAIL: frames drawn with no input"; kill \$pid; exit 1; }
# Press like a person does (keys held ~0.15 s: ImGui 1.86 can miss a press and release that both fall
# between two frames), and press again while a slow build (ASan) may still be starting up.
for attempt in \$(seq 5); do
  kill -0 \$pid 2>/dev/null || break
  xdotool keydown --window "\$win" ctrl+q 2>/dev/null || true; sleep 0.15
  xdotool keyup --window "\$win" ctrl+q 2>/dev/null || true  # the window may already be gone
  for i in \$(seq 20); do kill -0 \$pid 2>/dev/null || break; sleep 0.1; done
done
if kill -0 \$pid 2>/dev/null; then echo "FAIL: Ctrl+Q did not quit"; kill \$pid; exit 1; fi
wait \$pid; echo "ctrl+q exit: \$?"
INNER
xvfb-run -a -s "-screen 0 1366x768x24" bash "$tmp/inner.sh" | tee "$tmp/log.txt"
grep -q "sigterm exit: 0" "$tmp/log.txt"
grep -q "ctrl+q exit: 0" "$tmp/log.txt"
grep -qF "Halaman 2 dari 3" "$tmp/live.txt" || { echo "FAIL: Right arrow did not turn the page"; cat "$tmp/live.txt"; exit 1; }
echo "live_window: ok"
