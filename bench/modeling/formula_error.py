"""Compares forecasts with the generator's noise-free formula (docs/synthetic-data.md) and with the actual targets.

Usage: formula_error.py LABELLED.csv PREDICTED.csv  (same rows, same order; PREDICTED is `archive-forecast predict` output)
"""
import csv
import math
import sys

SEASON = {12: 1.6, 3: 1.3, 6: 1.3, 9: 1.3, 8: 0.8}


def noise_free_archived(row):
    """archived_gb_next_period with the source's policy factor and the noise at their median, 1."""
    month = int(row["month"].split("-")[1])
    pdf, docx, xlsx = float(row["pct_pdf"]), float(row["pct_docx"]), float(row["pct_xlsx"])
    other = max(0.0, 1 - pdf - docx - xlsx)
    total_gb = int(row["total_files"]) * float(row["avg_file_size_mb"]) / 1024
    coverage = 1 - math.exp(-float(row["archive_frequency_per_day"]) / 4)
    churn = pdf + 1.1 * docx + 1.4 * xlsx + 0.8 * other
    return total_gb * 0.06 * coverage * SEASON.get(month % 12 + 1, 1.0) * churn


def median(values):
    ordered = sorted(values)
    n = len(ordered)
    return (ordered[(n - 1) // 2] + ordered[n // 2]) / 2


def summary(rows):
    mae_archived = sum(abs(r["actual"] - r["archived"]) for r in rows) / len(rows)
    mae_savings = sum(abs(r["actual_savings"] - r["savings"]) for r in rows) / len(rows)
    ratio = [max(r["archived"], 1e-6) / r["formula"] for r in rows]
    within = sum(1 for x in ratio if 0.5 <= x <= 2) / len(rows)
    factor = math.exp(median(abs(math.log(max(r["archived"], 1e-6) / max(r["actual"], 1e-6))) for r in rows))
    return f"{mae_archived:9.4f} {mae_savings:9.4f} {median(ratio):9.3f} {within:9.1%} {factor:9.3f}"


def main(labelled, predicted):
    rows = []
    with open(labelled, newline="") as a, open(predicted, newline="") as p:
        for truth, forecast in zip(csv.DictReader(a), csv.DictReader(p)):
            rows.append({
                "formula": noise_free_archived(truth),
                "actual": float(truth["archived_gb_next_period"]),
                "actual_savings": float(truth["savings_gb_next_period"]),
                "archived": float(forecast["archived_gb_next_period"]),
                "savings": float(forecast["savings_gb_next_period"]),
            })
    rows.sort(key=lambda r: r["formula"])
    quarter = len(rows) // 4
    print(f"{'unseen rows':24} {'MAE arch':>9} {'MAE sav':>9} {'med f/F':>9} {'in 2x F':>9} {'med fac':>9}")
    print(f"{'all ' + str(len(rows)):24} {summary(rows)}")
    print(f"{'smallest quarter':24} {summary(rows[:quarter])}  (F <= {rows[quarter - 1]['formula']:.3f} GB)")
    print(f"{'largest quarter':24} {summary(rows[-quarter:])}  (F >= {rows[-quarter]['formula']:.1f} GB)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
