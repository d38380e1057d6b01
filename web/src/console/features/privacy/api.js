// Personal-data requests: the person is always named in a body (never in a URL).
import { get, post, postOnce, put, qs } from '@/shared/api.js';
import { newIdempotencyKey } from '@/shared/ids.js';

// { member_id } or { phone } → what is held, per kind (the dry run).
export const findPerson = (who) => post('/api/v1/privacy/people/search', who);
// → { path, expires_at, … }: path downloads the ZIP once, within 10 minutes.
export const createExport = (who) => post('/api/v1/privacy/exports', who);
export const listRequests = (params) => get('/api/v1/privacy/requests' + qs(params));
export const getRequest = (id) => get(`/api/v1/privacy/requests/${id}`);
// { member_id | phone, reason }.
export const requestErasure = (body, key = newIdempotencyKey()) => postOnce('/api/v1/privacy/requests', body, key);
export const confirmErasure = (id, note = '') => post(`/api/v1/privacy/requests/${id}/confirm`, { note });
export const refuseErasure = (id, note) => post(`/api/v1/privacy/requests/${id}/refuse`, { note });
export const listRetention = () => get('/api/v1/privacy/retention');
export const saveRetention = (kind, body) => put(`/api/v1/privacy/retention/${kind}`, body);
export const runRetention = () => post('/api/v1/privacy/retention/run', {});
export const listPrivacyAudit = (params) => get('/api/v1/privacy/audit' + qs(params));
