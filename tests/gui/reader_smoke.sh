#!/usr/bin/env bash
# The reader under Xvfb: each page of the fixture module shows its heading, list, table and
# "Dasar hukum" callout, the position indicator, and presentation mode the same page without chrome.
set -euo pipefail
source "$(dirname "$0")/gui_common.inc"

shot --module 01-contoh-bacaan --screenshot "$tmp/p1.png" --dump-text "$tmp/p1.txt"
/usr/bin/python3 "$here/png_check.py" "$tmp/p1.png" 1366 768 150
expect "$tmp/p1.txt" "Contoh Bacaan Bergaya" "Tujuan pembelajaran" "Mengenali unsur tampilan bacaan" \
  "huruf tebal" "“melengkung”" "—" "Halaman 1 dari 3" "Berikutnya" "Sebelumnya"

shot --module 01-contoh-bacaan --page 2 --screenshot "$tmp/p2.png" --dump-text "$tmp/p2.txt"
expect "$tmp/p2.txt" "Daftar dan Kutipan" "Butir pertama daftar berpoin" "Butir bersarang di bawahnya" \
  "1." "Langkah nomor dua" "Dasar hukum" "UU 20/2023 tentang Aparatur Sipil Negara, Pasal 24 ayat (1)." \
  "Halaman 2 dari 3"
absent "$tmp/p2.txt" "Tujuan pembelajaran" "Dasar hukum: UU"

shot --module 01-contoh-bacaan --page 3 --screenshot "$tmp/p3.png" --dump-text "$tmp/p3.txt"
expect "$tmp/p3.txt" "Tabel Larangan" "Kegiatan" "Status" "Memberi tanda suka pada unggahan calon" "Dilarang" \
  "Bagan contoh" "Halaman 3 dari 3" "Selesai"
absent "$tmp/p3.txt" "Gambar tidak ditemukan"

# Presentation: same page, no header bar, larger text (the screenshot is checked by eye in tools/screenshot.sh).
shot --module 01-contoh-bacaan --page 2 --present --screenshot "$tmp/present.png" --dump-text "$tmp/present.txt"
expect "$tmp/present.txt" "Daftar dan Kutipan" "Dasar hukum" "Halaman 2 dari 3" "Esc"
absent "$tmp/present.txt" "Pengaturan"

# A module id that does not exist is said plainly.
shot --module 99-tidak-ada --screenshot "$tmp/none.png" --dump-text "$tmp/none.txt"
expect "$tmp/none.txt" "Modul \"99-tidak-ada\" tidak ada di kursus ini."
echo "reader_smoke: ok"
