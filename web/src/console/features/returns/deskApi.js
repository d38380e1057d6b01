// Returns at the desk (退换货快速办理): finding the purchase, the decision, recording the
// return (idempotent by key), the records and the returns report. Amounts are fen.
import { get, post, postOnce, qs } from '@/shared/api.js';

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
