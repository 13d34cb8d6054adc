#!/usr/bin/env bash
# Loads 100,000 and then 1,000,000 leads into analytics-service's read model (embedded store) and
# times every dashboard query at both sizes. See bench/README.md. Other sizes:
#   bench/analytics/run.sh -Dbench.small=10000 -Dbench.large=100000 -Dbench.heap=16g
# A history import's flush, a recompute above every round of chunks against one above every chunk, alternated:
#   bench/analytics/run.sh -Dbench.test=FlushRoundsBenchmark -Dbench.leads=5000 -Dbench.trials=3
set -euo pipefail
cd "$(dirname "$0")/../.."
log=analytics-service/target/analytics-bench.log
mkdir -p analytics-service/target
# -Dit.test=none keeps the upstream modules' integration tests from running; the bench profile names its own test.
./mvnw -B -q -Pbench -pl analytics-service -am verify \
  -Dtest=none -Dit.test=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false "$@" > "$log" 2>&1 || {
  tail -50 "$log"; exit 1; }
sed -n '/^BENCH /s/^BENCH //p' "$log"
