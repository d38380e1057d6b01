// Saved views of the ticket list (tabs) and how each maps onto the list query (listTickets in ../api.js).
import { atLeast } from '@/shared/vocab.js';
import { DRILL_KEYS } from './drill.js';

export const SAVED_VIEWS = ['all', 'mine', 'overdue', 'department', 'approvals'];

// The views this staff member sees.
export function availableViews(me) {
  if (!me) return [];
  return SAVED_VIEWS.filter((v) => {
    if (v === 'approvals') return atLeast(me.role, 'supervisor');
    if (v === 'department') return (me.department_ids || []).length > 0;
    return true;
  });
}

// The view's own query; null for the approvals view (it lists remedies' listApprovals instead).
export function viewQuery(view, me) {
  switch (view) {
    case 'mine':
      return { owner_id: 'me' };
    case 'overdue':
      return { overdue: 1 };
    case 'department':
      return { department_id: me && me.department_ids && me.department_ids[0], status: 'waiting_internal' };
    case 'approvals':
      return null;
    default:
      return {};
  }
}

export const FILTER_KEYS = ['status', 'type', 'priority', 'channel', 'store_id', 'q', ...DRILL_KEYS];

// The whole list query: the user's filters, then the view's conditions (the view wins on a clash).
export function listQuery(view, filters, me, { limit = 50, cursor } = {}) {
  const vq = viewQuery(view, me);
  if (vq === null) return null;
  const q = {};
  for (const k of FILTER_KEYS) {
    const v = filters ? filters[k] : undefined;
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
    q[k] = Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v.trim() : v;
    if (q[k] === '') delete q[k];
  }
  Object.assign(q, vq);
  q.limit = limit;
  if (cursor) q.cursor = cursor;
  return q;
}
