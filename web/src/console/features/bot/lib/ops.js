// The bot operations page's plain logic: the query of a date range, the daily series of
// the charts (several stores added up per day), the per-FAQ table's order, percentages.
import { addDays } from '@/console/lib/dates.js';

// A rate in [0, 1] (or null) as "80.0%" / "—".
export function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

// The API's query for the dates [first, last] (YYYY-MM-DD, both included, Asia/Shanghai
// midnights) and a store (none: every store the caller serves).
export function rangeQuery([first, last], storeId) {
  return { from: first, to: addDays(last, 1), store_id: storeId || undefined };
}

const ratio = (part, whole) => (whole > 0 ? part / whole : null);

// The report's day rows (per day × store) added up per day, every day of [first, last]
// present: { days, conversations, bot, resolved, involvement, resolution, containment,
// handoffs: { reason: [counts per day] }, reasons }.
export function dailySeries(rows, [first, last]) {
  const days = [];
  for (let d = first; d <= last && days.length < 400; d = addDays(d, 1)) days.push(d);
  const at = Object.fromEntries(days.map((d, i) => [d, i]));
  const zero = () => days.map(() => 0);
  const conversations = zero(), bot = zero(), resolved = zero();
  const handoffs = {};
  for (const r of rows || []) {
    const i = at[r.day];
    if (i === undefined) continue;
    conversations[i] += r.conversations;
    bot[i] += r.bot_conversations;
    resolved[i] += r.resolved;
    for (const [reason, n] of Object.entries(r.handoffs || {})) {
      handoffs[reason] = handoffs[reason] || zero();
      handoffs[reason][i] += n;
    }
  }
  const involvement = days.map((_, i) => ratio(bot[i], conversations[i]));
  const resolution = days.map((_, i) => ratio(resolved[i], bot[i]));
  const containment = days.map((_, i) => (involvement[i] === null || resolution[i] === null ? null : involvement[i] * resolution[i]));
  return { days, conversations, bot, resolved, involvement, resolution, containment, handoffs, reasons: Object.keys(handoffs).sort() };
}

// The per-FAQ rows sorted by a column (hits = answers, solved_rate, no_handoff_rate,
// handoff_rate, question), descending unless `ascending`; rows without a rate go last
// either way; ties by faq_id.
export function sortFaqs(rows, key = 'answers', ascending = false) {
  const value = (r) => (key === 'hits' ? r.answers : r[key]);
  return [...(rows || [])].sort((a, b) => {
    const x = value(a), y = value(b);
    const xa = x === null || x === undefined, ya = y === null || y === undefined;
    if (xa !== ya) return xa ? 1 : -1;
    if (!xa && x !== y) {
      const c = typeof x === 'string' ? x.localeCompare(y, 'zh') : x - y;
      return ascending ? c : -c;
    }
    return a.faq_id - b.faq_id;
  });
}
