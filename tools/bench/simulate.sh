#!/usr/bin/env bash
# Simulation throughput (learners/s) through the real engine + store: batched (one transaction per
# learner, as `sinau simulate` does) vs the reference measured in the same run: the same learners with
# every store call committed on its own (the app's durability path, one fsync per answer).
#   tools/bench/simulate.sh [LEARNERS=500] [REFERENCE_LEARNERS=50]    (LEARNERS=10000 for the full figure)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${SINAU_BUILD_DIR:-$root/build}/bin
n=${1:-500}
ref=${2:-50}
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
