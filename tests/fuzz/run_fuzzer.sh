#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time (SINAU_FUZZ_SECONDS, default 12) from its seed corpus.
# A crash, leak or timeout makes libFuzzer exit non-zero, which fails the test.
set -euo pipefail
bin=$1 corpus=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -d "$corpus" ] && cp -r "$corpus"/. "$work"/ 2>/dev/null || true
exec "$bin" -max_total_time="${SINAU_FUZZ_SECONDS:-12}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
     -artifact_prefix="${TMPDIR:-/tmp}/" "$work"
