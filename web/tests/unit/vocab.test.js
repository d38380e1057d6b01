import { describe, it, expect } from 'vitest';
import { nextStatuses, defaultPriority, atLeast, STATUSES } from '../../src/shared/vocab.js';

describe('nextStatuses (the status machine of POST /tickets/{id}/status)', () => {
  it('new may go anywhere but closed', () => {
    expect(nextStatuses('new')).toEqual(['in_progress', 'waiting_customer', 'waiting_internal', 'resolved']);
  });
  it('in_progress cannot go back to new or close directly', () => {
    expect(nextStatuses('in_progress')).toEqual(['waiting_customer', 'waiting_internal', 'resolved']);
  });
  it('waiting states resume or resolve', () => {
    expect(nextStatuses('waiting_customer')).toEqual(['in_progress', 'resolved']);
    expect(nextStatuses('waiting_internal')).toEqual(['in_progress', 'resolved']);
  });
  it('resolved closes or reopens; closed only reopens', () => {
    expect(nextStatuses('resolved')).toEqual(['closed', 'in_progress']);
    expect(nextStatuses('closed')).toEqual(['in_progress']);
  });
  it('never offers the current status nor new', () => {
    for (const s of STATUSES) {
      expect(nextStatuses(s)).not.toContain(s);
      expect(nextStatuses(s)).not.toContain('new');
    }
  });
  it('knows nothing of unknown statuses', () => expect(nextStatuses('bogus')).toEqual([]));
  it('returns a copy', () => {
    nextStatuses('new').push('closed');
    expect(nextStatuses('new')).not.toContain('closed');
  });
});

describe('defaults and roles', () => {
  it('complaints default to P3, the rest to P4', () => {
    expect(defaultPriority('complaint')).toBe('P3');
    expect(defaultPriority('inquiry')).toBe('P4');
  });
  it('ranks roles', () => {
    expect(atLeast('manager', 'supervisor')).toBe(true);
    expect(atLeast('dept_head', 'supervisor')).toBe(false);
  });
});
