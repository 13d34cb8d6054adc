#!/usr/bin/env bash
# A tour of a running stack's dashboard in headless Chromium (Debian's chromium and chromium-driver):
# every page the key's role is offered, in English and Chinese, timed until its content shows, with
# screenshots, and the counts of the overview, the funnel and the lost sales checked against the API.
# Run it on the demo (deploy/local/run.sh --demo prints the keys):
#
#   bench/dashboard/run.sh --gateway http://127.0.0.1:8080 --key <HQ, manager or dealer key> [--out DIR]
#
# It only compiles the test classes, so a stack started from this checkout keeps running undisturbed.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK_DIR="$(mktemp -d -t radar-tour-XXXXXX)"
trap 'rm -rf "$WORK_DIR"' EXIT

cd "$REPO_DIR"
echo "Compiling the tour (skipping tests)..."
nice -n 15 ./mvnw -B -q -o -DskipTests test-compile dependency:build-classpath -pl deploy/local -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK_DIR/classpath.txt"

cd "$REPO_DIR/deploy/local"
java -cp "target/test-classes:target/classes:$(cat "$WORK_DIR/classpath.txt")" \
  com.dealerradar.local.bench.DashboardTour "$@"
