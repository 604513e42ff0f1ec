#!/usr/bin/env bash
# `sinau lint`: exit 0 on a clean course, 1 with file:line:col messages on a broken one, and the
# --json shapes for a course folder, one .gift file and one .twee file.
set -euo pipefail
: "${SINAU_BIN:?}" "${SINAU_FIXTURES:?}"
py=/usr/bin/python3
good=$SINAU_FIXTURES/content/good-course
broken=$SINAU_FIXTURES/content/broken-course
fail() { echo "FAIL: $*" >&2; exit 1; }

out=$("$SINAU_BIN" lint "$good") || fail "clean course should exit 0: $out"
grep -q "bersih, tidak ada masalah" <<<"$out" || fail "no clean summary: $out"

set +e
out=$("$SINAU_BIN" lint "$broken"); rc=$?
set -e
[ "$rc" -eq 1 ] || fail "broken course should exit 1, got $rc"
grep -q "^course.toml:7:3: folder modul tidak ditemukan: modules/03-hilang$" <<<"$out" || fail "missing folder message: $out"
grep -q "^modules/02-rusak/soal.gift:10:30: '{' tidak ditutup" <<<"$out" || fail "unclosed brace message: $out"
grep -q "^modules/02-rusak/soal.gift:3:35: jawaban benar belum ada" <<<"$out" || fail "no right answer message: $out"
grep -q "masalah di 4 berkas" <<<"$out" || fail "summary line: $out"

# --content is the same as PATH.
set +e; "$SINAU_BIN" lint --content "$broken" >/dev/null; rc=$?; set -e
[ "$rc" -eq 1 ] || fail "--content should lint the given folder"

# JSON for a course folder.
set +e; json=$("$SINAU_BIN" lint --json "$broken"); rc=$?; set -e
[ "$rc" -eq 1 ] || fail "--json on a broken course should still exit 1"
$py -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["modules"] == 3 and d["questions"] == 3 and d["scenarios"] == 1, d
assert all(set(e) == {"file", "line", "col", "message"} for e in d["errors"]), d["errors"]
assert {"file": "course.toml", "line": 7, "col": 3, "message": "folder modul tidak ditemukan: modules/03-hilang"} in d["errors"]
' "$json" || fail "course JSON shape"

# JSON for one .gift file.
json=$("$SINAU_BIN" lint --json "$good/modules/01-contoh/soal.gift") || fail "clean gift should exit 0"
$py -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["errors"] == [], d["errors"]
qs = d["questions"]
assert [q["type"] for q in qs] == ["mc", "tf", "numerical"], qs
q = qs[0]
for key in ("title", "type", "line", "stem", "choices", "answer", "pairs", "feedback"):
    assert key in q, key
assert q["title"] == "Asas netralitas" and q["line"] == 5
assert q["choices"][0] == {"text": "f", "fraction": 1.0, "feedback": "Benar. Pasal 2 huruf f."}, q["choices"][0]
assert q["feedback"] == "Asas netralitas: UU 5/2014 Pasal 2 huruf f."
assert qs[1]["answer"] is False
' "$json" || fail "gift JSON shape"

# JSON for one .twee file.
json=$("$SINAU_BIN" lint --json "$good/modules/01-contoh/skenario-contoh.twee") || fail "clean twee should exit 0"
$py -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["title"] == "Rina dan Tombol Like" and d["start"] == "Mulai", d
p = d["passages"][0]
assert p["name"] == "Mulai" and p["line"] == 12 and p["tags"] == [], p
assert p["links"] == [{"text": "Tekan like", "target": "Like"}, {"text": "Abaikan", "target": "Abaikan"}], p["links"]
assert d["errors"] == []
' "$json" || fail "twee JSON shape"

# A broken single file: exit 1 with position.
tmp=${SINAU_TMP:-$(mktemp -d)}
printf 'Q {=a ~b\n' >"$tmp/rusak.gift"
set +e; out=$("$SINAU_BIN" lint "$tmp/rusak.gift"); rc=$?; set -e
[ "$rc" -eq 1 ] || fail "broken gift should exit 1"
grep -q "rusak.gift:1:3: '{' tidak ditutup" <<<"$out" || fail "gift message: $out"

# Not a course, not a content file: usage error.
set +e; "$SINAU_BIN" lint "$tmp/tidak-ada.xyz" >/dev/null 2>&1; rc=$?; set -e
[ "$rc" -ne 0 ] || fail "a missing file must not pass"
echo "lint.sh: ok"
