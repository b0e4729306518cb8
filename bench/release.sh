#!/usr/bin/env bash
# Does shadow scoring slow `archive-forecast serve`? Measures p50/p99 of predict on 127.0.0.1 with no release, then
# with a shadow release of a second version at full traffic (fraction 1: every request shadowed), on the same server,
# under two loads: saturated (wrk closed loop) and a fixed offered rate below saturation (RATE requests/s, Poisson
# arrivals). Every run is bounded in time. The issue's bar: p99 with the shadow within 20 % of p99 without. Numbers
# for bench/RESULTS.md ("Shadow releases"); run it on a quiet machine (nothing else building or testing), or the
# comparison is noise: the load at the start and end of each run is printed beside it.
# Needs: dotnet, wrk (apt-get install wrk), curl, python3.
#
# Settings (environment): CONNECTIONS=8, THREADS=2, DURATION=15 (s per run), BENCH_BATCH=10 (instances per request),
# RATE=2000 (requests/s of the paced runs; 0 leaves them out), ROUNDS=4 (alternating baseline and shadow runs, to spread
# drift of the machine over both), KEEP=1 keeps the temp folder.
set -euo pipefail

BENCH_NAME=release
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-15}"
ROUNDS="${ROUNDS:-4}"
RATE="${RATE:-2000}"
export CONNECTIONS RATE BENCH_LUA_DIR="$ROOT/bench/load"
export BENCH_BATCH="${BENCH_BATCH:-10}"
ADMIN_KEY="$(bench_key admin)"

bench_require dotnet wrk curl python3
bench_build_cli
"$CLI" train --synthetic 600 --store "$WORK/models" --promote force >/dev/null 2>&1
"$CLI" train --synthetic 600 --seed 7 --store "$WORK/models" --promote never >/dev/null 2>&1 || true
bench_pick_port
RELEASE="$BASE/api/models/archive-forecast/release"

Auth__FunctionKeys__0="$BENCH_KEY" Auth__AdminKeys__0="$ADMIN_KEY" "$CLI" serve --port "$PORT" --store "$WORK/models" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
bench_wait_ready

# wrk's responses/s and latency percentiles in ms, then the 1-minute load at the end. $1 names the run, $2 is the lua
# script: predict-batch.lua (closed loop: every connection sends its next request as soon as the answer came, so the
# server is saturated) or predict-batch-paced.lua (about RATE requests/s in all, below saturation).
measure() {
  timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency \
    -s "$ROOT/bench/load/$2" "$BASE/api/predict" >"$WORK/wrk-$1.txt"
  awk -v load_end="$(cut -d' ' -f1 /proc/loadavg)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /non_2xx_or_errors=/ { split($1, kv, "="); errors = kv[2] }
    END { printf "%.0f %.2f %.2f %s %s\n", rps, p50, p99, errors, load_end }' "$WORK/wrk-$1.txt"
}

admin() { curl -sS --max-time 30 -X "$1" -H "x-functions-key: $ADMIN_KEY" -H 'Content-Type: application/json' ${2:+--data "$2"} "$RELEASE"; }

bench_warm_up
echo "| load | run | load at start / end | responses/s | p50 ms | p99 ms | errors | shadow compared (forecasts) / dropped (requests) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
SUMMARY="$WORK/p99.txt"
: >"$SUMMARY"
# One run: load label, run label, round, lua script; with a shadow release running, its counts for this run alone.
run() {
  local start counts=""
  start="$(cut -d' ' -f1 /proc/loadavg)"
  [[ "$2" == shadow ]] && admin POST "$SHADOW" >/dev/null
  read -r rps p50 p99 errors end < <(measure "$2-$3-$(tr -c 'a-z0-9' _ <<<"$1")" "$4")
  if [[ "$2" == shadow ]]; then counts="$(shadow_counts)"; admin DELETE >/dev/null; fi
  echo "| $1 | $2 ($3) | $start / $end | $rps | $p50 | $p99 | $errors | $counts |"
  echo "$1|$2|$p99" >>"$SUMMARY"
}
shadow_counts() {
  curl -sS --max-time 10 -H "x-functions-key: $BENCH_KEY" "$RELEASE" |
    python3 -c 'import json,sys; s=json.load(sys.stdin).get("shadow") or {}; print(s.get("compared", 0), "/", s.get("dropped", 0))'
}
# Guards far out of reach: this measures the cost of shadowing, not the abort. A release per run, so each run's counts
# are its own.
SHADOW='{"version":2,"fraction":1,"mode":"shadow","max_latency_ratio":1000,"max_divergence":100,"max_error_rate_increase":1}'
for round in $(seq 1 "$ROUNDS"); do
  run saturated "no release" "$round" predict-batch.lua
  run saturated shadow "$round" predict-batch.lua
  if [[ "$RATE" != 0 ]]; then
    run "$RATE/s" "no release" "$round" predict-batch-paced.lua
    run "$RATE/s" shadow "$round" predict-batch-paced.lua
  fi
done

python3 - "$SUMMARY" <<'PY'
import collections, statistics, sys
p99 = collections.defaultdict(list)
for line in open(sys.argv[1]):
    load, run, value = line.strip().split("|")
    p99[load, run].append(float(value))
print()
for load in dict.fromkeys(load for load, _ in p99):
    base, shadow = statistics.median(p99[load, "no release"]), statistics.median(p99[load, "shadow"])
    ratio = shadow / base
    print(f"{load}: median p99 no release {base:.2f} ms, shadow {shadow:.2f} ms, ratio {ratio:.2f} "
          f"({'within' if ratio <= 1.2 else 'NOT within'} 20 %)")
PY
