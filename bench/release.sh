#!/usr/bin/env bash
# Does shadow scoring slow `archive-forecast serve`? Measures p50/p99 of predict on 127.0.0.1 with no release, then
# with a shadow release of a second version at full traffic (fraction 1), on the same server and load, every run
# bounded in time. The issue's bar: p99 with the shadow within 20 % of p99 without. Numbers for bench/RESULTS.md
# ("Shadow releases"); run it on a quiet machine (nothing else building or testing), or the comparison is noise.
# Needs: dotnet, wrk (apt-get install wrk), curl, python3.
#
# Settings (environment): CONNECTIONS=8, THREADS=2, DURATION=20 (s per run), BENCH_BATCH=10 (instances per request),
# ROUNDS=2 (alternating baseline and shadow runs, to spread drift of the machine over both), KEEP=1 keeps the temp folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-20}"
ROUNDS="${ROUNDS:-2}"
export BENCH_BATCH="${BENCH_BATCH:-10}"
WORK="$(mktemp -d -t archive-forecast-release.XXXXXX)"
SERVER_PID=""
export BENCH_KEY="bench-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
ADMIN_KEY="admin-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  [[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in dotnet wrk curl python3; do command -v "$tool" >/dev/null || { echo "release.sh needs $tool" >&2; exit 2; }; done
dotnet build "$ROOT/Cli/ArchiveForecast.Cli.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
CLI="$ROOT/Cli/bin/Release/net10.0/archive-forecast"
"$CLI" train --synthetic 600 --store "$WORK/models" --promote force >/dev/null 2>&1
"$CLI" train --synthetic 600 --seed 7 --store "$WORK/models" --promote never >/dev/null 2>&1 || true
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
RELEASE="$BASE/api/models/archive-forecast/release"
BODY='{"instances":[{"month":"2025-07-01","total_files":120000,"avg_file_size_mb":1.2,"pct_pdf":0.4,"pct_docx":0.3,"pct_xlsx":0.2,"archive_frequency_per_day":15}]}'

Auth__FunctionKeys__0="$BENCH_KEY" Auth__AdminKeys__0="$ADMIN_KEY" "$CLI" serve --port "$PORT" --store "$WORK/models" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H 'Content-Type: application/json' -H "x-functions-key: $BENCH_KEY" --data "$BODY" "$BASE/api/predict" || true)"
  [[ "$code" == 200 ]] && break
  sleep 0.1
done

# wrk's latency percentiles in ms.
measure() {
  timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency \
    -s "$ROOT/bench/load/predict-batch.lua" "$BASE/api/predict" >"$WORK/wrk-$1.txt"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /non_2xx_or_errors=/ { split($1, kv, "="); errors = kv[2] }
    END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, errors }' "$WORK/wrk-$1.txt"
}

admin() { curl -sS --max-time 30 -X "$1" -H "x-functions-key: $ADMIN_KEY" -H 'Content-Type: application/json' ${2:+--data "$2"} "$RELEASE"; }

timeout 20 wrk -t"$THREADS" -c"$CONNECTIONS" -d3s --timeout 5s -s "$ROOT/bench/load/predict-batch.lua" "$BASE/api/predict" >/dev/null
echo "| run | load at start | responses/s | p50 ms | p99 ms | errors | shadow compared / dropped |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
base_p99=()
shadow_p99=()
for round in $(seq 1 "$ROUNDS"); do
  read -r rps p50 p99 errors < <(measure "base-$round")
  echo "| no release ($round) | $(cut -d' ' -f1 /proc/loadavg) | $rps | $p50 | $p99 | $errors | |"
  base_p99+=("$p99")
  # Guards far out of reach: this measures the cost of shadowing, not the abort.
  admin POST '{"version":2,"fraction":1,"mode":"shadow","max_latency_ratio":1000,"max_divergence":100,"max_error_rate_increase":1}' >/dev/null
  read -r rps p50 p99 errors < <(measure "shadow-$round")
  seen="$(curl -sS -H "x-functions-key: $BENCH_KEY" "$RELEASE" | python3 -c 'import json,sys; s=json.load(sys.stdin).get("shadow") or {}; print(s.get("compared", 0), "/", s.get("dropped", 0))')"
  echo "| shadow at fraction 1 ($round) | $(cut -d' ' -f1 /proc/loadavg) | $rps | $p50 | $p99 | $errors | $seen |"
  shadow_p99+=("$p99")
  admin DELETE >/dev/null
done

python3 - "${base_p99[*]}" "${shadow_p99[*]}" <<'PY'
import statistics, sys
base = [float(v) for v in sys.argv[1].split()]
shadow = [float(v) for v in sys.argv[2].split()]
ratio = statistics.median(shadow) / statistics.median(base)
print(f"\nmedian p99: no release {statistics.median(base):.2f} ms, shadow {statistics.median(shadow):.2f} ms, ratio {ratio:.2f} "
      f"({'within' if ratio <= 1.2 else 'NOT within'} 20 %)")
PY
