#!/usr/bin/env bash
# Times `managedos plan` against the read-a-line/write-a-line floor on the same
# synthetic inventory, side by side in one run, with /usr/bin/time -v.
#
#   bash benchmarks/run-plan.sh                 # 1,000,000 devices, seed 1, -target 15.1 (with the rings the inventory names)
#   N=100000 TARGET=14.7.3 bash benchmarks/run-plan.sh
#
# Prints one row per program: wall time, peak RSS, output lines, exit status, and
# each plan's time over the floor's. Leaves its files in $WORK (a fresh temporary
# directory unless set).
set -euo pipefail
cd "$(dirname "$0")"

N=${N:-1000000}
SEED=${SEED:-1}
TARGET=${TARGET:-15.1}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"

if [ ! -x /usr/bin/time ]; then
  echo "run-plan.sh: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3-4)"
echo "== building into $WORK"
go build -o "$WORK/geninventory" ./cmd/geninventory
go build -o "$WORK/floor" ./cmd/floor
(cd .. && go build -o "$WORK/managedos" ./examples/managedos)

inventory="$WORK/inventory-$N-$SEED.jsonl"
if [ ! -s "$inventory" ]; then
  "$WORK/geninventory" -n "$N" -seed "$SEED" -o "$inventory"
fi
feed=$(cd .. && pwd)/compat/testdata/gdmf_pmv_sofa_cached.json
# The inventory names these rings on some lines: a plan without them would refuse
# those lines (invalid-input) instead of planning them.
rings=(-rings canary=5%:0,early=25%:3,broad=100%:7)
policy=(-feed "$feed" -now 2026-08-27T12:00:00Z -latest -delay-days 7
  "${rings[@]}" -deadline-days 14 -deadline-time 18:00)
echo "== inventory: $N lines, $(du -m "$inventory" | cut -f1) MB, seed $SEED"

floor_s=""
# measure NAME COMMAND… runs the command on the inventory (standard input) and
# prints its row. Its output goes through a pipe to wc, not to a file, so that the
# disk's speed stays out of the measurement.
measure() {
  local name=$1; shift
  local status=0
  /usr/bin/time -v -o "$WORK/$name.time" "$@" < "$inventory" 2> "$WORK/$name.err" | wc -l > "$WORK/$name.lines" || status=$?
  local wall rss lines
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$WORK/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$WORK/$name.time")
  lines=$(cat "$WORK/$name.lines")
  local ratio="-"
  if [ -z "$floor_s" ]; then
    floor_s=$wall
  else
    ratio=$(awk -v a="$wall" -v b="$floor_s" 'BEGIN { if (b > 0) printf "%.1fx", a/b; else print "-" }')
  fi
  printf '| %-28s | %8s | %9s | %9s | %6s | %8s |\n' "$name" "$wall" "$rss" "$lines" "$status" "$ratio"
  # A run that could not read its own inventory measured the wrong thing.
  if [ "$status" != 0 ] || grep -q 'refused: invalid-\|could not be read' "$WORK/$name.err"; then
    echo "run-plan.sh: $name failed or refused lines of its own inventory; see $WORK/$name.err" >&2
    exit 1
  fi
}

printf '| %-28s | %8s | %9s | %9s | %6s | %8s |\n' program "wall s" "max RSS MB" "out lines" exit "vs floor"
printf '| %-28s | %8s | %9s | %9s | %6s | %8s |\n' --- ---: ---: ---: ---: ---:
measure floor "$WORK/floor"
measure "plan-json-target-$TARGET" "$WORK/managedos" plan -json -target "$TARGET" "${rings[@]}"
measure "plan-text-target-$TARGET" "$WORK/managedos" plan -target "$TARGET" "${rings[@]}"
measure "plan-json-feed-latest-rings" "$WORK/managedos" plan -json "${policy[@]}"
measure "plan-json-feed-rings-payloads" "$WORK/managedos" plan -json "${policy[@]}" -payloads
echo "== stderr and /usr/bin/time reports in $WORK"
