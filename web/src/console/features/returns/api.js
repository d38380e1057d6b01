// Returns (退换货): the policy in force, saving it, its versions, trying it against cases and
// deciding a request. Amounts are fen; storeId 0 / null is the chain's policy.
import { get, post, postOnce, put, qs } from '@/shared/api.js';

const storeQuery = (storeId) => (storeId ? qs({ store_id: storeId }) : '');

export const getReturnPolicy = (storeId) => get(`/api/v1/returns/policy${storeQuery(storeId)}`);
// body: { store_id, version, rules, note } or { store_id, version, defaults: true, note }
export const saveReturnPolicy = (body) => put('/api/v1/returns/policy', body);
export const listReturnPolicyVersions = (storeId) => get(`/api/v1/returns/policy/history${storeQuery(storeId)}`);
// → { passed, failed, results: [{ pass, story: { zh, en }, decision, rule, refund_fen }] }; writes nothing.
export const checkReturnPolicy = (rules, cases) => post('/api/v1/returns/policy/check', { rules, cases });
// → the decision with the rule, the words and the refund explained; writes nothing.
export const decideReturn = (body) => post('/api/v1/returns/decide', body);

// Returns at the desk (退换货快速办理): finding the purchase, the decision, recording the
// return (idempotent by key), the records and the returns report. Amounts are fen.

// { receipt_no } | { phone } | { member_id } → { items: orders with lines and remaining_units }
export const lookupReturnPurchases = (body) => post('/api/v1/returns/lookup', body);
// The decision alone: { verdict, tier, return: null }.
export const previewReturn = (body) => post('/api/v1/returns', { ...body, preview: true });
// → 201 { verdict, return, ticket, resolution_status: applied | pending }
export const recordReturn = (body, key) => postOnce('/api/v1/returns', body, key);
export const listReturns = (params) => get(`/api/v1/returns${qs(params)}`);
export const getReturn = (id) => get(`/api/v1/returns/${id}`);
// params: { from, to, by: category | brand | store, store_id }
export const returnsReport = (params) => get(`/api/v1/reports/returns${qs(params)}`);
