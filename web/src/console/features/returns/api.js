// Returns (退换货): the policy in force, saving it, its versions, trying it against cases and
// deciding a request. Amounts are fen; storeId 0 / null is the chain's policy.
import { get, put, post, qs } from '@/shared/api.js';

const storeQuery = (storeId) => (storeId ? qs({ store_id: storeId }) : '');

export const getReturnPolicy = (storeId) => get(`/api/v1/returns/policy${storeQuery(storeId)}`);
// body: { store_id, version, rules, note } or { store_id, version, defaults: true, note }
export const saveReturnPolicy = (body) => put('/api/v1/returns/policy', body);
export const listReturnPolicyVersions = (storeId) => get(`/api/v1/returns/policy/history${storeQuery(storeId)}`);
// → { passed, failed, results: [{ pass, story: { zh, en }, decision, rule, refund_fen }] }; writes nothing.
export const checkReturnPolicy = (rules, cases) => post('/api/v1/returns/policy/check', { rules, cases });
// → the decision with the rule, the words and the refund explained; writes nothing.
export const decideReturn = (body) => post('/api/v1/returns/decide', body);
