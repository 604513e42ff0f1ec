#!/usr/bin/env bash
# Settings screen in both languages and all three themes; English chrome is really English.
set -euo pipefail
source "$(dirname "$0")/gui_common.inc"

shot --screen settings --screenshot "$tmp/settings.png" --dump-text "$tmp/settings.txt"
/usr/bin/python3 "$here/png_check.py" "$tmp/settings.png" 1366 768 100
expect "$tmp/settings.txt" "Pengaturan" "Ukuran tampilan" "100 %" "175 %" "Tema warna" "Terang" "Gelap" \
  "Kontras tinggi" "Bahasa antarmuka" "Bahasa Indonesia" "English"

shot --lang en --screen home --screenshot "$tmp/home-en.png" --dump-text "$tmp/home-en.txt"
expect "$tmp/home-en.txt" "Home" "Settings" "About" "Learning Modules" "Problems in the course content" \
  "Contoh Bacaan Bergaya"
absent "$tmp/home-en.txt" "Beranda" "Modul Pembelajaran" "Pengaturan"

shot --lang en --module 01-contoh-bacaan --page 2 --screenshot "$tmp/p2-en.png" --dump-text "$tmp/p2-en.txt"
expect "$tmp/p2-en.txt" "Page 2 of 3" "Next" "Previous" "Legal basis"

for theme in dark high-contrast; do
  shot --theme "$theme" --module 01-contoh-bacaan --page 3 --screenshot "$tmp/$theme.png" --dump-text "$tmp/$theme.txt"
  /usr/bin/python3 "$here/png_check.py" "$tmp/$theme.png" 1366 768 40
  expect "$tmp/$theme.txt" "Tabel Larangan" "Halaman 3 dari 3"
done
# Different themes give different pictures.
! cmp -s "$tmp/dark.png" "$tmp/high-contrast.png"

# 150 % makes the text bigger: fewer lines fit, so the about screen's last line moves down/out.
shot --scale 150 --screen settings --screenshot "$tmp/s150.png" --dump-text "$tmp/s150.txt"
expect "$tmp/s150.txt" "Ukuran tampilan"
echo "settings_smoke: ok"
