#!/usr/bin/env bash
# CPU per state of the cluster search against the single-JVM search (docs/cluster.md,
# "Measured"): user+system CPU of the whole process tree (the coordinator and the worker JVMs
# it starts and reaps), measured by /usr/bin/time, on recycle RING=5 with PAGES=1 (36 states),
# PAGES=6 (629,586) and PAGES=7 (2,810,682). "search" is the large run less the tiny one (the
# cost of starting the JVMs and forming the cluster); "marginal" is the large run less the
# middle one over the states between them, which leaves out what a JVM spends once whatever
# the model's size (the JIT compiling the hot code, class loading, the join).
# Usage: scripts/cluster-cpu.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
export POOLCHECK_JAVA_OPTS="-Xmx1g -Dpoolcheck.worker.heap=384m"
cpu() { # prints "cpu_seconds wall_seconds" of one run
  local out
  out=$(mktemp)
  /usr/bin/time -o "$out" -f '%U %S %e' ./poolcheck check -q models/bench/recycle.pool "$@" \
    >/dev/null 2>&1
  awk '{ printf "%.2f %.2f", $1 + $2, $3 }' "$out"
  rm -f "$out"
}
./poolcheck --version >/dev/null # build the jar first, outside the measurement
echo "| search | run | CPU s, 2.8M | fixed s | µs per state | CPU s, 630k | marginal µs per state | wall s, 2.8M |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for how in "--workers 1" "--cluster-local 1" "--cluster-local 2" "--cluster-local 3"; do
  # shellcheck disable=SC2086
  read -r fixed _ <<<"$(cpu -DPAGES=1 -DRING=5 $how)"
  for run in $(seq "$runs"); do
    # shellcheck disable=SC2086
    read -r middle _ <<<"$(cpu -DPAGES=6 -DRING=5 $how)"
    # shellcheck disable=SC2086
    read -r total wall <<<"$(cpu -DPAGES=7 -DRING=5 $how)"
    awk -v h="$how" -v r="$run" -v t="$total" -v f="$fixed" -v m="$middle" -v w="$wall" 'BEGIN {
      printf "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", h, r, t, f,
        (t - f) * 1e6 / 2810682, m, (t - m) * 1e6 / (2810682 - 629586), w }'
  done
done
