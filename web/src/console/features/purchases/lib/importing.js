// The POS import's plain logic (收银数据导入, docs/purchases.md): the fields a mapping names,
// a first guess at the columns from the header names POS exports use, a CSV cut into parts
// of whole receipts (a part ends where the receipt number changes), the parts' reports
// added up on the file's own line numbers, and the rejected rows as a CSV to fix.
import { fileLine, splitParts } from '../../kb/lib/parts.js';

export const FIELDS = [
  'receipt_no', 'store', 'sold_at', 'member', 'line_no', 'counter', 'brand', 'sku', 'name', 'category', 'quantity',
  'unit_price', 'line_discount', 'order_discount', 'coupon', 'points_earned', 'points_used', 'payment', 'promotion',
  'gift', 'original_receipt_no', 'original_line_no',
];
export const REQUIRED = ['receipt_no', 'sold_at', 'name', 'unit_price'];

// Header names POS exports use, most specific first.
const GUESSES = {
  receipt_no: ['小票号', '小票编号', '单据号', '流水号', '销售单号', 'receipt_no'],
  store: ['门店编码', '门店', '门店名称', '店铺', 'store'],
  sold_at: ['销售时间', '交易时间', '时间', '日期', 'sold_at'],
  member: ['会员卡号', '会员号', '会员', '手机号', 'member'],
  line_no: ['行号', '序号', 'line_no'],
  counter: ['专柜', '柜组', '柜台', 'counter'],
  brand: ['品牌', 'brand'],
  sku: ['商品编码', '货号', 'SKU', 'sku'],
  name: ['品名', '商品名称', '商品', 'name'],
  category: ['品类', '类别', '大类', 'category'],
  quantity: ['数量', 'quantity'],
  unit_price: ['单价', '零售价', 'unit_price'],
  line_discount: ['单品优惠', '折扣金额', 'line_discount'],
  order_discount: ['满减', '整单优惠', 'order_discount'],
  coupon: ['券', '优惠券', 'coupon'],
  points_earned: ['积分', '本次积分', 'points_earned'],
  points_used: ['积分抵现', '使用积分', 'points_used'],
  payment: ['支付方式', '付款方式', 'payment'],
  promotion: ['促销', '活动', 'promotion'],
  gift: ['赠品', 'gift'],
  original_receipt_no: ['原小票', '原小票号', 'original_receipt_no'],
  original_line_no: ['原行号', 'original_line_no'],
};

// The remembered mapping when its columns are all in the file, else a guess from the names.
export function guessColumns(columns, remembered = null) {
  const saved = remembered?.columns;
  if (saved && Object.values(saved).every((c) => columns.includes(c))) {
    return Object.fromEntries(FIELDS.map((f) => [f, saved[f] || '']));
  }
  const out = {};
  const taken = new Set();
  for (const f of FIELDS) {
    const hit = GUESSES[f].find((name) => columns.includes(name) && !taken.has(name));
    out[f] = hit || '';
    if (hit) taken.add(hit);
  }
  return out;
}

// Whether the mapping can be saved: the required fields, and a store column or a store.
export const mappingReady = (columns, storeId) => REQUIRED.every((f) => !!columns[f]) && (!!columns.store || !!storeId);

// The cells of one CSV record (RFC 4180 quotes).
export function csvCells(record) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i];
    if (quoted) {
      if (ch === '"' && record[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') cells.push(cell), (cell = '');
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

// A CSV's parts of about `rows` records each, never splitting a receipt: records are first
// cut into single-record parts, then joined while the receipt (store and number) goes on or
// the part is not full. Each part: { text (header + records), firstLine, rows }.
export function receiptParts(text, header, { rows = 2000, receiptColumn, storeColumn = '' } = {}) {
  const single = splitParts(text, 'csv', 1);
  if (!single.length) return [];
  const r = header.indexOf(receiptColumn);
  const s = storeColumn ? header.indexOf(storeColumn) : -1;
  const key = (p) => {
    const cells = csvCells(p.text.split('\r\n')[1]);
    return `${s >= 0 ? cells[s]?.trim() : ''}\u0000${cells[r]?.trim()}`;
  };
  const headerLine = single[0].text.split('\r\n')[0];
  const parts = [];
  let cur = null;
  let last = null;
  for (const p of single) {
    const k = key(p);
    if (cur && (cur.rows < rows || k === last)) {
      cur.records.push(p.text.split('\r\n')[1]);
      cur.rows++;
    } else {
      cur = { firstLine: p.firstLine, rows: 1, records: [p.text.split('\r\n')[1]] };
      parts.push(cur);
    }
    last = k;
  }
  return parts.map((p) => ({ text: [headerLine, ...p.records].join('\r\n') + '\r\n', firstLine: p.firstLine, rows: p.rows }));
}

// An XLSX's parts: the file whole each time with a slice of its data rows (the server widens
// a slice so that no receipt is split).
export function xlsxParts(bytes, total, rows = 2000) {
  const parts = [];
  for (let offset = 0; offset < total; offset += rows)
    parts.push({ text: { bytes, offset, limit: Math.min(rows, total - offset) }, rows: Math.min(rows, total - offset), xlsx: true });
  return parts;
}

export const emptyReport = () => ({
  rows: 0, receipts: 0, orders_added: 0, orders_on_file: 0, lines_added: 0, lines_on_file: 0, rejected: [], unmapped_categories: [],
});

// Adds a part's report: a CSV part counts lines within itself (its line 1 is the repeated
// header); an XLSX's lines are the sheet's row numbers already.
export function addReport(total, part, report) {
  for (const k of ['rows', 'receipts', 'orders_added', 'orders_on_file', 'lines_added', 'lines_on_file']) total[k] += report[k];
  for (const r of report.rejected) total.rejected.push({ ...r, line: part.xlsx ? r.line : fileLine(part, 'csv', r.line) });
  for (const c of report.unmapped_categories) if (!total.unmapped_categories.includes(c)) total.unmapped_categories.push(c);
  return total;
}

const quote = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

// The rejected rows as CSV (UTF-8 with a BOM, so that Excel reads it), reasons in `lang`.
export function rejectedCsv(rejected, lang = 'zh-CN', header = ['行号', '小票号', '字段', '原因']) {
  const lines = [header, ...rejected.map((r) => [r.line, r.receipt_no, r.field, lang.startsWith('zh') ? r.message.zh : r.message.en])];
  return '\uFEFF' + lines.map((l) => l.map(quote).join(',')).join('\r\n') + '\r\n';
}
