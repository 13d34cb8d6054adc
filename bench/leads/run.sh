#!/usr/bin/env bash
# Lead ingest benchmark: starts the local stack from the service jars (embedded Kafka and store,
# every service on a free 127.0.0.1 port, data in a temporary directory), measures batch and single
# lead posts through the gateway and against lead-service directly, prints a table, stops the stack.
#
#   bench/leads/run.sh [batchLeads [singlePosts [clients]]]     defaults: 20000 2000 4
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
  com.dealerradar.local.bench.LeadIngestBench "$@"
