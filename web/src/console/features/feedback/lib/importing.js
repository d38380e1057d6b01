// The import dialog's plain logic: reading a CSV export's bytes as text (UTF-8 or GBK, as
// the server guesses; an XLSX goes to the server as it is), a first guess at the column mapping from the header names the platforms
// use, and adding each part's report into one with the file's own line numbers.
import { fileLine, splitParts } from '../../kb/lib/parts.js';

// { text, encoding } of the file's bytes: a BOM decides; else UTF-8 when the bytes are valid
// UTF-8, else GB18030 (GBK is a part of it: what Excel in China saves).
export function decodeFile(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(b), encoding: 'gb18030' };
  }
}

export const isXlsx = (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export const MAPPED = ['text_column', 'time_column', 'author_column', 'rating_column', 'post_id_column', 'store_column'];

// Header names the exports of 微博, 大众点评 and 小红书 use, most specific first.
const GUESSES = {
  text_column: ['评价内容', '评论内容', '笔记内容', '微博正文', '正文', '内容', '评论', '评价', 'text', 'content'],
  time_column: ['评价时间', '发布时间', '评论时间', '创建时间', '时间', '日期', 'time', 'date', 'created_at'],
  author_column: ['用户名', '用户昵称', '昵称', '作者', '用户', 'author', 'user'],
  rating_column: ['星级', '评分', '打分', 'rating', 'stars'],
  post_id_column: ['评价ID', '评论ID', '笔记ID', '微博ID', 'ID', 'id', 'mid'],
  store_column: ['门店', '门店名称', '店铺', '商户', '门店编码', 'store'],
};

// The remembered mapping when it fits the file's columns, else a guess from their names.
export function guessMapping(columns, remembered = null) {
  const has = (c) => !c || columns.includes(c);
  if (remembered && has(remembered.text_column) && MAPPED.every((k) => has(remembered[k]))) {
    return { ...Object.fromEntries(MAPPED.map((k) => [k, remembered[k] || ''])), store_id: remembered.store_id ?? null };
  }
  const out = { store_id: remembered?.store_id ?? null };
  const taken = new Set();
  for (const k of MAPPED) {
    const hit = GUESSES[k].find((name) => columns.includes(name) && !taken.has(name));
    out[k] = hit || '';
    if (hit) taken.add(hit);
  }
  return out;
}

// Whether the mapping can be saved: a text column, and a store column or a store.
export const mappingReady = (m) => !!m.text_column && (!!m.store_column || !!m.store_id);

export const emptyImportReport = () => ({ rows: 0, added: 0, duplicates: 0, skipped: [] });

// Adds a part's report: a CSV part counts lines within itself (its line 1 is the repeated
// header); an XLSX's lines are the sheet's row numbers already.
export function addImportReport(total, part, report) {
  total.rows += report.rows;
  total.added += report.added;
  total.duplicates += report.duplicates;
  for (const s of report.skipped) total.skipped.push({ ...s, line: part.xlsx ? s.line : fileLine(part, 'csv', s.line) });
  return total;
}

// The parts of a file: a CSV's text in parts of `rows` records; an XLSX's bytes sent whole
// with each slice of `rows` data rows (`total`: the rows its preview counted), so that every
// part is a short write and the progress bar moves.
export function importParts(content, format, { rows = 300, total = 0 } = {}) {
  if (format !== 'xlsx') return splitParts(content, 'csv', rows);
  const parts = [];
  for (let offset = 0; offset < total; offset += rows) {
    const n = Math.min(rows, total - offset);
    parts.push({ text: { bytes: content, offset, limit: n }, rows: n, xlsx: true });
  }
  return parts;
}
