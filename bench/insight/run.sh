#!/usr/bin/env bash
# Measures the missed-prospect radar on generated groups with planted gaps and on null groups, through
# analytics-service's own intake and query code (in process). See bench/README.md. Other runs:
#   bench/insight/run.sh -Dinsight.seed=7 -Dinsight.planted=20 -Dinsight.nulls=10 -Dinsight.heap=10g
set -euo pipefail
cd "$(dirname "$0")/../.."
log=analytics-service/target/insight-bench.log
mkdir -p analytics-service/target
./mvnw -B -q -o -Pinsight -pl analytics-service -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=InsightBenchmark -Dfailsafe.failIfNoSpecifiedTests=false "$@" > "$log" 2>&1 || {
  tail -50 "$log"; exit 1; }
sed -n '/^INSIGHT /s/^INSIGHT //p' "$log"
