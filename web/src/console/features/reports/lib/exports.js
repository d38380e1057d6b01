// Export links (下载 Excel / CSV): the list's own query without paging, and the format.
// The browser downloads with the console's session cookie; the server names the file.
import { qs } from '@/shared/api.js';

const PAGING = new Set(['limit', 'cursor', 'before', 'sort']);

export function exportUrl(path, query, format = 'xlsx') {
  const q = {};
  for (const [k, v] of Object.entries(query || {})) if (!PAGING.has(k)) q[k] = v;
  q.format = format;
  return path + qs(q);
}

// "2026-11" of the month before `now` (ms) on the Shanghai wall clock (UTC+8).
export function previousMonth(now = Date.now()) {
  const d = new Date(now + 8 * 3600_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth(); // 0-based: this month − 1 in 1-based terms
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

// A change against the previous period as text: "+12.5%", "−3.0%", "新增"/"new", "—".
export function changeText(current, previous, newLabel = '新增') {
  if (!previous) return current ? newLabel : '—';
  const pct = ((current - previous) * 100) / previous;
  return `${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(1)}%`;
}

// A ratio (0.935) as "93.5%", rounded down as the server's reports do; null as "—".
export function percentText(ratio) {
  if (ratio === null || ratio === undefined || ratio < 0) return '—';
  return `${(Math.floor(ratio * 1000) / 10).toFixed(1)}%`;
}
