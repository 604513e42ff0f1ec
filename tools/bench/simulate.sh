#!/usr/bin/env bash
# Simulation throughput (learners/s) through the real engine + store: batched (one transaction per
# learner, as `sinau simulate` does) vs the reference measured in the same run: the same learners with
# every store call committed on its own (the app's durability path, one fsync per answer).
#   tools/bench/simulate.sh [--learners N=500] [--reference N=50]     (--learners 10000 for the full figure)
#   tools/bench/simulate.sh [LEARNERS] [REFERENCE_LEARNERS]              (the same, positionally)
# The reference learners commit every call with fsync, so keep --reference small: it sets the run time.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${SINAU_BUILD_DIR:-$root/build}/bin
n=500
ref=50
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --learners) n=$2; shift 2 ;;
    --learners=*) n=${1#*=}; shift ;;
    --reference) ref=$2; shift 2 ;;
    --reference=*) ref=${1#*=}; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ ${#positional[@]} -ge 1 ] && n=${positional[0]}
[ ${#positional[@]} -ge 2 ] && ref=${positional[1]}
case "$n$ref" in *[!0-9]*|"") echo "simulate.sh: --learners and --reference take whole numbers" >&2; exit 2 ;; esac
work=${SINAU_BENCH_DIR:-$(dirname "$bin")/bench-store}/simulate
mkdir -p "$work"
rm -f "$work"/*.db*
a=$("$bin/bench_simulate" --db "$work/batched.db" --learners "$n" --seed 3 --content "$root/content")
b=$("$bin/bench_simulate" --db "$work/each.db" --learners "$ref" --seed 3 --content "$root/content" --commit-each)
v() { echo "$1" | awk -v k="$2" '$1==k{print $2}'; }
printf "%-46s %14s %14s %8s\n" "measure" "batched" "commit-each" "ratio"
printf "%-46s %14s %14s %8s\n" "learners simulated" "$(v "$a" learners)" "$(v "$b" learners)" ""
printf "%-46s %14s %14s %8s\n" "learners/s" "$(v "$a" learners_per_s)" "$(v "$b" learners_per_s)" \
  "$(awk -v x="$(v "$a" learners_per_s)" -v y="$(v "$b" learners_per_s)" 'BEGIN{printf "%.1f", x/y}')"
printf "%-46s %14s %14s %8s\n" "learners per CPU-second (process CPU time)" "$(v "$a" learners_per_cpu_s)" "$(v "$b" learners_per_cpu_s)" ""
printf "%-46s %14s %14s %8s\n" "answers/s" "$(v "$a" responses_per_s)" "$(v "$b" responses_per_s)" ""
printf "%-46s %14s\n" "database size after $n learners (MB)" "$(du -m "$work/batched.db" | cut -f1)"
