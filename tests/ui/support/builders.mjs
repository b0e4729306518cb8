export const INSTANCE_FIELDS = ['month', 'total_files', 'avg_file_size_mb', 'pct_pdf', 'pct_docx', 'pct_xlsx', 'archive_frequency_per_day'];
export const OUTPUT_COLUMNS = ['archived_gb_next_period', 'savings_gb_next_period', 'out_of_range',
  'archived_gb_next_period_lower', 'archived_gb_next_period_upper', 'savings_gb_next_period_lower', 'savings_gb_next_period_upper'];

/** What a user types into a scenario form: shares in percent, the month as the month input holds it. */
export function scenarioFigures(overrides = {}) {
  return {
    month: '2024-03',
    total_files: '150000',
    avg_file_size_mb: '2.75',
    pct_pdf: '40',
    pct_docx: '35',
    pct_xlsx: '12.5',
    archive_frequency_per_day: '3',
    growth: '2',
    ...overrides,
  };
}

/** The instance the API should receive for the figures, months ahead of them, as the page documents the projection. */
export function expectedInstance(figures, monthsAhead = 0) {
  const [year, month] = figures.month.split('-').map(Number);
  const index = year * 12 + (month - 1) + monthsAhead;
  const growth = Number(figures.growth) / 100;
  const files = Number(figures.total_files);
  return {
    month: `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`,
    total_files: monthsAhead === 0 ? files : Math.round(files * Math.pow(1 + growth, monthsAhead)),
    avg_file_size_mb: Number(figures.avg_file_size_mb),
    pct_pdf: Number(figures.pct_pdf) / 100,
    pct_docx: Number(figures.pct_docx) / 100,
    pct_xlsx: Number(figures.pct_xlsx) / 100,
    archive_frequency_per_day: Number(figures.archive_frequency_per_day),
  };
}

/** Deterministic CSV rows (shares 0..1, as in the API) with an id column the page must carry through. */
export function csvRows(count, { seed = 1 } = {}) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const round = (value, digits) => Number(value.toFixed(digits));
  return Array.from({ length: count }, (_, i) => {
    const pdf = round(0.2 + next() * 0.4, 3);
    const docx = round(next() * (0.9 - pdf), 3);
    const xlsx = round(next() * (0.95 - pdf - docx), 3);
    return {
      source_id: i === 1 ? 'archive "north", vault 2' : `src-${String(i + 1).padStart(4, '0')}`,
      month: `202${3 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
      total_files: String(20000 + Math.floor(next() * 200000)),
      avg_file_size_mb: String(round(0.5 + next() * 5, 2)),
      pct_pdf: String(pdf),
      pct_docx: String(docx),
      pct_xlsx: String(xlsx),
      archive_frequency_per_day: String(round(1 + next() * 6, 1)),
    };
  });
}

/** The instance the API should receive for one CSV row. */
export const rowInstance = (row) => ({
  month: row.month,
  total_files: Number(row.total_files),
  avg_file_size_mb: Number(row.avg_file_size_mb),
  pct_pdf: Number(row.pct_pdf),
  pct_docx: Number(row.pct_docx),
  pct_xlsx: Number(row.pct_xlsx),
  archive_frequency_per_day: Number(row.archive_frequency_per_day),
});
