// Members (会员): found by phone at the desk, created there, shown on their own page.
import { get, postOnce, qs } from '@/shared/api.js';
import { newIdempotencyKey } from '@/shared/ids.js';

export const findMembers = (params) => get('/api/v1/members' + qs(params));
export const getMember = (id) => get(`/api/v1/members/${id}`);
export const createMember = (body, key = newIdempotencyKey()) => postOnce('/api/v1/members', body, key);
