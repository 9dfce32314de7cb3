#!/usr/bin/env bash
# poolcheck against itself: two jars (say main's and a branch's) on the four benchmark shapes of
# spin-table.sh, one worker, --exact and fingerprints, the runs of the two jars alternating so
# that both meet the same load; the load average is read before each run. Then the heap bytes
# per state of --exact (Benchmark on this tree's classes, with the trace log in memory and on
# disk). Prints a markdown table on stdout, every run's figures on stderr.
#
# Usage: models/bench/paired-cpu.sh BEFORE.jar AFTER.jar [--small]
# Needs /usr/bin/time and a built tree (mvn -B -o -q -DskipTests package). POOLCHECK_JAVA_OPTS
# overrides -Xmx4g.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ $# -ge 2 ] || { echo "usage: $0 BEFORE.jar AFTER.jar [--small]" >&2; exit 2; }
before=$1 after=$2
java_opts=${POOLCHECK_JAVA_OPTS:--Xmx4g}
if [ "${3:-}" = --small ]; then
  models=("counters|N=3" "two_phase|RMS=3" "filter|N=4" "recycle|PAGES=4 RING=3 CPUS=2 ROUNDS=3")
else
  models=("counters|N=6" "two_phase|RMS=9" "filter|N=6" "recycle|PAGES=6 RING=4 CPUS=3 ROUNDS=3")
fi
work="$(mktemp -d /tmp/paired-cpu.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# run JAR MODE NAME FLAGS...: sets cpu (user + sys s), rss (peak MB), load, states
run() {
  local jar=$1 mode=$2 name=$3
  shift 3
  local extra=()
  [ "$mode" = exact ] && extra=(--exact)
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%U %S %M" -o "$work/time" java @"$root/scripts/jvm-options" $java_opts -jar "$jar" check -q \
    --workers 1 "${extra[@]}" "$@" "$root/models/bench/$name.pool" >"$work/out" 2>&1 || {
    echo "paired-cpu: $jar $mode $name failed:" >&2; tail -20 "$work/out" >&2; exit 1; }
  read -r user sys kb <"$work/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  rss=$((kb / 1024))
  states=$(sed -nE 's/^(.* )?([0-9,]+) distinct states.*/\2/p' "$work/out")
  [ -n "$states" ] || { echo "paired-cpu: no state count in:" >&2; cat "$work/out" >&2; exit 1; }
}

echo "paired-cpu: $(date -u '+%F %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1)," \
  "before $before, after $after" >&2
echo "| model | mode | distinct states | before: CPU s, peak RSS | after: CPU s, peak RSS | after / before | load before each run |"
echo "|---|---|---:|---|---|---:|---|"
for row in "${models[@]}"; do
  IFS='|' read -r name constants <<<"$row"
  flags=()
  for c in $constants; do flags+=(-D "$c"); done
  for mode in exact fingerprints; do
    run "$before" "$mode" "$name" "${flags[@]}"
    b_cpu=$cpu b_rss=$rss b_load=$load b_states=$states
    run "$after" "$mode" "$name" "${flags[@]}"
    [ "$states" = "$b_states" ] || { echo "paired-cpu: $name $mode: $b_states / $states states" >&2; exit 1; }
    echo "$name $constants $mode: before $b_cpu s $b_rss MB (load $b_load), after $cpu s $rss MB (load $load)" >&2
    echo "| $name $constants | $mode | $states | $b_cpu s, $b_rss MB | $cpu s, $rss MB |" \
      "$(awk -v a="$cpu" -v b="$b_cpu" 'BEGIN { printf "%.2f", a / b }') | $b_load, $load |"
  done
done

echo
echo "| model | heap bytes per state, \`--exact\`, trace log in memory | the same, trace log on disk |"
echo "|---|---:|---:|"
for row in "${models[@]}"; do
  IFS='|' read -r name constants <<<"$row"
  # shellcheck disable=SC2086
  "$root/scripts/bench" Benchmark "$root/models/bench/$name.pool" $constants --workers=1 --exact \
    >"$work/mem.out" 2>&1
  # shellcheck disable=SC2086
  "$root/scripts/bench" Benchmark "$root/models/bench/$name.pool" $constants --workers=1 --exact \
    --spill="$work" >"$work/spill.out" 2>&1
  b() { sed -nE 's/.* ([0-9]+) heap bytes\/state.*/\1/p' "$1" | head -1; }
  echo "| $name $constants | $(b "$work/mem.out") | $(b "$work/spill.out") |"
done
