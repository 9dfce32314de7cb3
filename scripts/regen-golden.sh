#!/usr/bin/env bash
# One command for everything generated and committed: the proofs ledger (proofs/: records,
# traces, proofs/README.md, by `poolcheck prove`), the golden trace files
# (src/test/resources/golden), the TLA+ export golden files (src/test/resources/export/golden),
# (every test model's counterexamples in every format, lassos included: starving_mutex loops
# back, unfair_setter stops in its last state), the sample output in README.md (from a real run), the error-code table in docs/language.md
# (from poolcheck.language.ErrorCode) and the shrink ratios in docs/testing.md (seeded simulations).
#
#   scripts/regen-golden.sh              # all of it; the ledger takes the longest (see README)
#   scripts/regen-golden.sh --no-ledger  # only the files the test suite compares (a minute)
#
# The ledger's runs use POOLCHECK_JAVA_OPTS (default here -Xmx5g). `poolcheck prove --stable`
# (the "stable at" column, about an hour) is a measurement, not a regeneration: run it apart.
# Review the result with `git diff` before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
ledger=true
case "${1:-}" in
  "") ;;
  --no-ledger) ledger=false ;;
  *) echo "usage: scripts/regen-golden.sh [--no-ledger]" >&2; exit 2 ;;
esac
if $ledger; then
  POOLCHECK_JAVA_OPTS="${POOLCHECK_JAVA_OPTS:--Xmx5g}" ./poolcheck prove
fi
# Each test writes its files instead of comparing when its property is set.
mvn -B -q -o test -Dtest=GoldenTracesTest,TlaExportTest,ReadmeSampleTest,ErrorCodesTest \
  -Dpoolcheck.regenerate=true -Dpoolcheck.golden.update=true \
  -Dsurefire.failIfNoSpecifiedTests=false
# a slow-tier test: run by its own execution
mvn -B -q -o surefire:test@slow-tier -Dtest=ShrinkRatiosTest -Dpoolcheck.regenerate=true
git status --short proofs src/test/resources/golden src/test/resources/export/golden README.md \
  docs/language.md docs/testing.md
