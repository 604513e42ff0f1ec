#!/usr/bin/env bash
# `sinau admin`: PIN set/check with slow-down, change, reset for a forgotten PIN.
source "$(dirname "$0")/records_common.inc"
DB=$WORK/a.db
"$BIN" admin status --db "$DB" | grep -q "belum diatur" || fail "fresh db has a PIN"
if echo 123 | "$BIN" admin set-pin --db "$DB" 2>/dev/null; then fail "short PIN accepted"; fi
echo 20240525 | "$BIN" admin set-pin --db "$DB" | grep -q "PIN diatur" || fail "set-pin"
sqlite3 "$DB" "select value from settings where key='admin.pin_hash'" | grep -q '^\$argon2id\$' || fail "not argon2id"
if sqlite3 "$DB" .dump | grep -q 20240525; then fail "PIN stored in clear"; fi
echo 20240525 | "$BIN" admin check-pin --db "$DB" >/dev/null || fail "right PIN refused"
set +e
echo 11111111 | "$BIN" admin check-pin --db "$DB" >/dev/null; rc1=$?
echo 20240525 | "$BIN" admin check-pin --db "$DB" >/dev/null; rc2=$?   # within the 1 s delay: locked
set -e
test $rc1 = 1 || fail "wrong PIN rc=$rc1"
test $rc2 = 3 || fail "lock not applied rc=$rc2"
sleep 1.2
echo 20240525 | "$BIN" admin check-pin --db "$DB" >/dev/null || fail "right PIN after delay"
printf '20240525\n7777777\n' | "$BIN" admin set-pin --db "$DB" | grep -q "PIN diganti" || fail "change"
# Forgotten PIN: reset by whoever holds the file; the old PIN stops working; the reset is logged.
echo 99887766 | "$BIN" admin reset-pin --db "$DB" | grep -q "direset" || fail "reset"
set +e; echo 7777777 | "$BIN" admin check-pin --db "$DB" >/dev/null; rc=$?; set -e
test $rc = 1 || fail "old PIN still works rc=$rc"
sleep 1.2
echo 99887766 | "$BIN" admin check-pin --db "$DB" >/dev/null || fail "new PIN refused"
sqlite3 "$DB" "select value from meta where key='admin.pin_resets'" | grep -q 'T' || fail "reset not logged"
echo "records_admin: ok"
