#!/usr/bin/env bash
# `sinau certificate`, `sinau key export`, `sinau verify`: a real PDF with the learner's name, a valid
# signature, and refusal of tampered facts and of another installation's key.
source "$(dirname "$0")/records_common.inc"
DB=$WORK/a.db
make_db "$DB"
"$BIN" certificate --db "$DB" --nip 198001012005011003 --out "$WORK/s.pdf" > "$WORK/out.txt"
SHORT=$(grep -o '[A-Z2-7]\{4\}-[A-Z2-7]\{4\}-[A-Z2-7]\{4\}-[A-Z2-7]\{4\}' "$WORK/out.txt")
pdftotext "$WORK/s.pdf" "$WORK/s.txt" 2>/dev/null
grep -q "SERTIFIKAT" "$WORK/s.txt" || fail "title missing"
grep -q "Dewi Lestari" "$WORK/s.txt" || fail "name missing"
grep -q "198001012005011003" "$WORK/s.txt" || fail "NIP missing"
grep -q "87,5" "$WORK/s.txt" || fail "score missing"
grep -q "25 Mei 2024" "$WORK/s.txt" || fail "date missing"
grep -q "$SHORT" "$WORK/s.txt" || fail "short code missing"
pdftoppm -png -r 30 "$WORK/s.pdf" "$WORK/s" 2>/dev/null
test -s "$WORK/s-1.png" || fail "PDF does not render"

"$BIN" key export --db "$DB" --out "$WORK/k.pub" >/dev/null
"$BIN" verify "$WORK/s.pdf" --key "$WORK/k.pub" | grep -q "^SAH" || fail "own certificate not valid"
"$BIN" verify "$SHORT" --db "$DB" | grep -q "Dewi Lestari" || fail "short code not found"
FULL=$(grep -ao 'SINAU1:[A-Z2-7]*' "$WORK/s.pdf" | head -1)
"$BIN" verify "$FULL" --key "$WORK/k.pub" >/dev/null || fail "full code not valid"

# Tampered facts: change the score in the issuing database -> the short code no longer matches.
sqlite3 "$DB" "UPDATE completions SET final_score = 99"
if "$BIN" verify "$SHORT" --db "$DB" >/dev/null; then fail "tampered record still verifies"; fi
# Tampered code: flip one character of the facts part.
BAD=${FULL:0:200}$( [ "${FULL:200:1}" = A ] && echo B || echo A )${FULL:201}
if "$BIN" verify "$BAD" --key "$WORK/k.pub" >/dev/null; then fail "tampered code verifies"; fi
# Another installation's key.
"$BIN" admin status --db "$WORK/other.db" >/dev/null
"$BIN" key export --db "$WORK/other.db" --out "$WORK/other.pub" >/dev/null
if "$BIN" verify "$WORK/s.pdf" --key "$WORK/other.pub" >/dev/null; then fail "foreign key accepted"; fi
# --all writes one PDF per completed learner; no completion -> clear error.
"$BIN" certificate --db "$DB" --all --out "$WORK/semua" >/dev/null
test -f "$WORK/semua/sertifikat-198001012005011003.pdf" || fail "--all"
test "$(ls "$WORK/semua" | wc -l)" = 1 || fail "--all wrote extra files"
if "$BIN" certificate --db "$DB" --nip 198001012005011001 --out "$WORK/x.pdf" 2>/dev/null; then fail "no completion accepted"; fi
echo "records_certificate: ok"
