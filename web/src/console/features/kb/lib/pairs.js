// Paraphrase pairs (相似问对) imported for the matcher to learn from: a CSV (header
// `a,b,same`, same 1/0) or JSON Lines ({"a", "b", "same"}) file cut into parts of whole
// records (lib/parts.js, the knowledge base import's cutter) of at most PAIRS_PER_PART rows
// (the server takes 5,000 a call), sent one after the other with a progress bar; each part's
// rejected rows come back with the file's line numbers.
import { fileLine, splitParts } from './parts.js';

export const PAIRS_PER_PART = 1000;

export const pairsFormat = (fileName) => (/\.csv$/i.test(fileName || '') ? 'csv' : 'jsonl');

export const splitPairs = (text, format, rowsPerPart = PAIRS_PER_PART) => splitParts(text, format, rowsPerPart);

export const emptyPairsReport = () => ({ rows: 0, added: 0, updated: 0, unchanged: 0, rejected: [] });

// A rejection's reason as a line of text: a string, or { code, message_zh, message_en } (the
// server's rejected row itself carries those).
export function reasonText(reason, lang = 'zh-CN') {
  if (!reason || typeof reason !== 'object') return String(reason ?? '');
  return (lang === 'en' ? reason.message_en : reason.message_zh) || reason.message || reason.code || '';
}

// Adds one part's answer { added, updated, unchanged, rejected: [{line, reason}] } to the total.
export function addPairsReport(total, part, format, report) {
  total.rows += part.rows;
  total.added += report.added || 0;
  total.updated += report.updated || 0;
  total.unchanged += report.unchanged || 0;
  for (const r of report.rejected || []) total.rejected.push({ ...r, line: fileLine(part, format, r.line) });
  return total;
}
