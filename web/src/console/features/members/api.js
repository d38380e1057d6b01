// Members (会员): found by phone at the desk, created there, shown on their own page.
import { get, patch, post, postOnce, put } from '@/shared/api.js';
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

// The member core (docs/members.md): search, edits, identities, merges, history, points, tags, consent.
const m = (id, rest = '') => `/api/v1/members/${id}${rest}`;
export const searchMembers = (q = {}) => get(`/api/v1/members?${new URLSearchParams(Object.entries(q).filter(([, v]) => v !== '' && v != null))}`);
export const updateMember = (id, body) => patch(m(id), body);
export const listIdentities = (id) => get(m(id, '/identities'));
export const addIdentity = (id, body) => post(m(id, '/identities'), body);
export const removeIdentity = (id, body) => post(m(id, '/identities/remove'), body);
export const mergePreview = (id, otherId) => get(m(id, `/merge-preview?other_id=${encodeURIComponent(otherId)}`));
export const mergeMembers = (id, otherId) => post(m(id, '/merge'), { other_id: otherId });
export const unmergeMembers = (id, mergeId) => post(m(id, '/unmerge'), { merge_id: mergeId });
export const listMerges = (id) => get(m(id, '/merges'));
export const memberHistory = (id, before) => get(m(id, `/history${before ? `?before=${before}` : ''}`));
export const memberPoints = (id, before) => get(m(id, `/points?limit=20${before ? `&before=${before}` : ''}`));
export const adjustPoints = (id, body) => post(m(id, '/points/adjust'), body);
export const redeemPoints = (id, body, key = newIdempotencyKey()) => postOnce(m(id, '/points/redeem'), body, key);
export const pointsRewards = () => get('/api/v1/members/points/rewards');
export const memberTags = (id) => get(m(id, '/tags'));
export const putMemberTags = (id, tags) => put(m(id, '/tags'), { tags });
export const memberConsents = (id) => get(m(id, '/consents'));
export const recordConsent = (id, body) => post(m(id, '/consents'), body);
