#!/usr/bin/env bash
# Guarded updates {_id, version} on the embedded store, unpatched and patched (IdLookup), at 10,000
# and 100,000 documents, on the memory and the H2 file backend; then what committing each write before
# answering it (DurableH2Backend) costs the H2 file store; then BSON against Java-serialized storage
# (BsonH2Backend) on operations by _id. See bench/README.md. Other sizes:
#   bench/store/run.sh 1000 50000
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK_DIR="$(mktemp -d -t radar-store-bench-XXXXXX)"
trap 'rm -rf "$WORK_DIR"' EXIT

cd "$REPO_DIR"
echo "Building the testkit and its test classes (skipping tests)..."
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -pl testkit -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK_DIR/classpath.txt"

java -Xmx2g -Djava.io.tmpdir="$WORK_DIR" \
  -cp "testkit/target/test-classes:testkit/target/classes:$(cat "$WORK_DIR/classpath.txt")" \
  com.dealerradar.testkit.GuardedUpdateBench "$@"
