// The improvement board's plain logic: the five columns, cells summed per column, store or
// department, and a verdict in words.

export const COLUMNS = ['open', 'overdue', 'done', 'verified', 'waived'];

// The column an action is in (open past its deadline: overdue).
export const columnOf = (a) => (a.state === 'open' && a.overdue ? 'overdue' : a.state);

// Actions grouped by column, in COLUMNS order: { open: [...], overdue: [...], ... }.
export function byColumn(actions) {
  const out = Object.fromEntries(COLUMNS.map((c) => [c, []]));
  for (const a of actions) out[columnOf(a)]?.push(a);
  return out;
}

// The board's cells as rows of one key (store_id or department_id) with a count per column
// and a total; rows by total, largest first.
export function rowsBy(cells, key) {
  const rows = new Map();
  for (const c of cells) {
    const k = c[key] ?? null;
    if (!rows.has(k)) rows.set(k, { key: k, total: 0, ...Object.fromEntries(COLUMNS.map((x) => [x, 0])) });
    const row = rows.get(k);
    row[c.column] += c.count;
    row.total += c.count;
  }
  return [...rows.values()].sort((a, b) => b.total - a.total);
}

const fixed = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? '—' : Number(v).toFixed(d));

// The reduction as a signed percentage of the rate ratio: 0.25 → "-75%".
export function reduction(ratio) {
  if (ratio === null || ratio === undefined) return '—';
  const pct = Math.round((ratio - 1) * 100);
  return `${pct > 0 ? '+' : ''}${pct}%`;
}

// The figures of a verdict for the detail page: rates, ratio with its interval, p.
export function verdictFigures(v) {
  if (!v) return null;
  const r = v.recurrence || {};
  return {
    before: `${v.before.items} / ${v.before.contacts}`,
    after: `${v.after.items} / ${v.after.contacts}`,
    beforeRate: fixed(r.before_rate),
    afterRate: fixed(r.after_rate),
    ratio: fixed(r.rate_ratio, 2),
    interval: `${fixed(r.ratio_low, 2)} – ${fixed(r.ratio_high, 2)}`,
    change: reduction(r.rate_ratio),
    p: r.p_value === null || r.p_value === undefined ? '—' : r.p_value < 0.001 ? r.p_value.toExponential(1) : r.p_value.toFixed(3),
    csat: v.csat ? `${fixed(v.csat.before)}% → ${fixed(v.csat.after)}%` : null,
  };
}

// "1,2,x,3" → [1, 2, 3] (the new-action page's ?items=).
export const idList = (text) =>
  String(text || '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
