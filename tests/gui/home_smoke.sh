#!/usr/bin/env bash
# The real window under Xvfb: home screen of a fixture course -> PNG of the right size that is not
# blank, and the module titles, the broken module's problem and the chrome in the drawn text.
set -euo pipefail
source "$(dirname "$0")/gui_common.inc"

shot --screen home --screenshot "$tmp/home.png" --dump-text "$tmp/home.txt"
/usr/bin/python3 "$here/png_check.py" "$tmp/home.png" 1366 768 150
expect "$tmp/home.txt" "Kursus Uji Tampilan Sinau" "Beranda" "Pengaturan" "Tentang" "Modul Pembelajaran" \
  "Contoh Bacaan Bergaya" "Modul Kedua yang Singkat" "12 menit" \
  "Masalah pada isi kursus" "modules/03-modul-rusak/modul.md:"

# Another size is honoured (the window is not hard-wired to 1366x768).
shot --screen home --screenshot "$tmp/small.png" --size 1024x640
/usr/bin/python3 "$here/png_check.py" "$tmp/small.png" 1024 640 100

# The about page credits the source.
shot --screen about --screenshot "$tmp/about.png" --dump-text "$tmp/about.txt"
expect "$tmp/about.txt" "Tentang kursus ini" "Sumber materi" "Tim Uji Sinau" "25 Mei 2023" "“melengkung”"

# A bad option is refused with exit code != 0, and no window is needed for that.
if "$SINAU_BIN" --screen nowhere --screenshot "$tmp/x.png" 2>"$tmp/err.txt"; then echo "FAIL: bad --screen accepted"; exit 1; fi
grep -q "layar tidak dikenal" "$tmp/err.txt"
echo "home_smoke: ok"
