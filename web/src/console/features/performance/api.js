// Staff KPIs, complaints against staff, the case library (src/performance/api/openapi.yaml).
import { api, get, put, postOnce, qs } from '@/shared/api.js';
import { newIdempotencyKey } from '@/shared/ids.js';

export const kpiSheet = (storeId, month) => get('/api/v1/performance/kpi' + qs({ store_id: storeId, month }));
// The sheet as CSV (text), for a download.
export const kpiCsv = (storeId, month) =>
  api('GET', '/api/v1/performance/kpi' + qs({ store_id: storeId, month, format: 'csv' }), undefined, { raw: true });
export const myKpi = (storeId, month) => get('/api/v1/performance/my-kpi' + qs({ store_id: storeId, month }));
export const kpiRules = (storeId) => get('/api/v1/performance/rules' + qs({ store_id: storeId }));
// { store_id | null, kpi: [{ measure, weight, target }], bonus: { mode, base_fen, pool_fen, bands, … } }
export const saveKpiRules = (body) => put('/api/v1/performance/rules', body);

export const ticketStaffRecords = (ticketId) => get(`/api/v1/tickets/${ticketId}/staff-records`);
export const recordStaff = (ticketId, body, key = newIdempotencyKey()) => postOnce(`/api/v1/tickets/${ticketId}/staff-records`, body, key);
export const staffRecords = (params) => get('/api/v1/performance/staff-records' + qs(params));
// { outcome, responsibility, action, notes, version }
export const reviewComplaint = (id, body, key = newIdempotencyKey()) => postOnce(`/api/v1/performance/staff-records/${id}/review`, body, key);

export const listCases = (params) => get('/api/v1/performance/cases' + qs(params));
export const getCase = (id) => get(`/api/v1/performance/cases/${id}`);
export const caseStory = (params) => get('/api/v1/performance/case-story' + qs(params));
export const createCase = (body, key = newIdempotencyKey()) => postOnce('/api/v1/performance/cases', body, key);
export const updateCase = (id, body) => put(`/api/v1/performance/cases/${id}`, body);
