-- One instance per request, as a client of the original service sends it.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-functions-key"] = os.getenv("BENCH_KEY")
wrk.body = '{"instances":[{"month":"2024-06-01","total_files":125000,"avg_file_size_mb":2.4,"pct_pdf":0.4,"pct_docx":0.3,"pct_xlsx":0.2,"archive_frequency_per_day":3.5}]}'

done = function(summary, latency, requests)
  io.write(string.format("non_2xx_or_errors=%d status_errors=%d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
