// Plain helpers of the KPI pages: months on the China wall clock, how each measure is shown,
// money between the form (元) and the API (integer fen), the trend against last month.
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

// 'YYYY-MM' of an instant on the store's (China) wall clock.
export function monthOf(ms) {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

// The month a review page opens on: the last one during the first week (monthly reviews
// happen after the month ends), else this one.
export function reviewMonth(ms) {
  const day = Number(new Date(ms + CHINA_OFFSET_MS).toISOString().slice(8, 10));
  return day <= 7 ? previousMonth(monthOf(ms)) : monthOf(ms);
}

export function previousMonth(month) {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

// The last `n` months up to `month`, newest first (the month picker).
export function recentMonths(month, n = 12) {
  const out = [month];
  while (out.length < n) out.push(previousMonth(out[out.length - 1]));
  return out;
}

const DECIMALS = { csat: 2, contacts: 0, praise: 0 };
const PERCENT = new Set(['sla_compliance', 'reopen_rate']);

// A measure's value as shown in the table: '—' when not measured.
export function showMeasure(measure, value) {
  if (value === null || value === undefined) return '—';
  const d = DECIMALS[measure] ?? 1;
  const text = Number(value).toFixed(d);
  return PERCENT.has(measure) ? `${text}%` : text;
}

// The figures object's key for a measure code.
export const FIGURE_KEY = {
  contacts: 'contacts',
  first_response: 'first_response_min',
  resolution: 'resolution_min',
  sla_compliance: 'sla_compliance_pct',
  csat: 'csat',
  praise: 'praise',
  complaints: 'complaints',
  qa_score: 'qa_score',
  reopen_rate: 'reopen_rate_pct',
};

// 'up' | 'down' | 'same' | null (no score last month or now).
export function trend(score, previous) {
  if (score === null || score === undefined || previous === null || previous === undefined) return null;
  if (score > previous) return 'up';
  if (score < previous) return 'down';
  return 'same';
}

export const weightTotal = (kpi) => kpi.reduce((s, r) => s + (Number(r.weight) || 0), 0);

// '12.3' / '12.34' / '12' 元 → fen, without floating point; null for anything else.
export function toFen(text) {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(String(text ?? ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0'));
}

export function fromFen(fen) {
  const f = Number(fen || 0);
  return `${Math.trunc(f / 100)}.${String(Math.abs(f % 100)).padStart(2, '0')}`;
}
