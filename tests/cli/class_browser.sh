#!/usr/bin/env bash
# The participant page in a real browser: Debian's Chromium driven by playwright-core (npm; no browser
# download). Three participants join `sinau class serve --auto` on loopback, answer every question,
# reload mid-session, and see the podium; then the database must hold every answer.
set -euo pipefail
bin=${SINAU_BIN:?}
src=${SINAU_SOURCE_DIR:?}
dir=$src/tests/browser
tmp=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" >&2 2>/dev/null || true; exit 1; }

if ! command -v chromium >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium
fi
command -v node >/dev/null || fail "node is not installed (tools/deps.sh)"
if [ ! -d "$dir/node_modules/playwright-core" ]; then
  (cd "$dir" && npm install --no-save --no-audit --no-fund --loglevel=error) || fail "npm install failed"
fi

people=3
db=$tmp/class.db
"$bin" class serve --db "$db" --module 2 --bind 127.0.0.1 --port 0 --auto --expect $people --lobby-seconds 60 \
  --question-seconds 20 --reveal-seconds 2 --max-questions 2 --linger-seconds 3 > "$tmp/out" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q '^Port:' "$tmp/out" && break; sleep 0.1; done
port=$(sed -n 's/^Port: //p' "$tmp/out"); pin=$(sed -n 's/^PIN: //p' "$tmp/out")
[ -n "$port" ] || fail "server did not start"

CLASS_URL="http://127.0.0.1:$port/" CLASS_PIN="$pin" CLASS_PEOPLE=$people \
  timeout 240 node "$dir/class.spec.mjs" || fail "browser test failed"
wait "$server" || fail "server exited with an error"
server=

[ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM class_participants')" = $people ] || fail "participants not stored"
[ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM responses')" = $(( people * 2 )) ] || fail "not every answer stored"
[ "$(sqlite3 "$db" "SELECT COUNT(*) FROM class_participants WHERE name = 'Tom & \"Jerry\" 0'")" = 1 ] \
  || fail "name not stored exactly as typed"
[ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM class_sessions WHERE ended_at IS NOT NULL')" = 1 ] || fail "session not ended"
echo "class_browser: ok"
