// The dashboard's plain logic over the metrics API (GET /reports/metrics): periods, the
// figures and which way is better for each, the change against the previous period, and the
// ticket-list link behind every figure and row (drill-down).
import { addDays, chinaDate } from '@/console/lib/dates.js';

// The figure cards, in order: the field of F, how to show it, which way is better (+1 more
// is better, -1 less is better, 0 neither), and the ticket-list metric a click drills to.
export const FIGURES = [
  { key: 'contacts', format: 'count', better: 0, metric: null },
  { key: 'resolved', format: 'count', better: 1, metric: 'resolved' },
  { key: 'frt_avg_ms', format: 'duration', better: -1, metric: 'frt_missed' },
  { key: 'resolution_avg_ms', format: 'duration', better: -1, metric: 'resolution_missed' },
  { key: 'sla_rate', format: 'rate', better: 1, metric: 'sla_missed' },
  { key: 'fcr_rate', format: 'rate', better: 1, metric: 'fcr' },
  { key: 'reopen_rate', format: 'rate', better: -1, metric: 'reopened' },
  { key: 'csat_avg', format: 'score', better: 1, metric: 'rated' },
];

export const DIMENSIONS = ['store', 'department', 'staff', 'type', 'channel', 'priority', 'category', 'complaint_cause'];
export const TREND_STEPS = ['day', 'week', 'month'];
export const PERIODS = ['today', 'week', 'month', 'custom'];

// [from, to) as China dates (YYYY-MM-DD, the API reads them as midnight in China) for a
// period around `today`: today, this week (Monday on), this month; custom: the range given
// (both days included).
export function periodRange(period, today = chinaDate(), custom = null) {
  if (period === 'custom' && custom && custom[0] && custom[1]) return { from: custom[0], to: addDays(custom[1], 1) };
  if (period === 'week') {
    const weekday = (new Date(today + 'T00:00:00Z').getUTCDay() + 6) % 7; // Monday 0
    const from = addDays(today, -weekday);
    return { from, to: addDays(from, 7) };
  }
  if (period === 'month') {
    const from = today.slice(0, 8) + '01';
    const next = new Date(from + 'T00:00:00Z');
    next.setUTCMonth(next.getUTCMonth() + 1);
    return { from, to: next.toISOString().slice(0, 10) };
  }
  return { from: today, to: addDays(today, 1) };
}

// The change of a figure against the previous period: the direction (up, down, flat; null
// when either side is missing), the change (percentage points for rates, a ratio for the
// rest, null when the previous is 0) and the tone: better, worse or neutral.
export function delta(figure, current, previous) {
  if (current === null || current === undefined || previous === null || previous === undefined) return { dir: null, change: null, tone: 'neutral' };
  const diff = current - previous;
  const dir = diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat';
  let change = null;
  if (figure.format === 'rate') change = diff * 100;
  else if (previous !== 0) change = diff / previous;
  const tone = dir === 'flat' || !figure.better ? 'neutral' : (diff > 0) === figure.better > 0 ? 'better' : 'worse';
  return { dir, change, tone };
}

// "+3.2 pts", "-12%" …: the change as the card shows it beside the arrow.
export function formatChange(figure, change) {
  if (change === null || change === undefined) return '';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const abs = Math.abs(change);
  return figure.format === 'rate' ? `${sign}${abs.toFixed(1)}` : `${sign}${Math.round(abs * 100)}%`;
}

// A figure's value as text: counts as they are, durations in minutes or hours, rates in %,
// scores to one decimal; a missing value is "—".
export function formatValue(format, v) {
  if (v === null || v === undefined) return '—';
  if (format === 'rate') return `${(v * 100).toFixed(1)}%`;
  if (format === 'score') return v.toFixed(2);
  if (format === 'duration') {
    const min = v / 60000;
    return min < 120 ? `${Math.round(min)} min` : `${(min / 60).toFixed(1)} h`;
  }
  return String(v);
}

// The ticket-list link of a figure or row: the row's drill (from the API) or the page's
// filters, plus the figure's metric. Returns a vue-router location.
export function drillLink(base, metric = null) {
  const query = {};
  for (const [k, v] of Object.entries(base || {})) if (v !== null && v !== undefined && v !== '') query[k] = String(v);
  if (metric) query.metric = metric;
  else delete query.metric;
  return { path: '/tickets', query };
}

// The metrics API's days: the first and the last, both included (the page keeps [from, to)).
export function apiDays(range) {
  return { from: range.from, to: addDays(range.to, -1) };
}

// The page's own filters as a drill (when the API gave none): the tickets created in the
// period, in the store.
export function pageDrill(range, storeId) {
  const d = { created_from: range.from, created_to: range.to };
  if (storeId) d.store_id = storeId;
  return d;
}

// The trend's window for a step, ending with the period: 30 days, 12 weeks (Monday on) or
// 12 months.
export function trendRange(step, to) {
  if (step === 'month') {
    const end = new Date(to + 'T00:00:00Z');
    const endMonth = end.getUTCDate() === 1 ? end : new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 1));
    const from = new Date(endMonth);
    from.setUTCMonth(from.getUTCMonth() - 12);
    return { from: from.toISOString().slice(0, 10), to: endMonth.toISOString().slice(0, 10) };
  }
  if (step === 'week') {
    const weekday = (new Date(to + 'T00:00:00Z').getUTCDay() + 6) % 7;
    const end = weekday ? addDays(to, 7 - weekday) : to;
    return { from: addDays(end, -84), to: end };
  }
  return { from: addDays(to, -30), to };
}

// Heat map cells [hour, weekday index, contacts] from the API's cells, whatever their order;
// weekday 1 (Monday) … 7 (Sunday) becomes row 0 … 6.
export function heatCells(heatmap) {
  const cells = (heatmap && (heatmap.cells || heatmap.items)) || [];
  return cells.map((c) => [c.hour, c.weekday - 1, c.contacts ?? c.count ?? 0]);
}
