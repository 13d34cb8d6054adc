#!/usr/bin/env bash
# A tour of a running stack's dashboard in headless Chromium (Debian's chromium and chromium-driver):
# every page the key's role is offered, in English and Chinese, timed until its content shows, with
# screenshots, and the counts of the overview, the funnel and the lost sales checked against the API.
# Run it on the demo (deploy/local/run.sh --demo prints the keys):
#
#   bench/dashboard/run.sh --gateway http://127.0.0.1:8080 --key <HQ, manager or dealer key> [--out DIR]
#
# It only compiles the classes (bench/stack-bench.sh --compile-only), so a stack started from this
# checkout keeps running undisturbed.
set -euo pipefail

exec "$(dirname "${BASH_SOURCE[0]}")/../stack-bench.sh" --compile-only DashboardTour "$@"
