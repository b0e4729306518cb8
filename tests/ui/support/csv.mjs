// RFC 4180 reading and writing for the tests' own fixtures and for checking downloads.
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') inQuotes = false;
      else cell += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  const [header, ...records] = rows;
  return { header, records: records.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]]))) };
}

const quote = (value) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function writeCsv(header, rows) {
  return `${[header, ...rows.map((row) => header.map((name) => row[name]))].map((cells) => cells.map(quote).join(',')).join('\n')}\n`;
}
