#!/usr/bin/env bash
# Regenerates the README's performance section in one run on one machine: the
# library's own benchmarks, the round-robin comparisons with what a vendor would use
# instead, and `managedos plan` on a million devices against the floor.
#
#   bash benchmarks/report.sh            # COUNT=3 runs of each benchmark
#   COUNT=5 bash benchmarks/report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-3}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3-4), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; medians of $COUNT runs."
echo
echo "### The library"
echo
go test ./compat ./mechanism ./ddm ./mdmcmd ./rollout ./examples/managedos -run '^$' -bench . -benchmem -count "$COUNT" \
  | (cd benchmarks && go run ./cmd/benchtable)
echo
echo "### Against what a vendor would use instead (one loop, round-robin)"
echo
(cd benchmarks && go test -run '^$' -bench . -count "$COUNT" | go run ./cmd/benchtable)
echo
echo "### plan on 1,000,000 devices"
echo
bash benchmarks/run-plan.sh | grep '^|'
