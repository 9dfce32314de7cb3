#!/usr/bin/env bash
# Distinct states of every shipped design at each of its configurations, with symmetry
# reduction (the default) and without (--no-symmetry): the table in docs/performance.md,
# "Symmetry reduction on the shipped models". Each run checks only `deadlock`, which holds in
# every design, so it explores every reachable state. A few minutes on one core.
set -euo pipefail
cd "$(dirname "$0")/.."
count() {
  ./poolcheck check -q --workers 1 --exact --property deadlock "$@" \
    | sed -n 's/^verified: .*, \([0-9,]*\) distinct states$/\1/p' | tr -d ,
}
echo "| design | config | reduced | unreduced | factor |"
echo "|---|---|---:|---:|---:|"
for model in models/page_pool_*.pool; do
  design=$(basename "$model" .pool)
  for config in $(sed -n 's/^config \([a-z_0-9]*\).*/\1/p' "$model"); do
    reduced=$(count --config "$config" "$model")
    full=$(count --no-symmetry --config "$config" "$model")
    factor=$(awk -v a="$full" -v b="$reduced" 'BEGIN { printf "%.2f", a / b }')
    printf '| %s | %s | %s | %s | %s |\n' "$design" "$config" "$reduced" "$full" "$factor"
  done
done
