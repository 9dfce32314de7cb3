#!/usr/bin/env bash
# Rewrites the golden trace files under src/test/resources/golden from the current exporters.
# Review the result with `git diff src/test/resources/golden` before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test -Dtest=GoldenTracesTest -Dpoolcheck.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false
git status --short src/test/resources/golden
