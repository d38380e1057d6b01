// The desk return page's keyboard and figures, kept apart from the view so they are tested
// alone. Keys: ↑/↓ pick a line, +/- the quantity, 1–7 the reason, Shift+1–4 the condition,
// R toggles the receipt, Enter asks for the decision and, once shown, confirms it.
export const REASONS = ['quality_fault', 'size_fit', 'changed_mind', 'wrong_item', 'damaged_in_transit', 'not_as_described', 'other'];
export const CONDITIONS = ['unopened', 'opened', 'used', 'damaged'];

// The sold lines that can still go back, across the orders found, in the order shown.
export function returnableLines(orders) {
  const out = [];
  for (const o of orders || [])
    for (const l of o.lines || []) if (l.remaining_units > 0) out.push({ ...l, receipt_no: o.receipt_no, sold_at: o.sold_at });
  return out;
}

// A fresh selection for the lines found: the first line, one unit.
export function initialPick(lines) {
  return { index: lines.length ? 0 : -1, quantity: 1, reason: '', condition: 'unopened', receipt: true };
}

const clamp = (n, lo, hi) => Math.max(lo, Math.min(hi, n));

// The selection after a key (a KeyboardEvent's key, code and shiftKey); `changed` false for
// a key the desk does not use. The quantity stays within 1..the line's remaining units.
export function applyKey(pick, lines, { key, code = '', shiftKey = false }) {
  const line = lines[pick.index];
  const next = { ...pick };
  if (key === 'ArrowDown' && lines.length) {
    next.index = clamp(pick.index + 1, 0, lines.length - 1);
    next.quantity = 1;
  } else if (key === 'ArrowUp' && lines.length) {
    next.index = clamp(pick.index - 1, 0, lines.length - 1);
    next.quantity = 1;
  } else if ((key === '+' || key === '=' || key === 'ArrowRight') && line) {
    next.quantity = clamp(pick.quantity + 1, 1, line.remaining_units);
  } else if ((key === '-' || key === 'ArrowLeft') && line) {
    next.quantity = clamp(pick.quantity - 1, 1, line.remaining_units);
  } else if (/^Digit[1-9]$/.test(code) || /^[1-9]$/.test(key)) {
    const n = Number(code ? code.slice(5) : key);
    if (shiftKey) {
      if (n > CONDITIONS.length) return { pick, changed: false };
      next.condition = CONDITIONS[n - 1];
    } else {
      if (n > REASONS.length) return { pick, changed: false };
      next.reason = REASONS[n - 1];
    }
  } else if (key === 'r' || key === 'R') {
    next.receipt = !pick.receipt;
  } else {
    return { pick, changed: false };
  }
  return { pick: next, changed: true };
}

// The request body for the line picked (null until a line and a reason are chosen).
export function returnBody(pick, lines, note = '') {
  const line = lines[pick.index];
  if (!line || !pick.reason) return null;
  return { line_id: line.id, quantity: pick.quantity, reason: pick.reason, condition: pick.condition, receipt: pick.receipt, note };
}

// The refund breakdown as rows { key, fen | points | text } for the decision panel: what was
// paid for the units, their share of the order's 满减, the refund, points clawed back and
// given back, coupons back, gifts to return.
export function breakdown(verdict, line, quantity) {
  if (!verdict) return [];
  const r = verdict.refund || {};
  const rows = [];
  if (line) {
    const units = line.quantity > 0 ? quantity / line.quantity : 0;
    rows.push({ key: 'paid', fen: r.share_fen });
    rows.push({ key: 'discountShare', fen: Math.round((line.discount_share_fen || 0) * units) });
  }
  rows.push({ key: 'refund', fen: r.amount_fen || 0 });
  if (r.points_clawback) rows.push({ key: 'pointsClawback', points: r.points_clawback });
  if (r.points_give_back) rows.push({ key: 'pointsGiveBack', points: r.points_give_back });
  for (const c of r.coupons || []) if (c.given_back) rows.push({ key: 'couponBack', fen: c.value_fen, text: c.name });
  for (const g of r.gifts_to_return || []) rows.push({ key: 'giftReturn', fen: g.value_fen, text: g.name });
  return rows;
}

// How the outcome reads: done on the spot, waiting for a supervisor, or refused.
export function outcomeState(outcome) {
  if (!outcome) return '';
  if (outcome.return) return outcome.return.state;
  return outcome.verdict?.decision === 'refuse' ? 'refused' : '';
}
