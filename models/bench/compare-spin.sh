#!/usr/bin/env bash
# Runs SPIN (without and with partial-order reduction) and poolcheck (1 worker) on the recycle
# benchmark in one go and prints the states per CPU second of each and their ratio.
# Usage: models/bench/compare-spin.sh [PAGES RING CPUS ROUNDS]   (default 6 4 3 4, ~18M states)
# Needs spin and gcc (apt-get install spin gcc) and a built jar (mvn -B -q -DskipTests package).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
read -r pages ring cpus rounds <<<"${*:-6 4 3 4}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/make_recycle_pml.py" "$pages" "$ring" "$cpus" "$rounds" > "$work/recycle.pml"
(cd "$work" && spin -a recycle.pml >/dev/null \
  && gcc -O2 -DNOREDUCE -DSAFETY -DMEMLIM=12000 -o pan_noreduce pan.c \
  && gcc -O2 -DSAFETY -DMEMLIM=12000 -o pan_por pan.c)

spin_rate() {  # states stored, user CPU seconds of one pan binary (its sys time is mostly
              # the up-front hash table and stack allocation, left out)
  (cd "$work" && /usr/bin/time -f "cpu %U %S" "./$1" -m40000000 -w26 >"$1.out" 2>"$1.time")
  local states cpu
  states=$(awk '/states, stored/ {print $1; exit}' "$work/$1.out")
  cpu=$(awk '/^cpu/ {print $2}' "$work/$1.time")
  echo "$states $cpu"
}

read -r noreduce_states noreduce_cpu <<<"$(spin_rate pan_noreduce)"
read -r por_states por_cpu <<<"$(spin_rate pan_por)"
line=$(java -Xmx3g -cp "$root/target/poolcheck.jar:$root/target/test-classes" \
  poolcheck.bench.Benchmark "$root/models/bench/recycle.pool" PAGES="$pages" RING="$ring" \
  CPUS="$cpus" ROUNDS="$rounds" --workers=1 | grep '^workers 1')
pc_distinct=$(sed -E 's/.*VERIFIED, ([0-9,]+) distinct.*/\1/' <<<"$line" | tr -d ,)
pc_cpu=$(sed -E 's/.* ([0-9.]+) s CPU.*/\1/' <<<"$line")

awk -v ns="$noreduce_states" -v nc="$noreduce_cpu" -v ps="$por_states" -v pc="$por_cpu" \
    -v ds="$pc_distinct" -v dc="$pc_cpu" 'BEGIN {
  printf "recycle PAGES=%s RING=%s CPUS=%s ROUNDS=%s\n", "'"$pages"'", "'"$ring"'", "'"$cpus"'", "'"$rounds"'"
  printf "SPIN -DNOREDUCE: %d states, %.2f CPU s, %.0f states per CPU s\n", ns, nc, ns / nc
  printf "SPIN with POR:   %d states, %.2f CPU s, %.0f states per CPU s\n", ps, pc, ps / pc
  printf "poolcheck:       %d states, %.2f CPU s, %.0f states per CPU s\n", ds, dc, ds / dc
  printf "poolcheck / SPIN per CPU second: %.2f (no reduction), %.2f (POR)\n", (ds / dc) / (ns / nc), (ds / dc) / (ps / pc)
}'
