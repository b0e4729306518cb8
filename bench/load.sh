#!/usr/bin/env bash
# Measures `archive-forecast serve` on this machine, on 127.0.0.1 only, every step bounded in time:
#   model.zip size at 600 rows, training on 200,000 rows (wall time and peak RSS of the whole `train` command),
#   single-instance and 100-instance predict throughput and latency under wrk, the managed heap under a 60 s load,
#   and cold start (process start to the first 200 from /api/predict).
# Prints a summary block for bench/RESULTS.md at the end. Needs: dotnet, wrk (apt-get install wrk), curl.
#
# Settings (environment): DURATION=30 (s per wrk run), HEAP_SECONDS=60, COLD_STARTS=5, ROWS=600, BIG_ROWS=200000
# (0 skips the big training), CONNECTIONS=16, THREADS=2, PORT (default: a free port), KEEP=1 keeps the temp folder,
# MAX_LOAD=0.7 and QUIET_WAIT=300: before each timed step, wait up to QUIET_WAIT s for the 1-minute load average to fall
# below MAX_LOAD (the machine may be shared); the load at the start of each step is printed in the summary.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-30}"
HEAP_SECONDS="${HEAP_SECONDS:-60}"
COLD_STARTS="${COLD_STARTS:-5}"
ROWS="${ROWS:-600}"
BIG_ROWS="${BIG_ROWS:-200000}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
MAX_LOAD="${MAX_LOAD:-0.7}"
QUIET_WAIT="${QUIET_WAIT:-300}"
LOADS=""
MODEL="archive-forecast"
WORK="$(mktemp -d -t archive-forecast-bench.XXXXXX)"
SERVER_PID=""
MONITOR_PID=""

log() { printf '[load.sh %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

stop_pid() {
  local pid="$1"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}

cleanup() {
  stop_pid "$MONITOR_PID"
  stop_pid "$SERVER_PID"
  if [[ "${KEEP:-0}" == "1" ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
# A TERM or INT (from `timeout`, Ctrl+C) exits through the EXIT trap, so no server is left behind.
trap 'exit 143' TERM INT

# Waits (bounded) for a quiet machine before a timed step and records the 1-minute load it started at.
wait_quiet() {
  local step="$1" deadline=$((SECONDS + QUIET_WAIT))
  while ((SECONDS < deadline)) && ! awk -v max="$MAX_LOAD" '{ exit !($1 < max) }' /proc/loadavg; do sleep 5; done
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  LOADS="$LOADS $step=$load"
  log "load before $step: $load"
}

for tool in dotnet wrk curl; do
  command -v "$tool" >/dev/null || { echo "load.sh needs $tool (wrk: apt-get install wrk)" >&2; exit 1; }
done

PORT="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18080)}"
BASE="http://127.0.0.1:$PORT"
KEY="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export BENCH_KEY="$KEY"
SINGLE_BODY='{"instances":[{"month":"2024-06-01","total_files":125000,"avg_file_size_mb":2.4,"pct_pdf":0.4,"pct_docx":0.3,"pct_xlsx":0.2,"archive_frequency_per_day":3.5}]}'

log "building the CLI and the bench tools (Release)"
dotnet publish "$ROOT/Cli/ArchiveForecast.Cli.csproj" -c Release -o "$WORK/cli" --nologo -v quiet >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
dotnet build "$ROOT/bench/ArchiveForecast.Bench/ArchiveForecast.Bench.csproj" -c Release --nologo -v quiet >>"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
CLI="$WORK/cli/archive-forecast"
BENCH="$ROOT/bench/ArchiveForecast.Bench/bin/Release/net10.0/ArchiveForecast.Bench"

log "generating $ROWS rows and training into a temp store"
"$CLI" generate --rows "$ROWS" --seed 42 --out "$WORK/data.csv" >/dev/null
timeout 600 "$CLI" train --data "$WORK/data.csv" --model "$MODEL" --store "$WORK/models" >"$WORK/train.log" 2>&1 \
  || { cat "$WORK/train.log" >&2; exit 1; }
MODEL_ZIP="$(find "$WORK/models/$MODEL/versions" -name model.zip | head -1)"
MODEL_ZIP_BYTES="$(stat -c %s "$MODEL_ZIP")"
log "model.zip at $ROWS rows: $MODEL_ZIP_BYTES bytes"

BIG_TRAIN="skipped"
if [[ "$BIG_ROWS" != "0" ]]; then
  log "training on $BIG_ROWS rows (the whole train command: read, validate, split, fit, evaluate, publish)"
  "$CLI" generate --rows "$BIG_ROWS" --seed 42 --out "$WORK/big.csv" >/dev/null
  wait_quiet train
  /usr/bin/time -f '%e %M' -o "$WORK/big.time" timeout 600 \
    "$CLI" train --data "$WORK/big.csv" --model "$MODEL" --store "$WORK/models-big" >"$WORK/big-train.log" 2>&1 \
    || { cat "$WORK/big-train.log" >&2; exit 1; }
  read -r big_s big_kb <"$WORK/big.time"
  BIG_TRAIN="$(awk -v s="$big_s" -v kb="$big_kb" 'BEGIN { printf "%.1f s wall, peak RSS %.0f MB", s, kb / 1024 }')"
  BIG_ZIP_BYTES="$(stat -c %s "$(find "$WORK/models-big/$MODEL/versions" -name model.zip | head -1)")"
  BIG_TRAIN="$BIG_TRAIN, model.zip $BIG_ZIP_BYTES bytes"
  rm -f "$WORK/big.csv"
  log "200k training: $BIG_TRAIN"
fi

start_server() {
  Auth__FunctionKeys__0="$KEY" "$CLI" serve --port "$PORT" --store "$WORK/models" >>"$WORK/serve.log" 2>&1 &
  SERVER_PID=$!
}

# Polls until /api/predict answers 200; prints the milliseconds since $1 (a `date +%s%N` stamp).
wait_for_predict() {
  local started="$1" deadline=$((SECONDS + 60)) code
  while ((SECONDS < deadline)); do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H 'Content-Type: application/json' \
      -H "x-functions-key: $KEY" --data "$SINGLE_BODY" "$BASE/api/predict" || true)"
    if [[ "$code" == "200" ]]; then
      echo $((($(date +%s%N) - started) / 1000000))
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "serve exited; log:" >&2; tail -20 "$WORK/serve.log" >&2; return 1; }
    sleep 0.01
  done
  echo "no 200 from /api/predict within 60 s; log:" >&2
  tail -20 "$WORK/serve.log" >&2
  return 1
}

# Runs wrk and prints "rps p50 p99 errors" (latencies in ms).
run_wrk() {
  # Separate declarations: the words of one `local` are expanded before any of them is assigned (set -u fails).
  local script="$1" seconds="$2"
  local out="$WORK/wrk-$(basename "$script" .lua)-$seconds.txt"
  timeout $((seconds + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s --latency \
    -s "$ROOT/bench/load/$script" "$BASE/api/predict" >"$out"
  cat "$out" >&2
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /non_2xx_or_errors=/ { split($1, kv, "="); errors = kv[2] }
    END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, errors }' "$out"
}

wait_quiet first-start
log "starting serve on $BASE"
started="$(date +%s%N)"
start_server
FIRST_START_MS="$(wait_for_predict "$started")"
curl -s "$BASE/api/health" >"$WORK/health.json" || true
log "first 200 after $FIRST_START_MS ms; health: $(cat "$WORK/health.json")"

log "warming up (5 s, not recorded)"
run_wrk predict-single.lua 5 >/dev/null

wait_quiet single
log "single-instance requests: $CONNECTIONS connections, $THREADS threads, ${DURATION} s"
read -r SINGLE_RPS SINGLE_P50 SINGLE_P99 SINGLE_ERRORS < <(run_wrk predict-single.lua "$DURATION")

wait_quiet batch
log "100-instance requests: $CONNECTIONS connections, $THREADS threads, ${DURATION} s"
export BENCH_BATCH=100
read -r BATCH_RPS BATCH_P50 BATCH_P99 BATCH_ERRORS < <(run_wrk predict-batch.lua "$DURATION")
BATCH_PREDICTIONS=$((BATCH_RPS * BENCH_BATCH))

wait_quiet heap
log "managed heap under ${HEAP_SECONDS} s of single-instance load"
RSS_BEFORE_KB="$(awk '/VmRSS/ { print $2 }' "/proc/$SERVER_PID/status")"
timeout $((HEAP_SECONDS + 30)) "$BENCH" heap-monitor "$SERVER_PID" "$HEAP_SECONDS" 5 >"$WORK/heap.txt" 2>&1 &
MONITOR_PID=$!
sleep 1
read -r HEAP_RPS _ HEAP_P99 HEAP_ERRORS < <(run_wrk predict-single.lua "$HEAP_SECONDS")
wait "$MONITOR_PID" || true
MONITOR_PID=""
RSS_AFTER_KB="$(awk '/VmRSS/ { print $2 }' "/proc/$SERVER_PID/status")"
cat "$WORK/heap.txt" >&2
HEAP_SUMMARY="$(grep '^summary:' "$WORK/heap.txt" | sed 's/^summary: //')"
stop_pid "$SERVER_PID"
SERVER_PID=""

wait_quiet cold
log "cold start x$COLD_STARTS (process start to the first 200 from /api/predict)"
COLD=()
for i in $(seq 1 "$COLD_STARTS"); do
  started="$(date +%s%N)"
  start_server
  COLD+=("$(wait_for_predict "$started")")
  stop_pid "$SERVER_PID"
  SERVER_PID=""
done
COLD_SORTED="$(printf '%s\n' "${COLD[@]}" | sort -n | tr '\n' ' ')"
COLD_MEDIAN="$(printf '%s\n' "${COLD[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
COLD_MAX="$(printf '%s\n' "${COLD[@]}" | sort -n | tail -1)"

cat <<EOF

=== bench/load.sh summary ($(date -u +%Y-%m-%dT%H:%MZ)) ===
machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, .NET $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }'), wrk $(wrk -v 2>&1 | awk 'NR == 1 { print $2 }')
1-minute load before each step:$LOADS; at the end: $(cut -d' ' -f1-3 /proc/loadavg)
model.zip at $ROWS rows:             $MODEL_ZIP_BYTES bytes
train on $BIG_ROWS rows (CLI):       $BIG_TRAIN
single instance (c$CONNECTIONS t$THREADS ${DURATION}s): $SINGLE_RPS req/s, p50 $SINGLE_P50 ms, p99 $SINGLE_P99 ms, errors $SINGLE_ERRORS
batch of 100 (c$CONNECTIONS t$THREADS ${DURATION}s):    $BATCH_RPS req/s = $BATCH_PREDICTIONS predictions/s, p50 $BATCH_P50 ms, p99 $BATCH_P99 ms, errors $BATCH_ERRORS
heap under ${HEAP_SECONDS}s load ($HEAP_RPS req/s, p99 $HEAP_P99 ms, errors $HEAP_ERRORS): $HEAP_SUMMARY
RSS before/after the heap run:       $((RSS_BEFORE_KB / 1024)) MB / $((RSS_AFTER_KB / 1024)) MB
cold start to first 200 (ms):        median $COLD_MEDIAN, max $COLD_MAX, all: $COLD_SORTED(first start: $FIRST_START_MS)
EOF
