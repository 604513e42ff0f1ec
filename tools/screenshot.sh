#!/usr/bin/env bash
# Regenerates assets/screenshots/*.png from the real course (content/) with the real window under
# Xvfb at 1366x768, the size of the office laptops Sinau is made for.
# Usage: tools/screenshot.sh [OUT_DIR]   (SINAU_BIN overrides the binary; builds build/ if needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/assets/screenshots}
bin=${SINAU_BIN:-$root/build/bin/sinau}
if [ ! -x "$bin" ]; then "$root/tools/build.sh" release; bin=$root/build/bin/sinau; fi
mkdir -p "$out"
db=$(mktemp -d)/screenshots.db   # fresh settings: light theme, 100 %, Bahasa Indonesia
content=${SINAU_CONTENT_DIR:-$root/content}
first_module=$(sed -n 's/^modules *= *\["\([^"]*\)".*/\1/p' "$content/course.toml")

shot() {
  local name=$1; shift
  xvfb-run -a -s "-screen 0 1366x768x24" "$bin" --db "$db" --content "$content" --size 1366x768 \
    --screenshot "$out/$name.png" "$@"
  echo "$out/$name.png"
}
shot home --screen home
shot home-dark --screen home --theme dark
shot profiles --screen profiles
shot settings --screen settings
shot about --screen about
shot module --module "$first_module" --page 2
shot module-dark --module "$first_module" --page 2 --theme dark
shot present --module "$first_module" --page 2 --present
