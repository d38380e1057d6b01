// Feedback (反馈, docs/feedback.md). Hot issues and the journey map: read-only figures for
// supervisors and above. The classifier ("Classification"): the review queue, confirming an
// item's labels, the labelled examples and the model versions. Improvement actions (整改措施).
import { api, del, get, patch, post, postOnce, qs } from '@/shared/api.js';

const F = '/api/v1/feedback';

// { store_id?, day? } → { day, tested, too_little_data, overdispersion, rules, issues: [...] }.
export const getHotIssues = (params) => get(`${F}/hot` + qs(params));
// { store_id?, from?, to? } → { store_id, from, to, previous_from, stages: [...], without_touchpoint, … }.
export const getJourney = (params) => get(`${F}/journey` + qs(params));

// { store_id?, limit? } → { items: [item + current: { version, topic, sentiment, margin }], version }.
export const getReview = (params) => get(`${F}/review` + qs(params));
// { topic?, sentiment? } → the item after; also stores a correction example.
export const confirmLabels = (itemId, body) => post(`${F}/items/${itemId}/labels`, body);
export const listTopics = () => get(`${F}/topics`);

// { origin?, before?, limit? } → { items, next_before, counts: { seed, import, correction } }.
export const listExamples = (params) => get(`${F}/examples` + qs(params));
// (csv | jsonl, text) → { rows, added, updated, unchanged, skipped: [{ line, code, message_zh, message_en }] }.
export const importExamples = (format, text) => post(`${F}/examples`, { format, text });
export const deleteExample = (id) => del(`${F}/examples/${id}`);

// → { items, active_id, in_use_id, next_before }.
export const listModels = () => get(`${F}/models`);
// → { model } (active, or refused with the reason).
export const trainModel = () => post(`${F}/models`);

// Improvement actions (整改措施).
const A = '/api/v1/feedback/actions';
const enc = encodeURIComponent;

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
// Items named by id, for the new-action page (the inbox's own endpoint).
export const getItem = (id) => get(`${F}/items/${id}`);
