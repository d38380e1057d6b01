// Feedback (反馈, docs/feedback.md). Hot issues and the journey map: read-only figures for
// supervisors and above. The classifier ("Classification"): the review queue, confirming an
// item's labels, the labelled examples and the model versions.
import { del, get, post, put, qs } from '@/shared/api.js';

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
