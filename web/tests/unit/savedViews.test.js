import { describe, it, expect } from 'vitest';
import { viewQuery, listQuery, availableViews } from '../../src/console/features/tickets/lib/savedViews.js';

const agent = { id: 3, role: 'agent', store_ids: [1], department_ids: [11] };
const supervisor = { id: 4, role: 'supervisor', store_ids: [1], department_ids: [] };

describe('saved views → ticket query', () => {
  it('maps each view', () => {
    expect(viewQuery('mine', agent)).toEqual({ owner_id: 'me' });
    expect(viewQuery('overdue', agent)).toEqual({ overdue: 1 });
    expect(viewQuery('department', agent)).toEqual({ department_id: 11, status: 'waiting_internal' });
    expect(viewQuery('all', agent)).toEqual({});
    expect(viewQuery('approvals', supervisor)).toBeNull();
  });
  it('merges filters, the view winning on a clash, and joins lists', () => {
    const q = listQuery('department', { status: ['new'], type: ['complaint', 'return'], q: ' 停车 ', store_id: null, priority: [] }, agent);
    expect(q).toEqual({ status: 'waiting_internal', type: 'complaint,return', q: '停车', department_id: 11, limit: 50 });
  });
  it('passes the cursor for the next page', () => {
    expect(listQuery('mine', {}, agent, { cursor: 'abc' })).toEqual({ owner_id: 'me', limit: 50, cursor: 'abc' });
  });
  it('has no ticket query for approvals', () => expect(listQuery('approvals', {}, supervisor)).toBeNull());
  it('shows approvals to supervisors+ and the department view to department members', () => {
    expect(availableViews(agent)).toEqual(['all', 'mine', 'overdue', 'department']);
    expect(availableViews(supervisor)).toEqual(['all', 'mine', 'overdue', 'approvals']);
  });
});
