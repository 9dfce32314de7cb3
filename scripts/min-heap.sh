#!/usr/bin/env bash
# The smallest heap (-Xmx, in MiB, to within STEP) in which one side of LivenessBenchmark
# finishes: memory as a user meets it, garbage and G1's region rounding included, where a
# pool's peak counts garbage not yet collected. Bisects between LO (too small) and HI (enough).
# Usage: scripts/min-heap.sh LO HI STEP LivenessBenchmark-ARGS...
#   e.g. scripts/min-heap.sh 100 900 25 --only=safety --no-symmetry --spill-dir=/tmp \
#          models/page_pool_v6_12.pool PAGES=4 CONSUMERS=3
# Each try runs under `timeout 900` and `nice`; a timeout counts as too small.
set -euo pipefail
cd "$(dirname "$0")/.."
lo=$1; hi=$2; step=$3; shift 3
[ -d target/test-classes/poolcheck/bench ] || mvn -B -o -q -DskipTests test-compile
[ -f target/bench-classpath.txt ] \
  || mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
while [ $((hi - lo)) -gt "$step" ]; do
  mid=$(( (lo + hi) / 2 ))
  start=$(date +%s)
  out=$(timeout 900 nice java -Xmx${mid}m -cp "$cp" poolcheck.bench.LivenessBenchmark "$@" 2>&1 \
    | grep -E "^  (safety|liveness):|OutOfMemory" | head -2 | tr '\n' ' ' || true)
  if [ -z "$out" ] || echo "$out" | grep -q "OutOfMemory\|INCOMPLETE"; then
    lo=$mid; res="too small"
  else
    hi=$mid; res=enough
  fi
  echo "$(date -u +%H:%M:%S) -Xmx${mid}m: $res ($(( $(date +%s) - start )) s) $out"
done
echo "fits in $hi MiB, not in $lo MiB"
