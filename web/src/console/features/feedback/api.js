// Feedback (反馈, docs/feedback.md). Hot issues and the journey map: read-only figures for
// supervisors and above. The classifier ("Classification"): the review queue, confirming an
// item's labels, the labelled examples and the model versions.
import { del, get, post, qs } from '@/shared/api.js';

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
// A place's printable poster (PDF or PNG). Its QR code points at `base`: this console's own
// address by default (where customers reach kefu too when both go through the same proxy).
export const posterUrl = (placeId, format, base = window.location.origin) =>
  `${F}/places/${encodeURIComponent(placeId)}/poster.${format === 'png' ? 'png' : 'pdf'}?base=${encodeURIComponent(base)}`;
// What a place's QR code opens: the customer's form with the store and place filled in.
export const formUrl = (code, base = window.location.origin) => `${base}/m/feedback/${encodeURIComponent(code)}`;
