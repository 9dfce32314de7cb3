#!/usr/bin/env bash
# Rewrites the golden trace files under src/test/resources/golden from the current exporters,
# the sample output in README.md from a real run, and the error-code table in docs/language.md
# from poolcheck.language.ErrorCode.
# Review the result with `git diff src/test/resources/golden README.md docs` before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test -Dtest=GoldenTracesTest,ReadmeSampleTest,ErrorCodesTest -Dpoolcheck.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false
git status --short src/test/resources/golden README.md docs/language.md
