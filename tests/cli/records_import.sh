#!/usr/bin/env bash
# `sinau import`: merge another PC's database, idempotent; corrupt/foreign files refused, target untouched.
source "$(dirname "$0")/records_common.inc"
make_db "$WORK/pc1.db"
"$BIN" admin status --db "$WORK/target.db" >/dev/null
sqlite3 "$WORK/target.db" "INSERT INTO learners (id, nip, name, instansi, created_at, updated_at) VALUES ('T9', '198001012005011003', 'Dewi L.', 'BKD', '2023-01-01T00:00:00.000Z', '2023-01-01T00:00:00.000Z')"
"$BIN" import "$WORK/pc1.db" --db "$WORK/target.db" > "$WORK/1.txt"
grep -q "learners" "$WORK/1.txt" || fail "no per-table counts"
test "$(sqlite3 "$WORK/target.db" 'select count(*) from learners')" = 3 || fail "NIP not matched"
test "$(sqlite3 "$WORK/target.db" "select learner_id from attempts")" = T9 || fail "learner id not mapped"
test "$(sqlite3 "$WORK/target.db" "select name from learners where id='T9'")" = "Dewi Lestari" || fail "newer name lost"
"$BIN" import "$WORK/pc1.db" --db "$WORK/target.db" > "$WORK/2.txt"
grep -q "Tidak ada perubahan" "$WORK/2.txt" || fail "second import changed something: $(cat "$WORK/2.txt")"

sha() { sha256sum "$1" | cut -d' ' -f1; }
sqlite3 "$WORK/target.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
before=$(sha "$WORK/target.db")
echo "bukan basis data" > "$WORK/teks.db"
sqlite3 "$WORK/lain.db" "CREATE TABLE foo(x); INSERT INTO foo VALUES (1);"
head -c 3000 "$WORK/pc1.db" > "$WORK/potong.db"
for bad in teks.db lain.db potong.db; do
  if "$BIN" import "$WORK/pc1.db" "$WORK/$bad" --db "$WORK/target.db" 2> "$WORK/err.txt"; then fail "$bad accepted"; fi
  grep -q "$bad" "$WORK/err.txt" || fail "message does not name $bad: $(cat "$WORK/err.txt")"
  test "$(sha "$WORK/target.db")" = "$before" || fail "target changed by refused $bad"
done
# Export bundles (*.sinau): export from one PC, import elsewhere, re-import changes nothing; damaged refused.
"$BIN" export --db "$WORK/pc1.db" --format bundle --out "$WORK/pc1.sinau" > "$WORK/b.txt"
grep -q "3 peserta" "$WORK/b.txt" || fail "bundle summary: $(cat "$WORK/b.txt")"
unzip -Z1 "$WORK/pc1.sinau" | sort | tr '\n' ' ' | grep -qx "manifest.json records.db " || fail "bundle entries"
"$BIN" import "$WORK/pc1.sinau" --db "$WORK/fresh.db" > "$WORK/b1.txt"
test "$(sqlite3 "$WORK/fresh.db" 'select count(*) from learners')" = 3 || fail "bundle learners not merged"
test "$(sqlite3 "$WORK/fresh.db" 'select count(*) from responses')" = 2 || fail "bundle responses not merged"
"$BIN" import "$WORK/pc1.sinau" --db "$WORK/fresh.db" > "$WORK/b2.txt"
grep -q "Tidak ada perubahan" "$WORK/b2.txt" || fail "second bundle import changed something: $(cat "$WORK/b2.txt")"
# Decided by content, not by name: a bundle renamed .db is still read as a bundle.
cp "$WORK/pc1.sinau" "$WORK/bundel-bernama.db"
"$BIN" import "$WORK/bundel-bernama.db" --db "$WORK/fresh.db" | grep -q "Tidak ada perubahan" || fail "renamed bundle"
# A filtered bundle carries only the filter's learners.
"$BIN" export --db "$WORK/pc1.db" --format bundle --instansi "+Dinas Kominfo" --out "$WORK/kominfo.sinau" >/dev/null
"$BIN" import "$WORK/kominfo.sinau" --db "$WORK/kominfo.db" >/dev/null
test "$(sqlite3 "$WORK/kominfo.db" 'select group_concat(nip) from learners')" = 198001012005011002 || fail "filtered bundle"
sqlite3 "$WORK/fresh.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
before=$(sha "$WORK/fresh.db")
size=$(stat -c %s "$WORK/pc1.sinau")
head -c $((size - 100)) "$WORK/pc1.sinau" > "$WORK/potong.sinau"
if "$BIN" import "$WORK/potong.sinau" --db "$WORK/fresh.db" 2> "$WORK/err.txt"; then fail "truncated bundle accepted"; fi
grep -q "potong.sinau" "$WORK/err.txt" || fail "message does not name potong.sinau: $(cat "$WORK/err.txt")"
test "$(sha "$WORK/fresh.db")" = "$before" || fail "target changed by a truncated bundle"
test -z "$(ls "$WORK" | grep -e '\.tmp-')" || fail "temporary file left behind"
echo "records_import: ok"
