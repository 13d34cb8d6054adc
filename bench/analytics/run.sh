#!/usr/bin/env bash
# Loads 100,000 and then 1,000,000 leads into analytics-service's read model and times every dashboard
# query at both sizes. See bench/README.md. Other sizes:
#   bench/analytics/run.sh -Dbench.small=10000 -Dbench.large=100000
# A history import's flush, a recompute above every round of chunks against one above every chunk, alternated:
#   bench/analytics/run.sh -Dbench.test=FlushRoundsBenchmark -Dbench.leads=5000 -Dbench.trials=3
#
# The store runs in a process of its own from radar-local.jar, as on the local stack, on an H2 file under
# analytics-service/target/bench-store, so that its page cache and its collections stay out of the JVM
# whose queries are timed. BENCH_STORE_JAVA_OPTS sets its JVM (default: 12 GB, parallel collector, a 4 GB
# page cache); BENCH_STORE=in-jvm keeps the store inside the benchmark's JVM instead, as before 2026-12-02
# (then -Dradar.testkit.store=file and -Dbench.heap=16g for a million leads).
set -euo pipefail
cd "$(dirname "$0")/../.."
target=analytics-service/target
log=$target/analytics-bench.log
mkdir -p "$target"
store_args=()
if [[ "${BENCH_STORE:-process}" == process ]]; then
  ./mvnw -B -q -pl deploy/local -am package -DskipTests > "$target/bench-build.log" 2>&1 || {
    tail -50 "$target/bench-build.log"; exit 1; }
  store_dir=$target/bench-store
  rm -rf "$store_dir" && mkdir -p "$store_dir"
  # shellcheck disable=SC2086 # the options are words
  java ${BENCH_STORE_JAVA_OPTS:--Xmx12g -XX:+UseParallelGC -Dradar.testkit.store-cache-mb=4096} \
    -Xlog:gc:file="$store_dir/store-gc.log":time \
    -jar deploy/local/target/radar-local.jar store --port 0 --file "$store_dir/store.mv.db" > "$store_dir/store.log" 2>&1 &
  store_pid=$!
  trap 'kill $store_pid 2>/dev/null || true' EXIT
  until grep -q '^Store ready on ' "$store_dir/store.log"; do
    kill -0 $store_pid 2>/dev/null || { cat "$store_dir/store.log"; exit 1; }
    sleep 0.2
  done
  store_uri=$(sed -n 's/^Store ready on \([^ ]*\) .*/\1/p' "$store_dir/store.log")
  echo "The store runs in process $store_pid on $store_uri (log and GC log in $store_dir)"
  store_args=(-Dradar.testkit.store-uri="$store_uri")
fi
# -Dit.test=none keeps the upstream modules' integration tests from running; the bench profile names its own test.
./mvnw -B -q -Pbench -pl analytics-service -am verify \
  -Dtest=none -Dit.test=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false "${store_args[@]}" "$@" > "$log" 2>&1 || {
  tail -50 "$log"; exit 1; }
sed -n '/^BENCH /s/^BENCH //p' "$log"
