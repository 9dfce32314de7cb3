#!/usr/bin/env bash
# Runs the default test suite (no slow tier) and checks it against its budget: the heap cap is
# surefire's -Xmx2g (pom.xml), so a suite that needs more fails with OutOfMemoryError; this
# script adds the wall time and the peak RSS of the test JVM, and the load while it ran (the
# budget is for an idle 2-core machine, so a loaded machine's time says little).
#
#   scripts/suite-budget.sh [MINUTES]     # default budget 5 minutes
#
# Exit status: 0 within budget, 1 over it or the suite failed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
budget_minutes="${1:-5}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# The test classes are compiled first so that the measured run is the suite, not the build.
mvn -B -q -o test-compile >/dev/null 2>&1 || mvn -B -q test-compile
load_before="$(cut -d' ' -f1 /proc/loadavg)"
start=$(date +%s.%N)
# GNU time reports the largest resident set among mvn and the test JVM it forks and waits for.
status=0
/usr/bin/time -f '%M %U %S' -o "$log" mvn -B -o surefire:test >"$log.out" 2>&1 || status=$?
end=$(date +%s.%N)
load_after="$(cut -d' ' -f1 /proc/loadavg)"
read -r peak_kb user_s sys_s < <(tail -1 "$log")
seconds="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')"
tests="$(grep -E '^\[(INFO|ERROR|WARNING)\] Tests run:' "$log.out" | tail -1 || true)"
rm -f "$log.out"

printf 'default suite: %.0f s wall (budget %d min), %.0f s CPU, peak RSS %d MB, heap cap -Xmx2g (pom.xml)\n' \
  "$seconds" "$budget_minutes" "$(awk -v u="$user_s" -v s="$sys_s" 'BEGIN { print u + s }')" \
  $((peak_kb / 1024))
printf 'load average %s before, %s after, on %s cores\n' "$load_before" "$load_after" "$(nproc)"
echo "${tests:-no test summary (see mvn -B -o surefire:test)}"
if [ "$status" -ne 0 ]; then
  echo "the suite failed (exit $status)" >&2
  exit 1
fi
if awk -v s="$seconds" -v m="$budget_minutes" 'BEGIN { exit !(s > m * 60) }'; then
  echo "over the time budget" >&2
  exit 1
fi
