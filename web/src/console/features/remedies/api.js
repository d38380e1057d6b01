// Resolutions (办结方案), their approval and the per-role authority limits (授权额度).
// Amounts are fen (amount_cents); the forms speak yuan (shared/money.js).
import { get, put, postOnce } from '@/shared/api.js';
import { newIdempotencyKey } from '@/shared/ids.js';

export const listResolutions = (ticketId) => get(`/api/v1/tickets/${ticketId}/resolutions`);
// → { resolution } applied at once within the proposer's limit, else pending approval.
export const proposeResolution = (ticketId, body, key = newIdempotencyKey()) =>
  postOnce(`/api/v1/tickets/${ticketId}/resolutions`, body, key);
// action: 'approve' (reason optional) | 'reject' (reason required).
export const decideResolution = (id, action, body, key = newIdempotencyKey()) =>
  postOnce(`/api/v1/resolutions/${id}/${action}`, body, key);
// The pending resolutions the caller may decide.
export const listApprovals = () => get('/api/v1/approvals');

export const getAuthorityLimits = () => get('/api/v1/authority-limits');
export const saveAuthorityLimits = (limits) => put('/api/v1/authority-limits', { limits });
