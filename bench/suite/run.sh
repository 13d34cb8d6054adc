#!/usr/bin/env bash
# Runs the README's test command (./mvnw -B verify) on a clean clone of this repository's HEAD, as CI
# does, and says where its CPU went, by kind of process (bench/suite/SuiteCpu.java). Nothing else should
# run on the machine meanwhile. Run it from a commit: uncommitted changes are not in the clone.
#
#   bench/suite/run.sh [more Maven arguments...]
set -euo pipefail
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CLONE_DIR="$(mktemp -d -t radar-suite-XXXXXX)"
trap 'rm -rf "$CLONE_DIR"' EXIT
git clone -q "$REPO_DIR" "$CLONE_DIR"
cd "$CLONE_DIR"
echo "Clean clone of $(git rev-parse --short HEAD) in $CLONE_DIR"
java "$REPO_DIR/bench/suite/SuiteCpu.java" ./mvnw -B verify "$@" > suite.log 2>&1 || status=$?
log="/tmp/radar-suite-$(git rev-parse --short HEAD).log"
cp suite.log "$log"
grep -E '^\[INFO\] (Dealer Radar |BUILD|Total time)|^\[ERROR\]|^\[cpu\]' suite.log | head -80
sed -n '/^CPU by kind of process/,$p' suite.log
echo "Maven's whole output: $log"
exit "${status:-0}"
