// Quality inspection (质检): scorecards and settings, the weekly sample, inspections with
// comments, acknowledgement, appeals and decisions, coaching, calibration, the QA report;
// the automatic checks (自动质检): rules, trying one on a text, hits and their counts.
import { del, get, post, postOnce, put, qs } from '@/shared/api.js';

const Q = '/api/v1/quality';

export const getScorecard = (storeId, channel) => get(`${Q}/scorecards${qs({ store_id: storeId || undefined, channel })}`);
// body: { store_id, channel, items, version, note }
export const saveScorecard = (body) => put(`${Q}/scorecards`, body);
export const listScorecardVersions = (storeId, channel) =>
  get(`${Q}/scorecards/history${qs({ store_id: storeId || undefined, channel })}`);
export const getQaSettings = (storeId) => get(`${Q}/settings${qs({ store_id: storeId || undefined })}`);
export const saveQaSettings = (body) => put(`${Q}/settings`, body);
// { store_id, week_start } → { candidates, already_inspected, seed, items }
export const drawSample = (body, key) => postOnce(`${Q}/samples`, body, key);
// params: { store_id, status, staff_id, mine, limit } → { items }
export const listInspections = (params) => get(`${Q}/inspections${qs(params)}`);
export const addInspection = (body, key) => postOnce(`${Q}/inspections`, body, key);
export const getInspection = (id) => get(`${Q}/inspections/${id}`);
// { marks, summary, comments: [{ anchor, anchor_id, item, body }] }
export const submitInspection = (id, body) => post(`${Q}/inspections/${id}/submit`, body);
export const addComment = (id, body) => post(`${Q}/inspections/${id}/comments`, body);
export const acknowledgeInspection = (id) => post(`${Q}/inspections/${id}/acknowledge`, {});
export const appealInspection = (id, reason) => post(`${Q}/inspections/${id}/appeal`, { reason });
// { decision: uphold | accept, note, marks (accept) }
export const decideAppeal = (id, body) => post(`${Q}/inspections/${id}/decision`, body);
// { item, material_kind: case_entry | kb_article, material_id, note, due_at }
export const assignCoaching = (id, body) => post(`${Q}/inspections/${id}/coaching`, body);
export const listCoaching = (params) => get(`${Q}/coaching${qs(params)}`);
export const acknowledgeCoaching = (id) => post(`${Q}/coaching/${id}/acknowledge`, {});
export const listCalibrations = (storeId) => get(`${Q}/calibrations${qs({ store_id: storeId || undefined })}`);
export const createCalibration = (body, key) => postOnce(`${Q}/calibrations`, body, key);
export const getCalibration = (id) => get(`${Q}/calibrations/${id}`);
export const scoreCalibration = (id, marks) => put(`${Q}/calibrations/${id}/score`, { marks });
export const closeCalibration = (id, marks) => post(`${Q}/calibrations/${id}/close`, { marks });
// params: { store_id, from, to } → { by_staff, by_item }
export const qaReport = (params) => get(`${Q}/report${qs(params)}`);
// What an inspection looks at: the ticket's timeline or the chat's messages.
export const getTicketTimeline = (id) => get(`/api/v1/tickets/${id}/timeline`);
export const getChatMessages = (id) => get(`/api/v1/chat/conversations/${id}`);

// The automatic checks (自动质检).
// → { store_id, saved, in_force, kinds }
export const listAutoRules = (storeId) => get(`${Q}/auto-rules${qs({ store_id: storeId || undefined })}`);
// { code, store_id?, kind, name, phrases, seconds, threshold, severity, enabled }
export const createAutoRule = (body, key) => postOnce(`${Q}/auto-rules`, body, key);
export const updateAutoRule = (id, body) => put(`${Q}/auto-rules/${id}`, body);
export const deleteAutoRule = (id) => del(`${Q}/auto-rules/${id}`);
// the rule as written and { text, first, delay_seconds } → { hit, detail }
export const tryAutoRule = (body) => post(`${Q}/auto-rules/try`, body);
// params: { store_id, staff_id, rule_code, severity, subject_kind, subject_id, from, to, before_id, limit }
export const listAutoHits = (params) => get(`${Q}/auto-hits${qs(params)}`);
export const autoHitCounts = (params) => get(`${Q}/auto-hits/counts${qs(params)}`);
