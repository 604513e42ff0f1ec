#!/usr/bin/env bash
# Every C++ file of the repository formatted by the project's .clang-format.
# Usage: tools/format.sh            rewrites the files that differ (clang-format -i)
#        tools/format.sh --check    changes nothing; lists each file that differs and exits 1 (CI: the ctest
#                                   test "layout: clang-format")
# clang-format comes from Debian (tools/deps.sh); its major version is part of the style, so CI and this
# script use the same one.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
check=0
[ "${1:-}" = "--check" ] && check=1
if ! command -v clang-format >/dev/null; then
  echo "format.sh: clang-format is not installed (tools/deps.sh installs it)" >&2
  exit 2
fi
cd "$root"
# The repository's files when this is a git checkout (tracked, and new ones not ignored, so a file is checked
# before its first commit); otherwise (a source tarball) the same folders by name.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t listed < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.hpp' '*.h' '*.cc' | sort -u)
  files=()
  for f in "${listed[@]}"; do [ -f "$f" ] && files+=("$f"); done  # deleted but not yet committed
else
  mapfile -t files < <(find app tests tools -path '*/node_modules' -prune -o \
                         \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.cc' \) -print | sort)
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "format.sh: no C++ files found under $root" >&2
  exit 2
fi
if [ $check -eq 0 ]; then
  clang-format -i --style=file "${files[@]}"
  exit 0
fi
# One clang-format process for every file (hundreds of processes take minutes on a busy 2-core CI machine);
# each file that would change is named in its diagnostics.
mapfile -t differ < <(clang-format --style=file --dry-run --Werror "${files[@]}" 2>&1 |
                      sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: .*/\1/p' | sort -u)
for f in "${differ[@]}"; do echo "not formatted: $f (run tools/format.sh)"; done
echo "format.sh: ${#files[@]} C++ files checked, ${#differ[@]} not formatted"
[ ${#differ[@]} -eq 0 ]
