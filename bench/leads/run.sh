#!/usr/bin/env bash
# Lead ingest benchmark: starts the local stack from the service jars (embedded Kafka and store,
# every service on a free 127.0.0.1 port, data in a temporary directory), measures batch and single
# lead posts through the gateway and against lead-service directly, prints a table, stops the stack.
#
#   bench/leads/run.sh [batchLeads [singlePosts [clients]]]     defaults: 20000 2000 4
exec "$(dirname "${BASH_SOURCE[0]}")/../stack-bench.sh" LeadIngestBench "$@"
