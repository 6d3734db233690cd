#!/usr/bin/env bash
# The benchmark of the reference server, in one command (see reference-server/README.md, "Performance"):
#   bench/run.sh                     # everything: throughput, cold start, 1 GB streaming (about 10 minutes)
#   bench/run.sh --only throughput   # or coldstart, streaming; --help for every option
# Installs wrk if missing, builds the reference server jar and the bench jar, then runs bench.jar from the
# repository root. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (apt-get)..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get install -y wrk >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; }
fi
for tool in java mvn jstat node curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: '$tool' is needed on PATH" >&2; exit 2; }
done
[ -x node_modules/.bin/prism ] || npm ci --no-audit --no-fund

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "Building the reference server and the bench (mvn package -DskipTests)..."
  mvn -B -ntp -q -pl reference-server,bench -am package -DskipTests -Pbench
fi

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit+changes"; fi

exec java -jar bench/target/bench.jar --commit "$commit" "$@"
