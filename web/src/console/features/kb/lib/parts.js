// A knowledge base file cut into parts of whole records, each small enough for one import
// call (the server takes at most 2,000 rows a call); the console sends them one after the
// other and shows the progress between them. A CSV part starts with the file's header line;
// a record may span lines inside quotes. Lines of a part keep their numbers in the report:
// `firstLine` is the file line of the part's first record.

// CSV records as [startLine, text] (text without its line break).
function csvRecords(text) {
  const out = [];
  let start = 0;
  let line = 1;
  let startLine = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n') {
      if (!quoted) {
        const rec = text.slice(start, text[i - 1] === '\r' ? i - 1 : i);
        if (rec.length) out.push([startLine, rec]);
        start = i + 1;
        startLine = line + 1;
      }
      line++;
    }
  }
  const rest = text.slice(start).replace(/\r$/, '');
  if (rest.length) out.push([startLine, rest]);
  return out;
}

// [{ text, firstLine, rows }] for `format` ('csv' | 'jsonl').
export function splitParts(text, format, rowsPerPart = 200) {
  const body = text.replace(/^\uFEFF/, '');
  if (format === 'csv') {
    const records = csvRecords(body);
    if (!records.length) return [];
    const [, header] = records[0];
    const parts = [];
    for (let i = 1; i < records.length; i += rowsPerPart) {
      const chunk = records.slice(i, i + rowsPerPart);
      parts.push({ text: [header, ...chunk.map((r) => r[1])].join('\r\n') + '\r\n', firstLine: chunk[0][0], rows: chunk.length });
    }
    return parts;
  }
  const lines = body.split('\n').map((l, i) => [i + 1, l.replace(/\r$/, '')]).filter(([, l]) => l.trim());
  const parts = [];
  for (let i = 0; i < lines.length; i += rowsPerPart) {
    const chunk = lines.slice(i, i + rowsPerPart);
    parts.push({ text: chunk.map((r) => r[1]).join('\n') + '\n', firstLine: chunk[0][0], rows: chunk.length, lines: chunk.map((r) => r[0]) });
  }
  return parts;
}

// The file line of a part's reported line (CSV: line 1 is the repeated header; JSON Lines:
// the part's non-blank lines in order).
export function fileLine(part, format, reported) {
  if (format === 'jsonl') return part.lines[reported - 1] ?? reported;
  return part.firstLine + (reported - 2);
}

// Adds a part's report to the running total.
export function addReport(total, part, format, report) {
  total.rows += report.rows;
  total.created += report.created;
  total.updated += report.updated;
  total.unchanged += report.unchanged;
  for (const r of report.rejected) total.rejected.push({ ...r, line: fileLine(part, format, r.line) });
  return total;
}

export const emptyReport = () => ({ rows: 0, created: 0, updated: 0, unchanged: 0, rejected: [] });
