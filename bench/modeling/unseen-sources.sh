#!/usr/bin/env bash
# Trains on one generated dataset and scores sources it never saw (another seed draws other sources), then prints, per
# slice of the unseen rows (all, the smallest and the largest quarter by the formula's noise-free archived GB): MAE of
# both targets, the median ratio of the forecast to the noise-free formula, the share within 2x of it, and the median
# factor between forecast and actual. Numbers for bench/MODELING.md.
#
# Usage: unseen-sources.sh ARCHIVE_FORECAST TRAIN_ROWS TRAIN_SOURCES [train options...]
#   e.g. unseen-sources.sh Cli/bin/Debug/net10.0/archive-forecast 20000 500 --trainer lightgbm
# Settings (environment): UNSEEN_ROWS=5000, UNSEEN_SOURCES=125, UNSEEN_SEED=7, KEEP=1 keeps the temporary folder.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CLI="$1"; ROWS="$2"; SOURCES="$3"; shift 3
WORK="$(mktemp -d -t archive-forecast-unseen.XXXXXX)"
[[ "${KEEP:-0}" == 1 ]] || trap 'rm -rf "$WORK"' EXIT

"$CLI" generate --rows "$ROWS" --sources "$SOURCES" --seed 42 --out "$WORK/train.csv" >/dev/null
"$CLI" generate --rows "${UNSEEN_ROWS:-5000}" --sources "${UNSEEN_SOURCES:-125}" --seed "${UNSEEN_SEED:-7}" --out "$WORK/unseen.csv" >/dev/null
start=$(date +%s%N)
"$CLI" train --data "$WORK/train.csv" --store "$WORK/models" "$@" >/dev/null 2>&1
end=$(date +%s%N)
"$CLI" predict --input "$WORK/unseen.csv" --out "$WORK/predicted.csv" --store "$WORK/models" >/dev/null 2>&1
bytes=$(stat -c %s "$WORK"/models/archive-forecast/versions/1/model.zip)
echo "train ${ROWS} rows / ${SOURCES} sources $*: train command $(( (end - start) / 1000000 )) ms, model.zip ${bytes} bytes"
python3 "$HERE/formula_error.py" "$WORK/unseen.csv" "$WORK/predicted.csv"
