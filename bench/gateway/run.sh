#!/usr/bin/env bash
# Gateway overhead benchmark: starts the local stack from the service jars (embedded Kafka and store,
# every service on a free 127.0.0.1 port, data in a temporary directory), reads one dealer's leads
# (GET /api/leads/{id}) through the gateway and straight from lead-service in alternating rounds,
# prints requests/s and latency percentiles for both, stops the stack.
#
#   bench/gateway/run.sh [rounds [requestsPerRound [clients [leads]]]]     defaults: 10 2000 4 200
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK_DIR="$(mktemp -d -t radar-bench-XXXXXX)"
trap 'rm -rf "$WORK_DIR"' EXIT

cd "$REPO_DIR"
echo "Building the service jars and the benchmark (skipping tests)..."
./mvnw -B -q -DskipTests package dependency:build-classpath -pl deploy/local -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK_DIR/classpath.txt"

cd "$REPO_DIR/deploy/local"
java -Xmx512m -Dradar.stack.ready-timeout-seconds=600 -Dbasedir="$REPO_DIR/deploy/local" -Djava.io.tmpdir="$WORK_DIR" \
  -cp "target/test-classes:target/classes:$(cat "$WORK_DIR/classpath.txt")" \
  com.dealerradar.local.bench.GatewayOverheadBench "$@"
