#!/usr/bin/env bash
# Ingest growth benchmark: starts the local stack from the service jars (embedded Kafka and store,
# every service on a free 127.0.0.1 port, data in a temporary directory), posts a 60-dealer group's
# year through the gateway slice by slice (leads in batches; follow-ups, deals, loss reports and
# callbacks one by one), prints each slice's rates, latency and analytics lag, then the lag of single
# leads at half the first slice's rate, and stops the stack.
#
#   bench/ingest/run.sh [slices [leadsPerSlice [probePollMillis [pacedLeadsPerSecond]]]]
#   defaults: 10 20000 5, and the paced run at half the first slice's rate
exec "$(dirname "${BASH_SOURCE[0]}")/../stack-bench.sh" IngestGrowthBench "$@"
