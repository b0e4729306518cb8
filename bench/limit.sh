#!/usr/bin/env bash
# Measures `archive-forecast serve` under more concurrent batch requests than it has cores, for several values of
# Predict:MaxConcurrent, on 127.0.0.1 only, every run bounded in time: throughput, p50/p99 of the answered requests, and
# how many were refused with 503 busy. Numbers for bench/RESULTS.md ("The prediction limit").
# Needs: dotnet, wrk (apt-get install wrk), curl.
#
# Settings (environment): LIMITS="1 2 4 8 16 64", CONNECTIONS=64, THREADS=2, DURATION=10 (s per run), BENCH_BATCH=100
# (instances per request), KEEP=1 keeps the temp folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIMITS="${LIMITS:-1 2 4 8 16 64}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-10}"
export BENCH_BATCH="${BENCH_BATCH:-100}"
WORK="$(mktemp -d -t archive-forecast-limit.XXXXXX)"
SERVER_PID=""
export BENCH_KEY="bench-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  [[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in dotnet wrk curl; do command -v "$tool" >/dev/null || { echo "limit.sh needs $tool" >&2; exit 2; }; done
dotnet build "$ROOT/Cli/ArchiveForecast.Cli.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
CLI="$ROOT/Cli/bin/Release/net10.0/archive-forecast"
"$CLI" train --synthetic 600 --store "$WORK/models" >/dev/null 2>&1
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
BODY='{"instances":[{"month":"2025-07-01","total_files":120000,"avg_file_size_mb":1.2,"pct_pdf":0.4,"pct_docx":0.3,"pct_xlsx":0.2,"archive_frequency_per_day":15}]}'

echo "| MaxConcurrent | responses/s | predictions/s (answered) | p50 ms | p99 ms | 503 busy or errors, of all | load at start |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for limit in $LIMITS; do
  Auth__FunctionKeys__0="$BENCH_KEY" Predict__MaxConcurrent="$limit" "$CLI" serve --port "$PORT" --store "$WORK/models" >"$WORK/serve-$limit.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H 'Content-Type: application/json' -H "x-functions-key: $BENCH_KEY" --data "$BODY" "$BASE/api/predict" || true)"
    [[ "$code" == 200 ]] && break
    sleep 0.1
  done
  load="$(cut -d' ' -f1 /proc/loadavg)"
  timeout 20 wrk -t"$THREADS" -c"$CONNECTIONS" -d3s --timeout 5s -s "$ROOT/bench/load/predict-batch.lua" "$BASE/api/predict" >/dev/null
  timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency \
    -s "$ROOT/bench/load/predict-batch.lua" "$BASE/api/predict" >"$WORK/wrk-$limit.txt"
  awk -v limit="$limit" -v batch="$BENCH_BATCH" -v load="$load" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    / requests in / { total = $1; seconds = $4 + 0 }
    /non_2xx_or_errors=/ { split($1, kv, "="); errors = kv[2] }
    END { printf "| %s | %.0f | %.0f | %.1f | %.1f | %s of %s | %s |\n", limit, rps, (total - errors) * batch / seconds, p50, p99, errors, total, load }' "$WORK/wrk-$limit.txt"
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
done
