import { describe, it, expect } from 'vitest';
import { applyKey, breakdown, initialPick, returnBody, returnableLines } from '../../src/console/features/returns/lib/desk.js';

const orders = [
  {
    receipt_no: 'R-1', sold_at: 1,
    lines: [
      { id: 11, name: '衬衫', quantity: 1, remaining_units: 1, paid_fen: 14999, discount_share_fen: 1 },
      { id: 12, name: '大衣', quantity: 1, remaining_units: 0, paid_fen: 80000, discount_share_fen: 0 },
      { id: 13, name: '袜子', quantity: 3, remaining_units: 3, paid_fen: 10001, discount_share_fen: 3 },
    ],
  },
];

describe('the desk return keyboard', () => {
  const lines = returnableLines(orders);

  it('lists only the lines with units left, with their receipt', () => {
    expect(lines.map((l) => [l.id, l.receipt_no])).toEqual([[11, 'R-1'], [13, 'R-1']]);
  });

  // Each row: the keys pressed from a fresh pick → the pick.
  const cases = [
    [[], { index: 0, quantity: 1, reason: '', condition: 'unopened', receipt: true }],
    [['ArrowDown'], { index: 1, quantity: 1 }],
    [['ArrowDown', 'ArrowDown'], { index: 1 }],
    [['ArrowUp'], { index: 0 }],
    [['ArrowDown', '+', '+', '+', '+'], { quantity: 3 }],
    [['ArrowDown', '+', '-', '-'], { quantity: 1 }],
    [['+'], { quantity: 1 }], // one unit left on the shirt
    [['2'], { reason: 'size_fit' }],
    [['1', '9'], { reason: 'quality_fault' }],
    [['!2'], { condition: 'opened' }],
    [['r'], { receipt: false }],
    [['ArrowDown', '+', 'ArrowUp'], { index: 0, quantity: 1 }],
  ];
  it.each(cases)('keys %j', (keys, want) => {
    let pick = initialPick(lines);
    for (const k of keys) {
      const shift = k.startsWith('!');
      const key = shift ? k.slice(1) : k;
      pick = applyKey(pick, lines, { key, code: /^\d$/.test(key) ? `Digit${key}` : '', shiftKey: shift }).pick;
    }
    expect(pick).toMatchObject(want);
  });

  it('ignores keys it does not use', () => {
    const pick = initialPick(lines);
    expect(applyKey(pick, lines, { key: 'x' }).changed).toBe(false);
  });

  it('builds the request once a reason is chosen', () => {
    const pick = initialPick(lines);
    expect(returnBody(pick, lines)).toBe(null);
    const picked = applyKey(pick, lines, { key: '2', code: 'Digit2' }).pick;
    expect(returnBody(picked, lines, '偏大')).toEqual({ line_id: 11, quantity: 1, reason: 'size_fit', condition: 'unopened', receipt: true, note: '偏大' });
  });

  it('explains the refund: paid, the share of 满减, refund, points, coupons, gifts', () => {
    const verdict = {
      refund: {
        share_fen: 6667, amount_fen: 6667, points_clawback: 66, points_give_back: 0,
        coupons: [{ name: '优惠券', value_fen: 1000, given_back: false }], gifts_to_return: [{ name: '帆布袋', value_fen: 3900 }],
      },
    };
    expect(breakdown(verdict, lines[1], 2)).toEqual([
      { key: 'paid', fen: 6667 },
      { key: 'discountShare', fen: 2 },
      { key: 'refund', fen: 6667 },
      { key: 'pointsClawback', points: 66 },
      { key: 'giftReturn', fen: 3900, text: '帆布袋' },
    ]);
    expect(breakdown(null)).toEqual([]);
  });
});
