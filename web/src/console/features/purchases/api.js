// The purchases endpoints (购买记录 and the POS import), on shared/api.js.
import { api, get, put, qs } from '../../../shared/api.js';

const P = '/api/v1/purchases';

// { store_id?, member_id?, receipt_no?, from?, to?, cursor?, limit? } → { items: [order], next_cursor }.
export const listPurchases = (params) => get(P + qs(params));
// → the order with its lines (each with returned_units).
export const getPurchase = (id) => get(`${P}/${id}`);

export const listPosMappings = () => get(`${P}/import-mappings`);
// { source_name, columns: { field: column }, store_id?, categories?: { pos name: code } }
export const putPosMapping = (body) => put(`${P}/import-mappings`, body);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileBody = (content) => {
  const type = content instanceof Uint8Array ? XLSX : 'text/csv';
  return [new Blob([content], { type }), { headers: { 'Content-Type': type } }];
};
// → { format, encoding, columns, rows, total_rows, mapping }.
export const previewPosImport = (sourceName, content) =>
  api('POST', `${P}/imports/preview` + qs({ source_name: sourceName }), ...fileBody(content));
// A CSV part (with its header line), or { bytes, offset, limit } of an XLSX → the part's report.
export function importPosPart(sourceName, content) {
  const slice = content && content.bytes ? { offset: content.offset, limit: content.limit } : {};
  return api('POST', `${P}/imports` + qs({ source_name: sourceName, ...slice }), ...fileBody(content.bytes || content));
}
