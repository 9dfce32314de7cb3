#!/usr/bin/env bash
# CPU per state of 2 worker JVMs (--cluster-local 2) against the single-JVM search
# (--workers 1), as a ratio measured in the same round, for one or more poolcheck jars in turn
# (to hold a change against the jar before it: docs/performance.md, "Cluster CPU per state").
# User+system CPU of the whole process tree (the coordinator and the worker JVMs it starts and
# reaps), by /usr/bin/time, on recycle RING=5 at PAGES=1 (36 states), 7 (2,810,682) and 8
# (9,863,064). "search" is the large run less the tiny one (which is the JVMs' start, Pekko and
# the join); "marginal" the large run less the middle one over the 7,052,382 states between,
# which also leaves out what each JVM spends once whatever the model's size (JIT, classes).
# The runs are large because the JVMs' start varies by a second or more under load.
# Usage: scripts/cluster-cpu-ratio.sh [ROUNDS] [JAR...]   (default: 3 rounds, target/poolcheck.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
shift || true
if [ $# -eq 0 ]; then
  ./poolcheck --version >/dev/null # build the jar first, outside the measurement
  set -- target/poolcheck.jar
fi
cpu() { # JAR PAGES HOW... -> CPU seconds of one run
  local jar=$1 pages=$2 out
  shift 2
  out=$(mktemp)
  if ! /usr/bin/time -o "$out" -f '%U %S' java @scripts/jvm-options -Xmx2g -Dpoolcheck.worker.heap=1g \
    -jar "$jar" check -q models/bench/recycle.pool -DPAGES="$pages" -DRING=5 "$@" \
    >/dev/null 2>&1; then
    echo "cluster-cpu-ratio: $jar PAGES=$pages $* did not end verified" >&2
    exit 1
  fi
  awk '{ printf "%.2f", $1 + $2 }' "$out"
  rm -f "$out"
}
echo "| round | jar | 1 JVM search µs/state | 2 JVMs search µs/state | ratio | 1 JVM marginal µs/state | 2 JVMs marginal µs/state | ratio |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"
for round in $(seq "$rounds"); do
  for jar in "$@"; do
    declare -A c=()
    for how in "--workers 1" "--cluster-local 2"; do
      for pages in 1 7 8; do
        # shellcheck disable=SC2086
        c["$how $pages"]=$(cpu "$jar" "$pages" $how)
      done
    done
    awk -v r="$round" -v j="$jar" -v s1="${c[--workers 1 1]}" -v s7="${c[--workers 1 7]}" \
      -v s8="${c[--workers 1 8]}" -v k1="${c[--cluster-local 2 1]}" \
      -v k7="${c[--cluster-local 2 7]}" -v k8="${c[--cluster-local 2 8]}" 'BEGIN {
        ss = (s8 - s1) * 1e6 / 9863064; ks = (k8 - k1) * 1e6 / 9863064
        sm = (s8 - s7) * 1e6 / 7052382; km = (k8 - k7) * 1e6 / 7052382
        printf "| %d | %s | %.2f | %.2f | %.2fx | %.2f | %.2f | %.2fx |\n", r, j, ss, ks, ks / ss,
          sm, km, km / sm }'
    unset c
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
