#!/usr/bin/env bash
# High-DPI: on a screen that says 144 dpi (Xft.dpi, as desktop settings set it) GLFW reports a content
# scale of 1.5, and Sinau opens a window 1.5x as large with text 1.5x as tall, so it reads the same as
# on a 96-dpi laptop. The fonts are baked on a worker at start from the monitor's scale; this checks
# that what is drawn follows it.
set -euo pipefail
source "$(dirname "$0")/gui_common.inc"
command -v xrdb >/dev/null || { echo "FAIL: xrdb is needed (tools/deps.sh installs x11-xserver-utils)"; exit 1; }

cat > "$tmp/inner.sh" <<INNER
set -euo pipefail
run() { "$SINAU_BIN" --db "$tmp/sinau.db" --content "$course" --screen home "\$@"; }
run --screenshot "$tmp/normal.png" --dump-widgets "$tmp/normal.txt"
printf 'Xft.dpi:\t144\n' | xrdb -nocpp -merge
run --screenshot "$tmp/hidpi.png" --dump-widgets "$tmp/hidpi.txt"
INNER
# -noreset: the resource xrdb sets must outlive xrdb, the server's only client at that moment.
xvfb-run -a -s "-screen 0 1366x768x24 -noreset" bash "$tmp/inner.sh"

/usr/bin/python3 "$here/png_check.py" "$tmp/normal.png" 1366 768 150
/usr/bin/python3 "$here/png_check.py" "$tmp/hidpi.png" 2049 1152 150
height() { awk -F'\t' -v t="$2" '$1=="text" && $6==t {print $5; exit}' "$1"; }
h1=$(height "$tmp/normal.txt" "Modul Pembelajaran"); h2=$(height "$tmp/hidpi.txt" "Modul Pembelajaran")
[ -n "$h1" ] && [ -n "$h2" ] || { echo "FAIL: the home heading was not drawn"; exit 1; }
echo "heading height: $h1 px at 96 dpi, $h2 px at 144 dpi"
awk -v a="$h1" -v b="$h2" 'BEGIN { r = b / a; exit !(r > 1.4 && r < 1.6) }' ||
  { echo "FAIL: text did not grow 1.5x with the screen's DPI"; exit 1; }
echo "hidpi_smoke: ok"
