// Members (会员): found by phone at the desk, created there, shown on their own page.
import { get, post, postOnce } from '@/shared/api.js';
import { newIdempotencyKey } from '@/shared/ids.js';

// A POST: the phone number stays out of the URL and the server's access log.
export const findMembers = (body) => post('/api/v1/members/lookup', body);
export const getMember = (id) => get(`/api/v1/members/${id}`);
export const createMember = (body, key = newIdempotencyKey()) => postOnce('/api/v1/members', body, key);
// The member page in one call, the value of the customer, the members at risk.
export const getMemberOverview = (id) => get(`/api/v1/members/${id}/overview`);
export const getMemberValue = (id) => get(`/api/v1/members/${id}/value`);
export const getValueAtRisk = (storeId) =>
  get(`/api/v1/reports/value-at-risk${storeId ? `?store_id=${encodeURIComponent(storeId)}` : ''}`);
