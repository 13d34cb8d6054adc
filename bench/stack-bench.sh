#!/usr/bin/env bash
# Runs one of the stack benchmarks of deploy/local's test sources (com.dealerradar.local.bench): builds
# the service jars and the benchmark (tests skipped), then runs MAIN_CLASS, which starts the local
# stack from the jars on free 127.0.0.1 ports in a temporary directory and stops it when done.
# With --compile-only it compiles the classes and leaves the jars alone, for a class that works on a
# stack already running from them (rebuilding a jar under a running service can break it).
#
#   bench/stack-bench.sh [--compile-only] MAIN_CLASS [arguments...]
#   BENCH_JAVA_OPTS: more options for the benchmark's JVM, e.g. -Dradar.stack.memory.store=-Xmx3g,-XX:+UseSerialGC
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK_DIR="$(mktemp -d -t radar-bench-XXXXXX)"
trap 'rm -rf "$WORK_DIR"' EXIT
BUILD_GOAL=package
if [[ "${1:-}" == --compile-only ]]; then
  BUILD_GOAL=test-compile
  shift
fi
MAIN_CLASS="$1"
shift

cd "$REPO_DIR"
echo "Building the benchmark (skipping tests; goal $BUILD_GOAL)..."
# The build yields to whatever else runs on the machine; the stack and the benchmark do not.
nice -n 15 ./mvnw -B -q -DskipTests "$BUILD_GOAL" dependency:build-classpath -pl deploy/local -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK_DIR/classpath.txt"

cd "$REPO_DIR/deploy/local"
# For the benchmarks that keep the broker and the store in this JVM (bench/leads, bench/gateway) it hosts
# both besides the benchmark: the heap of both in deploy/local/run.sh (512 MB and 1.5 GB). With 1 GB, a profile of bench/ingest found it paused 9 s a minute in young
# collections, which stalled the store and the broker, and so every service, with it.
java -Xmx2g ${BENCH_JAVA_OPTS:-} -Dradar.stack.ready-timeout-seconds=600 -Dbasedir="$REPO_DIR/deploy/local" -Djava.io.tmpdir="$WORK_DIR" \
  -cp "target/test-classes:target/classes:$(cat "$WORK_DIR/classpath.txt")" \
  "com.dealerradar.local.bench.$MAIN_CLASS" "$@"
