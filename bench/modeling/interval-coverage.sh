#!/usr/bin/env bash
# Measures the forecast ranges on sources the model never saw: trains on generated data with the source column removed
# (as in the original schema), evaluates on other sources (another seed), and prints per level the share of actual
# values inside the range and its mean width relative to the forecast. Numbers for bench/MODELING.md.
#
# Usage: interval-coverage.sh ARCHIVE_FORECAST TRAIN_ROWS [train options...]
#   e.g. interval-coverage.sh Cli/bin/Release/net10.0/archive-forecast 20000
# Settings (environment): UNSEEN_ROWS=12000, UNSEEN_SOURCES=400, UNSEEN_SEED=7, KEEP=1 keeps the temporary folder.
set -euo pipefail

CLI="$1"; ROWS="$2"; shift 2
WORK="$(mktemp -d -t archive-forecast-ranges.XXXXXX)"
[[ "${KEEP:-0}" == 1 ]] || trap 'rm -rf "$WORK"' EXIT

"$CLI" generate --rows "$ROWS" --seed 42 --out "$WORK/train-with-sources.csv" >/dev/null
"$CLI" generate --rows "${UNSEEN_ROWS:-12000}" --sources "${UNSEEN_SOURCES:-400}" --seed "${UNSEEN_SEED:-7}" --out "$WORK/unseen-with-sources.csv" >/dev/null
# source_id is the first column the generator writes; without it calibration groups rows by their profile.
cut -d, -f2- "$WORK/train-with-sources.csv" >"$WORK/train.csv"
cut -d, -f2- "$WORK/unseen-with-sources.csv" >"$WORK/unseen.csv"
start=$(date +%s%N)
"$CLI" train --data "$WORK/train.csv" --store "$WORK/models" --json "$@" >"$WORK/train.json"
end=$(date +%s%N)
"$CLI" evaluate --data "$WORK/unseen.csv" --store "$WORK/models" --json >"$WORK/evaluate.json"
python3 - "$WORK/train.json" "$WORK/evaluate.json" "$ROWS" "$(( (end - start) / 1000000 ))" <<'PY'
import json, sys
card = json.load(open(sys.argv[1]))["model_card"]
evaluation = json.load(open(sys.argv[2]))
calibration = card["intervals"]
print(f"train {sys.argv[3]} rows (no source column): train command {sys.argv[4]} ms; calibration {calibration['grouping']}, "
      f"{calibration['groups']} groups, {calibration['folds']} folds, {calibration['rows']} residuals")
print("| level | archived inside | archived width | savings inside | savings width |")
print("| --- | --- | --- | --- | --- |")
for entry in evaluation["intervals"]:
    q = entry["quality"]
    print(f"| {entry['level']} | {q['archived_coverage']:.1%} | {q['archived_mean_relative_width']:.2f} | "
          f"{q['savings_coverage']:.1%} | {q['savings_mean_relative_width']:.2f} |")
PY
