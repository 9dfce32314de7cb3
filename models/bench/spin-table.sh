#!/usr/bin/env bash
# The SPIN table of docs/performance.md: the four benchmark shapes (counters, two-phase commit,
# Peterson's filter lock, the recycle page_pool abstraction), each run by SPIN and by poolcheck
# with one worker, one run after the other on the same machine, the load average read before
# each run. Prints the markdown table on stdout and every run's figures on stderr.
#
# SPIN at its best: pan.c is patched so that its table hash is the 64-bit Jenkins hash (d_hash)
# whatever -w is (stock pan switches to a 32-bit hash, d_sfh, whenever -w <= 32, which makes
# -DHC4 drop states); compiled -O2 -DSAFETY -DNOREDUCE and run three ways: depth-first with full
# state storage, depth-first with hash compaction (-DHC4), breadth-first (-DBFS, full storage:
# depth-first search of counters keeps every state on its stack). The script stops if any of
# them stores another number of states than the others or than poolcheck. The ratio is taken
# against the fastest of the three.
#
# Usage: models/bench/spin-table.sh [--small] [--bytes]
#   --small  the sizes of the slow-tier test (seconds in all), to try the script
#   --bytes  also run poolcheck.bench.Benchmark --spill (trace log on disk) for heap bytes/state
# Needs spin, gcc, /usr/bin/time and a built tree (mvn -B -o -q -DskipTests package).
# POOLCHECK_JAVA_OPTS overrides -Xmx4g; SPIN_MEMLIM (MB, default 8000) bounds pan.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/target/poolcheck.jar"
java_opts=${POOLCHECK_JAVA_OPTS:--Xmx4g}
memlim=${SPIN_MEMLIM:-8000}
small=false
bytes=false
for a in "$@"; do
  case "$a" in
    --small) small=true ;;
    --bytes) bytes=true ;;
    *) echo "usage: $0 [--small] [--bytes]" >&2; exit 2 ;;
  esac
done
for tool in spin gcc /usr/bin/time java; do
  command -v "$tool" >/dev/null || { echo "spin-table: $tool not found" >&2; exit 2; }
done
[ -f "$jar" ] || { echo "spin-table: $jar missing (mvn -B -o -q -DskipTests package)" >&2; exit 2; }

# name | constants (NAME=VALUE ...) | pan -w (log2 of the hash table's slots)
if $small; then
  models=("counters|N=3|18" "two_phase|RMS=3|18" "filter|N=4|18"
          "recycle|PAGES=4 RING=3 CPUS=2 ROUNDS=3|18")
else
  models=("counters|N=6|25" "two_phase|RMS=9|24" "filter|N=6|24"
          "recycle|PAGES=6 RING=4 CPUS=3 ROUNDS=3|24")
fi

work="$(mktemp -d /tmp/spin-table.XXXXXX)"
trap 'rm -rf "$work"' EXIT

load() { cut -d' ' -f1 /proc/loadavg; }

# timed NAME CMD...: runs CMD (not niced) with its output in $work/NAME.out; sets cpu (user +
# sys seconds), rss (peak KB) and load_before (1-minute load average before the run).
timed() {
  local name=$1
  shift
  load_before=$(load)
  /usr/bin/time -f "%U %S %M" -o "$work/$name.time" "$@" >"$work/$name.out" 2>&1 || {
    echo "spin-table: $name failed:" >&2; tail -20 "$work/$name.out" >&2; exit 1; }
  read -r user sys rss <"$work/$name.time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}

# pan_build DIR DEFINES...: spin -a, the hash patch (checked), both compilations.
pan_build() {
  local dir=$1 file=$2
  shift 2
  (cd "$dir" && spin "$@" -a "$here/$file.pml" >/dev/null)
  # set_masks() in pan.c: `if (ssize <= 32) { hasher = d_sfh; ... } else { hasher = d_hash; ...`
  sed -i 's|if (ssize <= 32)\t/\* 6.2.0 \*/|if (0)\t/* spin-table.sh: always the 64-bit d_hash */|' \
    "$dir/pan.c"
  grep -q 'spin-table.sh: always the 64-bit d_hash' "$dir/pan.c" \
    || { echo "spin-table: the d_sfh switch of pan.c was not found; SPIN version?" >&2; exit 1; }
  grep -q '^#if WS>4' "$dir/pan.c" || { echo "spin-table: no 64-bit d_hash in pan.c" >&2; exit 1; }
  (cd "$dir" && nice gcc -O2 -w -DSAFETY -DNOREDUCE -DMEMLIM="$memlim" -o pan_full pan.c \
    && nice gcc -O2 -w -DSAFETY -DNOREDUCE -DHC4 -DMEMLIM="$memlim" -o pan_hc4 pan.c \
    && nice gcc -O2 -w -DSAFETY -DNOREDUCE -DBFS -DMEMLIM="$memlim" -o pan_bfs pan.c)
}

# pan_states OUT: states stored, after checking that pan finished cleanly
pan_states() {
  grep -q 'errors: 0' "$1" || { echo "spin-table: pan reports errors:" >&2; cat "$1" >&2; exit 1; }
  if grep -q 'max search depth too small' "$1"; then
    echo "spin-table: pan's -m is too small:" >&2; cat "$1" >&2; exit 1
  fi
  awk '/states, stored/ { print $1; exit }' "$1"
}

pc_states() { sed -nE 's/^(.* )?([0-9,]+) distinct states.*/\2/p' "$1" | tr -d ,; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
mb() { commas "$(( $1 / 1024 ))"; }

echo "spin-table: $(date -u '+%F %H:%M UTC'), $(nproc) cores, $(spin -V | head -1)," \
  "$(gcc --version | head -1), $(java -version 2>&1 | head -1)" >&2
table="$work/table.md"
{
  echo "| model | distinct states (SPIN = poolcheck) | SPIN DFS, full storage: CPU s, peak RSS | SPIN DFS, HC4 | SPIN BFS, full storage | poolcheck \`--exact\` | poolcheck fingerprints | poolcheck / SPIN's best CPU (exact; fingerprints) | at most 0.5x? | load before each run |"
  echo "|---|---:|---|---|---|---|---|---|---|---|"
} >"$table"
[ "$bytes" = true ] && echo "| model | heap bytes per state, fingerprints, trace log on disk |" >"$work/bytes.md" \
  && echo "|---|---:|" >>"$work/bytes.md"

for row in "${models[@]}"; do
  IFS='|' read -r name constants wlog <<<"$row"
  defines=()
  dflags=()
  for c in $constants; do
    defines+=("-D$c")
    dflags+=(-D "$c")
  done
  dir="$work/$name"
  mkdir -p "$dir"
  pan_build "$dir" "$name" "${defines[@]}"
  # DFS on these models goes deep (counters: every state on one path), so -m is the state bound.
  depth=$((1 << wlog))

  timed "$name.full" "$dir/pan_full" -m"$depth" -w"$wlog"
  full_cpu=$cpu full_rss=$rss full_load=$load_before
  full_states=$(pan_states "$work/$name.full.out")
  timed "$name.hc4" "$dir/pan_hc4" -m"$depth" -w"$wlog"
  hc4_cpu=$cpu hc4_rss=$rss hc4_load=$load_before
  hc4_states=$(pan_states "$work/$name.hc4.out")
  timed "$name.bfs" "$dir/pan_bfs" -m"$depth" -w"$wlog"
  bfs_cpu=$cpu bfs_rss=$rss bfs_load=$load_before
  bfs_states=$(pan_states "$work/$name.bfs.out")
  timed "$name.exact" java @"$root/scripts/jvm-options" $java_opts -jar "$jar" check -q --workers 1 --exact \
    "${dflags[@]}" "$root/models/bench/$name.pool"
  exact_cpu=$cpu exact_rss=$rss exact_load=$load_before
  exact_states=$(pc_states "$work/$name.exact.out")
  timed "$name.fp" java @"$root/scripts/jvm-options" $java_opts -jar "$jar" check -q --workers 1 \
    "${dflags[@]}" "$root/models/bench/$name.pool"
  fp_cpu=$cpu fp_rss=$rss fp_load=$load_before
  fp_states=$(pc_states "$work/$name.fp.out")

  echo "$name $constants: SPIN full $full_states states $full_cpu s ${full_rss} KB (load $full_load);" \
    "HC4 $hc4_states states $hc4_cpu s ${hc4_rss} KB (load $hc4_load);" \
    "BFS $bfs_states states $bfs_cpu s ${bfs_rss} KB (load $bfs_load);" \
    "poolcheck exact $exact_states states $exact_cpu s ${exact_rss} KB (load $exact_load);" \
    "fingerprints $fp_states states $fp_cpu s ${fp_rss} KB (load $fp_load)" >&2
  if [ "$hc4_states" != "$full_states" ] || [ "$bfs_states" != "$full_states" ]; then
    echo "spin-table: $name: SPIN stored $full_states (DFS), $hc4_states (HC4), $bfs_states (BFS)" >&2
    exit 1
  fi
  if [ "$exact_states" != "$full_states" ] || [ "$fp_states" != "$full_states" ]; then
    echo "spin-table: $name: poolcheck $exact_states / $fp_states states, SPIN $full_states" >&2
    exit 1
  fi
  best=$(printf '%s\n' "$full_cpu DFS" "$hc4_cpu HC4" "$bfs_cpu BFS" | sort -n | head -1)
  best_by=${best#* }
  best=${best% *}
  r_exact=$(ratio "$exact_cpu" "$best")
  r_fp=$(ratio "$fp_cpu" "$best")
  met=$(awk -v e="$r_exact" -v f="$r_fp" 'BEGIN {
    print (e == "n/a" ? "n/a" : e <= 0.5 ? "yes" : f <= 0.5 ? "fingerprints only" : "no") }')
  printf "| %s %s | %s | %s s, %s MB | %s s, %s MB | %s s, %s MB | %s s, %s MB | %s s, %s MB | %s; %s (against %s) | %s | %s, %s, %s, %s, %s |\n" \
    "$name" "$constants" "$(commas "$full_states")" "$full_cpu" "$(mb "$full_rss")" "$hc4_cpu" \
    "$(mb "$hc4_rss")" "$bfs_cpu" "$(mb "$bfs_rss")" "$exact_cpu" "$(mb "$exact_rss")" \
    "$fp_cpu" "$(mb "$fp_rss")" "$r_exact" "$r_fp" "$best_by" "$met" "$full_load" "$hc4_load" \
    "$bfs_load" "$exact_load" "$fp_load" >>"$table"

  if $bytes; then
    [ -f "$root/target/bench-classpath.txt" ] || (cd "$root" && nice mvn -B -o -q \
      dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2)
    timed "$name.bytes" java @"$root/scripts/jvm-options" $java_opts \
      -cp "$root/target/classes:$root/target/test-classes:$(cat "$root/target/bench-classpath.txt")" \
      poolcheck.bench.Benchmark "$root/models/bench/$name.pool" $constants --workers=1 \
      --spill="$work"
    per_state=$(sed -nE 's/.* ([0-9]+) heap bytes\/state.*/\1/p' "$work/$name.bytes.out")
    echo "| $name $constants | $per_state |" >>"$work/bytes.md"
  fi
done

cat "$table"
if $bytes; then
  echo
  cat "$work/bytes.md"
fi
