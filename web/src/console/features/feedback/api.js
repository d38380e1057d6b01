// Feedback (反馈, docs/feedback.md): the inbox's items, topics, places and the social import;
// hot issues and the journey map (read-only figures for supervisors and above); the
// classifier ("Classification"): the review queue, the labelled examples, the model versions;
// NPS (净推荐值): campaigns, links, the report, service recovery; improvement actions
// (整改措施) and their verification.
import { api, del, get, post, postOnce, put, patch, qs } from '@/shared/api.js';

const F = '/api/v1/feedback';
const enc = encodeURIComponent;

// { store_id?, from?, to?, source?, topic?, sentiment?, touchpoint?, place_id?, confirmed?, q?, before?, limit? }
// → { items, total, next_before }.
export const listItems = (params) => get(`${F}/items` + qs(params));
export const getItem = (id) => get(`${F}/items/${id}`);
// The desk: { store_id | place_id, text, touchpoint?, rating?, contact_phone? } → the item.
export const enterItem = (body, key) => postOnce(`${F}/items`, body, key);
// { topic?, sentiment? } → the item (confirmed); also stores a correction example.
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
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// A CSV part's text (already UTF-8), or an XLSX file's bytes, as the request body.
const fileBody = (content) => {
  const type = content instanceof Uint8Array ? XLSX : 'text/csv';
  return [new Blob([content], { type }), { headers: { 'Content-Type': type } }];
};
// → { format, encoding, columns, rows, total_rows, mapping }.
export const previewImport = (sourceName, content) =>
  api('POST', `${F}/imports/preview` + qs({ source_name: sourceName }), ...fileBody(content));
// A CSV part (with the header line), or { bytes, offset, limit }: an XLSX file and the slice
// of its data rows to import → { rows, added, duplicates, skipped: [{ line, reason }], item_ids }.
export function importPart(sourceName, content) {
  const slice = content && content.bytes ? { offset: content.offset, limit: content.limit } : {};
  return api('POST', `${F}/imports` + qs({ source_name: sourceName, ...slice }), ...fileBody(content.bytes || content));
}

// { store_id?, day? } → { day, tested, too_little_data, overdispersion, rules, issues: [...] }.
export const getHotIssues = (params) => get(`${F}/hot` + qs(params));
// { store_id?, from?, to? } → { store_id, from, to, previous_from, stages: [...], without_touchpoint, … }.
export const getJourney = (params) => get(`${F}/journey` + qs(params));

// { store_id?, limit? } → { items: [item + current: { version, topic, sentiment, margin }], version }.
export const getReview = (params) => get(`${F}/review` + qs(params));

// { origin?, before?, limit? } → { items, next_before, counts: { seed, import, correction } }.
export const listExamples = (params) => get(`${F}/examples` + qs(params));
// (csv | jsonl, text) → { rows, added, updated, unchanged, skipped: [{ line, code, message_zh, message_en }] }.
export const importExamples = (format, text) => post(`${F}/examples`, { format, text });
export const deleteExample = (id) => del(`${F}/examples/${id}`);

// → { items, active_id, in_use_id, next_before }.
export const listModels = () => get(`${F}/models`);
// → { model } (active, or refused with the reason).
export const trainModel = () => post(`${F}/models`);

// NPS (净推荐值, docs/feedback.md "## NPS"): campaigns, invitations, links, recovery tickets, the report.
const N = `${F}/nps`;

// { store_id?, from, to, tier?, campaign_id?, period? } → { overall, margin, period, by_store, by_period, reasons }.
export const getNpsReport = (params) => get(N + qs(params));
export const listCampaigns = () => get(`${N}/campaigns`);
export const createCampaign = (body) => post(`${N}/campaigns`, body);
export const updateCampaign = (id, body) => put(`${N}/campaigns/${id}`, body);
export const sampleMembers = (id) => post(`${N}/campaigns/${id}/sample`, {});
// { campaign_id?, store_id?, category?, answered?, before?, limit? } → { items }.
export const listInvitations = (params) => get(`${N}/invitations` + qs(params));
export const issueLink = (id) => post(`${N}/invitations/${id}/link`, {});
export const openRecovery = (id) => post(`${N}/invitations/${id}/recovery`, {});

// A place's printable poster (PDF or PNG). Its QR code points at `base`: this console's own
// address by default (where customers reach kefu too when both go through the same proxy).
export const posterUrl = (placeId, format, base = window.location.origin) =>
  `${F}/places/${encodeURIComponent(placeId)}/poster.${format === 'png' ? 'png' : 'pdf'}?base=${encodeURIComponent(base)}`;
// What a place's QR code opens: the customer's form with the store and place filled in.
export const formUrl = (code, base = window.location.origin) => `${base}/m/feedback/${encodeURIComponent(code)}`;

// Improvement actions (整改措施).
const A = '/api/v1/feedback/actions';

// { store_id?, state?, department_id?, overdue?, before?, limit? } → { items }.
export const listActions = (params) => get(A + qs(params));
// { store_id? } → { cells: [{ store_id, department_id, column, count }], effects: [...] }.
export const getBoard = (params) => get(`${A}/board` + qs(params));
export const getAction = (id) => get(`${A}/${id}`);
// { store_id, title, topic?, plan?, department_id?, owner_id?, due_amount, due_unit, window_days, item_ids, ticket_ids? }.
export const createAction = (body, key) => postOnce(A, body, key);
export const editAction = (id, body) => patch(`${A}/${id}`, body);
// { note, photo_ids? } → the note.
export const addUpdate = (id, body) => post(`${A}/${id}/updates`, body);
export const uploadPhoto = (id, file) =>
  api('POST', `${A}/${id}/photos?filename=${enc(file.name)}`, file, { headers: { 'Content-Type': file.type } });
export const photoUrl = (id, photoId) => `${A}/${id}/photos/${photoId}`;
export const markDone = (id, note) => post(`${A}/${id}/done`, { note });
export const verifyNow = (id) => post(`${A}/${id}/verify`, {});
export const waive = (id, reason) => post(`${A}/${id}/waive`, { reason });
export const reopen = (id, reason) => post(`${A}/${id}/reopen`, { reason });
// → { tickets_told, action }.
export const tellCustomers = (id, message) => post(`${A}/${id}/tell`, { message });
