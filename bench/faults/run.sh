#!/usr/bin/env bash
# Fault benchmark (issue 12): starts the local stack from the jars with the broker and the store as
# processes of their own (127.0.0.1, free ports, data in a temporary directory); four clients post
# leads, follow-ups, loss reports and callbacks, retrying with the same externalRef, through the broker
# frozen 20 s, the store frozen 10 s, lead-service and analytics-service killed -9 and restarted, then
# the store killed -9 and the stack started again on its data. Reads everything back, prints the
# counts, exits 1 if anything acknowledged is missing, doubled or dead-lettered. Takes 5-15 minutes.
#
#   bench/faults/run.sh [clients]     default: 4
exec "$(dirname "${BASH_SOURCE[0]}")/../stack-bench.sh" FaultBench "$@"
