// Callbacks (回访) after resolution and the satisfaction rating (满意度) link for the customer.
import { get, postOnce, qs } from '@/shared/api.js';
import { newIdempotencyKey } from '@/shared/ids.js';

// Tickets whose callback is due.
export const listCallbacks = (params) => get('/api/v1/callbacks' + qs(params));
// { outcome, note? }.
export const recordCallback = (ticketId, body, key = newIdempotencyKey()) => postOnce(`/api/v1/tickets/${ticketId}/callback`, body, key);
// → { path, expires_at }: the customer's page is /m/csat/<token>.
export const createCsatLink = (ticketId, key = newIdempotencyKey()) => postOnce(`/api/v1/tickets/${ticketId}/csat-link`, {}, key);
