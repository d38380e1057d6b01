// The feedback inbox (反馈, docs/feedback.md): items, topics, places, and the social import.
import { api, get, post, postOnce, put, patch, qs } from '@/shared/api.js';

const F = '/api/v1/feedback';

// { store_id?, from?, to?, source?, topic?, sentiment?, touchpoint?, place_id?, confirmed?, q?, before?, limit? }
// → { items, total, next_before }.
export const listItems = (params) => get(`${F}/items` + qs(params));
export const getItem = (id) => get(`${F}/items/${id}`);
// The desk: { store_id | place_id, text, touchpoint?, rating?, contact_phone? } → the item.
export const enterItem = (body, key) => postOnce(`${F}/items`, body, key);
// { topic?, sentiment? } → the item (confirmed).
export const confirmLabels = (id, body) => post(`${F}/items/${id}/labels`, body);

export const listTopics = () => get(`${F}/topics`);
// { code, name, name_en?, position?, active? } → { items } (the taxonomy after).
export const putTopic = (body) => put(`${F}/topics`, body);

export const listPlaces = (storeId) => get(`${F}/places` + qs({ store_id: storeId || undefined }));
export const createPlace = (body) => post(`${F}/places`, body);
// { name, touchpoint, active? }
export const updatePlace = (id, body) => patch(`${F}/places/${id}`, body);

export const listImportMappings = () => get(`${F}/import-mappings`);
export const putImportMapping = (body) => put(`${F}/import-mappings`, body);
const csv = (text) => new Blob([text], { type: 'text/csv' });
// The file's text (already UTF-8) → { format, encoding, columns, rows, total_rows, mapping }.
export const previewImport = (sourceName, text) =>
  api('POST', `${F}/imports/preview` + qs({ source_name: sourceName }), csv(text), { headers: { 'Content-Type': 'text/csv' } });
// A part of the file (with the header line) → { rows, added, duplicates, skipped: [{ line, reason }], item_ids }.
export const importPart = (sourceName, text) =>
  api('POST', `${F}/imports` + qs({ source_name: sourceName }), csv(text), { headers: { 'Content-Type': 'text/csv' } });
