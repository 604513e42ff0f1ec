#!/usr/bin/env bash
# Window start-up, idle CPU and memory of `sinau` beside the bare Dear ImGui GLFW+OpenGL3 example that
# Debian ships (the same imgui, GLFW and GL, drawing its demo windows), measured in the same run under
# one Xvfb server.
#   start  = launch -> first frame presented -> exit (SINAU_EXIT_AFTER_FIRST_FRAME=1; the example
#            copy is patched by sed to exit after its first glfwSwapBuffers), median of RUNS runs
#            each, the two programs started alternately
#   idle   = CPU (utime+stime from /proc/PID/stat) over IDLE_S seconds with the window open, no input
#   rss    = peak resident memory (VmHWM) at the end of the idle period
# Goals: start <= 1.5x, idle <= 0.5 % of a core, rss <= 1.3x the example.
# Usage: tools/bench/startup.sh [RUNS (default 11)] [IDLE_S (default 10)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-11}
idle_s=${2:-10}
bin=${SINAU_BIN:-$root/build/bin/sinau}
if [ ! -x "$bin" ]; then "$root/tools/build.sh" release; fi
content=${SINAU_CONTENT_DIR:-$root/content}

# The reference: Debian's example, built here (never committed).
ex_dir=$root/build/bench-example
ex=$ex_dir/example_glfw_opengl3
src=/usr/share/doc/libimgui-dev/examples/example_glfw_opengl3/main.cpp
if [ ! -x "$ex" ] || [ "$src" -nt "$ex" ]; then
  mkdir -p "$ex_dir"
  sed -e 's|#include <stdio.h>|#include <stdio.h>\n#include <stdlib.h>|' \
      -e 's|^\( *\)glfwSwapBuffers(window);|\1glfwSwapBuffers(window);\n\1if (getenv("SINAU_EXIT_AFTER_FIRST_FRAME")) break;|' \
      "$src" > "$ex_dir/main.cpp"
  grep -q SINAU_EXIT_AFTER_FIRST_FRAME "$ex_dir/main.cpp" || { echo "patching the example failed" >&2; exit 1; }
  g++ -O2 -o "$ex" "$ex_dir/main.cpp" -I/usr/include/imgui -I/usr/include/imgui/backends \
      -limgui -lstb -lglfw -lGL -ldl
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Start times alternate sinau / example run by run, so a busy spell on the machine hits both alike.
cat > "$tmp/starts.sh" <<'INNER'
set -euo pipefail
runs=$1; out=$2; example_bin=$3; shift 3   # the rest: the sinau command line
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
sinau=(); example=()
for i in $(seq "$runs"); do
  t0=$(now_ms); SINAU_EXIT_AFTER_FIRST_FRAME=1 "$@" >/dev/null 2>&1; sinau+=($(( $(now_ms) - t0 )))
  t0=$(now_ms); SINAU_EXIT_AFTER_FIRST_FRAME=1 "$example_bin" >/dev/null 2>&1; example+=($(( $(now_ms) - t0 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "$(median "${sinau[@]}") $(median "${example[@]}")" > "$out"
INNER
cat > "$tmp/idle.sh" <<'INNER'
set -euo pipefail
idle_s=$1; out=$2; shift 2
"$@" >/dev/null 2>&1 &
pid=$!
sleep 2   # let it start and settle
ticks() { awk '{print $14 + $15}' /proc/$pid/stat; }
t0=$(ticks); sleep "$idle_s"; t1=$(ticks)
hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
kill -TERM $pid; wait $pid || true
hz=$(getconf CLK_TCK)
idle=$(awk -v d=$((t1 - t0)) -v hz=$hz -v s=$idle_s 'BEGIN {printf "%.2f", 100 * d / hz / s}')
echo "$idle $hwm" > "$out"
INNER
cd "$tmp"  # the bare example writes imgui.ini into its working directory
xvfb-run -a -s "-screen 0 1366x768x24" bash -c "
  bash '$tmp/starts.sh' $runs '$tmp/starts.txt' '$ex' '$bin' --db '$tmp/bench.db' --content '$content'
  bash '$tmp/idle.sh' $idle_s '$tmp/sinau.txt' '$bin' --db '$tmp/bench.db' --content '$content'
  bash '$tmp/idle.sh' $idle_s '$tmp/example.txt' '$ex'
"
read -r s_start e_start < "$tmp/starts.txt"
read -r s_idle s_rss < "$tmp/sinau.txt"
read -r e_idle e_rss < "$tmp/example.txt"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
printf '\nWindow start-up and idle (Xvfb 1366x768, median of %d starts, idle %d s)\n' "$runs" "$idle_s"
printf '%-34s %12s %16s %8s %s\n' "measure" "sinau" "imgui example" "ratio" "goal"
printf '%-34s %12s %16s %8s %s\n' "start to first frame (ms)" "$s_start" "$e_start" "$(ratio "$s_start" "$e_start")" "<= 1.5x"
printf '%-34s %12s %16s %8s %s\n' "idle CPU (% of one core)" "$s_idle" "$e_idle" "$(ratio "$s_idle" "$e_idle")" "sinau <= 0.5 %"
printf '%-34s %12s %16s %8s %s\n' "peak RSS (MiB)" "$(awk -v k="$s_rss" 'BEGIN{printf "%.1f", k/1024}')" \
  "$(awk -v k="$e_rss" 'BEGIN{printf "%.1f", k/1024}')" "$(ratio "$s_rss" "$e_rss")" "<= 1.3x"
