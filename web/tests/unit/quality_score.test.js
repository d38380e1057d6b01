import { describe, expect, it } from 'vitest';
import { lastWeekStart, liveScore, marksList, marksMap } from '../../src/console/features/quality/lib/score.js';

const items = [
  { id: 'greeting', weight: 20 },
  { id: 'accurate', weight: 50 },
  { id: 'closing', weight: 30 },
  { id: 'red_rude', weight: 0, red_line: true },
];
const marks = (g, a, c, r, points = 0) => ({
  greeting: { result: g }, accurate: { result: a, points }, closing: { result: c }, red_rude: { result: r },
});

describe('liveScore: the server rule (quality::score)', () => {
  it.each([
    ['all pass', marks('pass', 'pass', 'pass', 'pass'), 100],
    ['weights', marks('fail', 'pass', 'pass', 'pass'), 80],
    ['partial', marks('pass', 'partial', 'fail', 'pass', 25), 45],
    ['N/A left out', marks('na', 'pass', 'fail', 'pass'), 62.5],
    ['red line zeroes', marks('pass', 'pass', 'pass', 'fail'), 0],
    ['nothing applicable', marks('na', 'na', 'na', 'pass'), 100],
  ])('%s', (_, m, score) => {
    expect(liveScore(items, m).score).toBe(score);
  });
  it('counts the items not yet marked', () => {
    expect(liveScore(items, { greeting: { result: 'pass' } }).missing).toBe(3);
  });
});

describe('marks to and from the API', () => {
  it('keeps the scorecard order and points only for partial', () => {
    const m = { closing: { result: 'fail' }, greeting: { result: 'partial', points: 5 } };
    expect(marksList(items, m)).toEqual([
      { item: 'greeting', result: 'partial', points: 5 },
      { item: 'closing', result: 'fail', points: 0 },
    ]);
    expect(marksMap(marksList(items, m)).greeting).toEqual({ result: 'partial', points: 5 });
  });
  it('samples last week from its Monday', () => {
    const start = new Date(lastWeekStart(new Date(2026, 11, 5, 10)));  // a Saturday
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getDay()]).toEqual([2026, 10, 23, 1]);
  });
});
