// Quality inspection (质检). The automatic checks (自动质检): rules of the chain or a store,
// trying a rule on a text, the hits linked to their message and their counts.
import { del, get, post, postOnce, put, qs } from '@/shared/api.js';

const Q = '/api/v1/quality';

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
