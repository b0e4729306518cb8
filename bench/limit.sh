#!/usr/bin/env bash
# Measures `archive-forecast serve` under more concurrent batch requests than it has cores, for several values of
# Predict:MaxConcurrent, on 127.0.0.1 only, every run bounded in time: throughput, p50/p99 of the answered requests, and
# how many were refused with 503 busy. Numbers for bench/RESULTS.md ("The prediction limit").
# Needs: dotnet, wrk (apt-get install wrk), curl.
#
# Settings (environment): LIMITS="1 2 4 8 16 64", CONNECTIONS=64, THREADS=2, DURATION=10 (s per run), BENCH_BATCH=100
# (instances per request), KEEP=1 keeps the temp folder.
set -euo pipefail

BENCH_NAME=limit
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LIMITS="${LIMITS:-1 2 4 8 16 64}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-10}"
export BENCH_BATCH="${BENCH_BATCH:-100}"

bench_require dotnet wrk curl
bench_build_cli
"$CLI" train --synthetic 600 --store "$WORK/models" >/dev/null 2>&1
bench_pick_port

echo "| MaxConcurrent | responses/s | predictions/s (answered) | p50 ms | p99 ms | 503 busy or errors, of all | load at start |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for limit in $LIMITS; do
  Auth__FunctionKeys__0="$BENCH_KEY" Predict__MaxConcurrent="$limit" "$CLI" serve --port "$PORT" --store "$WORK/models" >"$WORK/serve-$limit.log" 2>&1 &
  SERVER_PID=$!
  bench_wait_ready
  load="$(cut -d' ' -f1 /proc/loadavg)"
  bench_warm_up
  bench_measure "$limit"
  awk -v limit="$limit" -v batch="$BENCH_BATCH" -v load="$load" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    / requests in / { total = $1; seconds = $4 + 0 }
    /non_2xx_or_errors=/ { split($1, kv, "="); errors = kv[2] }
    END { printf "| %s | %.0f | %.0f | %.1f | %.1f | %s of %s | %s |\n", limit, rps, (total - errors) * batch / seconds, p50, p99, errors, total, load }' "$WORK/wrk-$limit.txt"
  bench_stop_server
done
