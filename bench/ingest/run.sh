#!/usr/bin/env bash
# Ingest growth benchmark: starts the local stack from the service jars (embedded Kafka and store,
# every service on a free 127.0.0.1 port, data in a temporary directory), posts a 60-dealer group's
# year through the gateway slice by slice (leads in batches; follow-ups, deals, loss reports and
# callbacks one by one), prints each slice's rates, latency and analytics lag, then the lag of single
# leads at half the first slice's rate, and stops the stack.
#
#   bench/ingest/run.sh [slices [leadsPerSlice]]     defaults: 10 20000 (200,000 leads)
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK_DIR="$(mktemp -d -t radar-bench-XXXXXX)"
trap 'rm -rf "$WORK_DIR"' EXIT

cd "$REPO_DIR"
echo "Building the service jars and the benchmark (skipping tests)..."
./mvnw -B -q -DskipTests package dependency:build-classpath -pl deploy/local -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK_DIR/classpath.txt"

cd "$REPO_DIR/deploy/local"
java -Xmx1g -Dbasedir="$REPO_DIR/deploy/local" -Djava.io.tmpdir="$WORK_DIR" \
  -cp "target/test-classes:target/classes:$(cat "$WORK_DIR/classpath.txt")" \
  com.dealerradar.local.bench.IngestGrowthBench "$@"
