# What the serve benchmarks share: a temp folder and a server stopped on exit, the CLI built once, a free loopback
# port, one predict body, waiting for the first answer and warming up. Sourced by a script that has `set -euo pipefail`
# and sets BENCH_NAME (for messages and the temp folder) before sourcing.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d -t "archive-forecast-$BENCH_NAME.XXXXXX")"
SERVER_PID=""
BODY='{"instances":[{"month":"2025-07-01","total_files":120000,"avg_file_size_mb":1.2,"pct_pdf":0.4,"pct_docx":0.3,"pct_xlsx":0.2,"archive_frequency_per_day":15}]}'

bench_key() { echo "$1-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"; }
export BENCH_KEY
BENCH_KEY="$(bench_key bench)"

bench_stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=""
}

bench_cleanup() {
  bench_stop_server
  [[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# Exits 2 unless every tool named is on PATH.
bench_require() {
  for tool in "$@"; do command -v "$tool" >/dev/null || { echo "$BENCH_NAME.sh needs $tool" >&2; exit 2; }; done
}

# Builds the CLI and sets CLI to it.
bench_build_cli() {
  dotnet build "$ROOT/Cli/ArchiveForecast.Cli.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
  CLI="$ROOT/Cli/bin/Release/net10.0/archive-forecast"
}

# Picks a free loopback port and sets PORT and BASE.
bench_pick_port() {
  PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  BASE="http://127.0.0.1:$PORT"
}

# Waits (600 tries, 0.1 s apart) until the server at BASE answers a predict with 200.
bench_wait_ready() {
  for _ in $(seq 1 600); do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H 'Content-Type: application/json' -H "x-functions-key: $BENCH_KEY" --data "$BODY" "$BASE/api/predict" || true)"
    [[ "$code" == 200 ]] && break
    sleep 0.1
  done
}

# Three seconds of the load, thrown away: JIT, pools and caches warm before anything is measured.
bench_warm_up() {
  timeout 20 wrk -t"$THREADS" -c"$CONNECTIONS" -d3s --timeout 5s -s "$ROOT/bench/load/predict-batch.lua" "$BASE/api/predict" >/dev/null
}

# The measured run: DURATION seconds of the load with latency percentiles, into $WORK/wrk-$1.txt.
bench_measure() {
  timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency \
    -s "$ROOT/bench/load/predict-batch.lua" "$BASE/api/predict" >"$WORK/wrk-$1.txt"
}
