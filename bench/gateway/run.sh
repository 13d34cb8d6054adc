#!/usr/bin/env bash
# Gateway overhead benchmark: starts the local stack from the service jars (embedded Kafka and store,
# every service on a free 127.0.0.1 port, data in a temporary directory), reads one dealer's leads
# (GET /api/leads/{id}) through the gateway and straight from lead-service in alternating rounds,
# prints requests/s and latency percentiles for both, stops the stack.
#
#   bench/gateway/run.sh [rounds [requestsPerRound [clients [leads [warmUp]]]]]     defaults: 10 2000 4 200 20000
exec "$(dirname "${BASH_SOURCE[0]}")/../stack-bench.sh" GatewayOverheadBench "$@"
