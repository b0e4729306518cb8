-- A batch of BENCH_BATCH instances per request (default 100), varied so the trees walk different paths.
local size = tonumber(os.getenv("BENCH_BATCH") or "100")
local months = {"2023-01-01","2023-03-01","2023-06-01","2023-08-01","2023-12-01","2024-02-01","2024-05-01","2024-09-01"}
local items = {}
for i = 1, size do
  local pdf = 0.1 + (i % 7) * 0.05
  local docx = 0.1 + (i % 5) * 0.04
  local xlsx = 0.05 + (i % 3) * 0.05
  items[i] = string.format(
    '{"month":"%s","total_files":%d,"avg_file_size_mb":%.3f,"pct_pdf":%.2f,"pct_docx":%.2f,"pct_xlsx":%.2f,"archive_frequency_per_day":%.2f}',
    months[(i % #months) + 1], 5000 + i * 7919, 0.3 + (i % 11) * 0.6, pdf, docx, xlsx, 0.5 + (i % 13) * 1.5)
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-functions-key"] = os.getenv("BENCH_KEY")
wrk.body = '{"instances":[' .. table.concat(items, ",") .. ']}'

done = function(summary, latency, requests)
  io.write(string.format("non_2xx_or_errors=%d status_errors=%d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
