#!/usr/bin/env bash
# Measures batch scoring of a large CSV through the streaming path that batch jobs and `archive-forecast predict` share
# (BatchScorer over the API's batch engine): wall time, rows per second and peak working set (maximum resident set
# size, from GNU time), against the targets of issue 19 (1 000 000 rows in at most 20 s and 300 MB). The input is
# generated here, with source ids and targets, so every column is carried through as in a real job. Numbers for
# bench/RESULTS.md ("Batch scoring"); run on a quiet machine.
# Needs: dotnet, GNU time (/usr/bin/time; apt-get install time).
#
# Settings (environment): ROWS=1000000, RUNS=3, TRAIN_ROWS=20000 (the model's training rows), KEEP=1 keeps the temp folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${ROWS:-1000000}"
RUNS="${RUNS:-3}"
TRAIN_ROWS="${TRAIN_ROWS:-20000}"
WORK="$(mktemp -d -t archive-forecast-batch.XXXXXX)"

cleanup() { [[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v dotnet >/dev/null || { echo "batch.sh needs dotnet" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "batch.sh needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
dotnet build "$ROOT/Cli/ArchiveForecast.Cli.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
CLI="$ROOT/Cli/bin/Release/net10.0/archive-forecast"

"$CLI" train --synthetic "$TRAIN_ROWS" --store "$WORK/models" >/dev/null 2>&1
"$CLI" generate --rows "$ROWS" --seed 7 --out "$WORK/input.csv" >/dev/null 2>&1
BYTES="$(stat -c %s "$WORK/input.csv")"

echo "Input: $ROWS rows, $((BYTES / 1024 / 1024)) MiB; model trained on $TRAIN_ROWS rows; $(nproc) cores; load at start $(cut -d' ' -f1 /proc/loadavg)"
echo
echo "| run | seconds | rows/s | peak working set MB | output MiB |"
echo "| --- | --- | --- | --- | --- |"
for run in $(seq 1 "$RUNS"); do
  rm -f "$WORK/scored.csv"
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$CLI" predict --input "$WORK/input.csv" --out "$WORK/scored.csv" --store "$WORK/models" >/dev/null 2>"$WORK/predict.err" \
    || { cat "$WORK/predict.err" >&2; exit 1; }
  read -r seconds kilobytes <"$WORK/time.txt"
  lines="$(($(wc -l <"$WORK/scored.csv") - 1))"
  [[ "$lines" == "$ROWS" ]] || { echo "expected $ROWS scored rows, got $lines" >&2; exit 1; }
  awk -v r="$run" -v s="$seconds" -v k="$kilobytes" -v n="$ROWS" -v o="$(stat -c %s "$WORK/scored.csv")" \
    'BEGIN { printf "| %d | %.1f | %.0f | %.0f | %.0f |\n", r, s, n / s, k / 1024, o / 1048576 }'
done
