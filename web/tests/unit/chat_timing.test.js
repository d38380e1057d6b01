// What the chat screens compute: how long a customer has waited for a reply and whether it
// is over the store's target, unread counts, masked phones, spans, event bodies.
import { describe, it, expect } from 'vitest';
import { defaultCapacity, isLate, maskPhone, parseEvent, span, unread, waitingSince } from '../../src/console/features/chat/lib/timing.js';

const T = 1_800_000_000_000;
const S = { first_reply_seconds: 60, reply_gap_seconds: 180 };
const conv = (extra) => ({ status: 'assigned', assigned_at: T, first_reply_at: T + 10_000, last_message_at: T + 20_000, last_message: { sender: 'customer' }, ...extra });

describe('chat timing', () => {
  it('waits since the customer\'s last message, or since the assignment before any reply', () => {
    expect(waitingSince(conv())).toBe(T + 20_000);
    expect(waitingSince(conv({ last_message: { sender: 'agent' } }))).toBe(null);
    expect(waitingSince(conv({ first_reply_at: null, last_message: { sender: 'system' } }))).toBe(T);
    expect(waitingSince(conv({ status: 'queued' }))).toBe(null);
  });

  it('is late over the first-reply target before the first reply, over the reply gap after it', () => {
    const first = conv({ first_reply_at: null, last_message: { sender: 'system' } });
    expect(isLate(first, S, T + 60_000)).toBe(false);
    expect(isLate(first, S, T + 60_001)).toBe(true);
    expect(isLate(conv(), S, T + 20_000 + 180_000)).toBe(false);
    expect(isLate(conv(), S, T + 20_000 + 180_001)).toBe(true);
    expect(isLate(conv({ last_message: { sender: 'agent' } }), S, T + 10 ** 9)).toBe(false);
    expect(isLate(conv(), null, T + 10 ** 9)).toBe(false);
  });

  it('holds a conversation to its queue\'s own targets when the queue has them', () => {
    const withParking = { ...S, queue_targets: { parking: { first_reply_seconds: 20, reply_gap_seconds: 60 } } };
    const first = (queue) => conv({ queue, first_reply_at: null, last_message: { sender: 'system' } });
    expect(isLate(first('parking'), withParking, T + 20_001)).toBe(true);
    expect(isLate(first('general'), withParking, T + 20_001)).toBe(false);
    expect(isLate(conv({ queue: 'parking' }), withParking, T + 20_000 + 60_001)).toBe(true);
    expect(isLate(conv({ queue: 'general' }), withParking, T + 20_000 + 60_001)).toBe(false);
  });

  it('counts unread, masks phones, writes spans and reads event bodies', () => {
    expect(unread({ last_seq: 9, agent_read_seq: 4 })).toBe(5);
    expect(unread({ last_seq: 3, agent_read_seq: 5 })).toBe(0);
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('157****3301')).toBe('157****3301');
    expect(span(45_000)).toBe('45秒');
    expect(span(135_000)).toBe('2分15秒');
    expect(span(3 * 3600_000 + 5 * 60_000, 'en')).toBe('3h 5m');
    expect(parseEvent('{"event":"assigned","agent_id":4}')).toEqual({ event: 'assigned', agent_id: 4 });
    expect(parseEvent('not json')).toEqual({});
    expect([defaultCapacity('agent'), defaultCapacity('supervisor'), defaultCapacity('admin')]).toEqual([5, 3, 2]);
  });
});
