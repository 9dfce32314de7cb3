#!/usr/bin/env bash
# Builds the jar twice from clean and checks that both builds have the same SHA-256
# (project.build.outputTimestamp in pom.xml fixes the entry times). Works on a copy of the
# sources, so the working tree's target/ is left alone.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here/pom.xml" "$here/src" "$work/"
sums=()
for build in 1 2; do
  if [ "$build" = 2 ]; then
    # Whatever the clock, the zone or the sources' file times, the same bytes: the second build
    # runs in another time zone over sources touched to another date.
    find "$work/src" "$work/pom.xml" -exec touch -d '2001-02-03 04:05:06' {} +
    export TZ=Pacific/Chatham
  fi
  (cd "$work" && mvn -B -q clean package -DskipTests >/dev/null)
  sums+=("$(sha256sum "$work/target/poolcheck.jar" | cut -d' ' -f1)")
  echo "build $build: ${sums[-1]}  target/poolcheck.jar"
done
if [ "${sums[0]}" != "${sums[1]}" ]; then
  echo "the two builds differ: the jar is not reproducible" >&2
  exit 1
fi
