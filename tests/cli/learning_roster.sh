#!/usr/bin/env bash
# `sinau learners import/list` end to end on the fixture rosters, and `sinau simulate` determinism.
set -euo pipefail
: "${SINAU_BIN:?}" "${SINAU_FIXTURES:?}" "${SINAU_SOURCE_DIR:?}"
work=${SINAU_TMP:-$(mktemp -d)}
mkdir -p "$work"
db="$work/roster.db"
rm -f "$db"*
set +e
"$SINAU_BIN" learners import "$SINAU_FIXTURES/roster/peserta.csv" --db "$db" > "$work/out1.txt"; rc=$?
set -e
cat "$work/out1.txt"
[ "$rc" -eq 1 ] || { echo "FAIL: expected exit 1 (some rows rejected), got $rc"; exit 1; }
grep -q "ditambahkan: 3, diperbarui: 0, tidak berubah: 0, ditolak: 5" "$work/out1.txt"
grep -q "baris 4: ditolak (Ahmad Fauzi) — NIP digit 1–8 (tanggal lahir) bukan tanggal yang sah: 19881332" "$work/out1.txt"
# Same roster again: nothing changes.
"$SINAU_BIN" learners import "$SINAU_FIXTURES/roster/peserta.csv" --db "$db" > "$work/out3.txt" || true
grep -q "ditambahkan: 0, diperbarui: 0, tidak berubah: 3" "$work/out3.txt"
# The XLSX: Siti unchanged; Dewi's name differs and NIP ...031002 now reads "Agus Salim" (both updated);
# the row with an Excel-rounded NIP is refused.
"$SINAU_BIN" learners import "$SINAU_FIXTURES/roster/peserta.xlsx" --db "$db" > "$work/out2.txt" || true
cat "$work/out2.txt"
grep -q "ditambahkan: 0, diperbarui: 2, tidak berubah: 1, ditolak: 2" "$work/out2.txt"
grep -q "dibulatkan Excel" "$work/out2.txt"
"$SINAU_BIN" learners list --db "$db" > "$work/list.txt"
grep -q "^3 peserta" "$work/list.txt"
grep -q "Dewi Lestari" "$work/list.txt"
grep -q "Agus Salim" "$work/list.txt"
# A file that is not a roster is refused with exit 2 and the database keeps its learners.
if "$SINAU_BIN" learners import "$SINAU_FIXTURES/roster/tanpa-nip.csv" --db "$db" 2> "$work/err.txt"; then exit 1; fi
grep -q "baris judul kolom tidak ditemukan" "$work/err.txt"
"$SINAU_BIN" learners list --db "$db" | grep -q "^3 peserta"
# simulate: same seed -> same learners, answers and scores.
for run in a b; do
  "$SINAU_BIN" simulate --db "$work/sim-$run.db" --learners 8 --seed 5 --content "$SINAU_SOURCE_DIR/content" | tee "$work/sim-$run.txt"
  sqlite3 "$work/sim-$run.db" "SELECT l.nip, l.name, m.module_id, m.status, round(coalesce(m.score, -1), 6)
    FROM module_results m JOIN learners l ON l.id = m.learner_id ORDER BY 1, 3;" > "$work/sim-$run.rows"
done
cmp "$work/sim-a.rows" "$work/sim-b.rows"
[ -s "$work/sim-a.rows" ]
sqlite3 "$work/sim-a.db" "PRAGMA integrity_check;" | grep -qx ok
echo ok
