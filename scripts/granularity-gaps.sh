#!/usr/bin/env bash
# What stands between the shipped page_pool models and the step-granularity rule
# (docs/language.md, "Locks and step granularity"): the rule applies only to models that use
# locks, guards, ghosts or atomic steps (the shared model does since its rewrite). This copies
# models/ to a temporary directory, opts the copy in if needed (one unused lock), optionally declares the
# named variables ghosts (GHOSTS="place mapped"), and counts the diagnostics by code, by step
# and by variable. Zero diagnostics for every design means the rewrite is done. Seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r models "$tmp/"
shared="$tmp/models/common/page_pool.pool"
for g in ${GHOSTS:-}; do
  sed -i -E "s/^var $g :/ghost var $g :/" "$shared"
done
grep -q '^lock ' "$shared" || echo 'lock granularity_opt_in;' >> "$shared"
for model in "$tmp"/models/page_pool_*.pool; do
  out=$(./poolcheck check "$model" 2>&1 || true)
  n=$(grep -c ' error PC' <<<"$out" || true)
  echo "== $(basename "$model" .pool): $n diagnostics"
  grep -oE 'error PC[0-9]+' <<<"$out" | sort | uniq -c | sed 's/^/  /' || true
done
echo "== by step (last design)"
grep -oE "step '[a-z_.]+'" <<<"$out" | sort | uniq -c | sort -rn | sed 's/^/  /' || true
echo "== by variable (last design)"
grep -oE "(read|write) of '[a-z_]+|reads ghost '[a-z_]+" <<<"$out" | sed -E "s/.*'//" \
  | sort | uniq -c | sort -rn | sed 's/^/  /' || true
