// The live total while an inspector marks items: the same rule as the server's
// quality::score (src/quality/domain/scorecard.hpp), so the page shows what will be saved.
//   pass → the item's weight, partial → its points, fail → 0, na → left out;
//   a failed red line → 0; nothing applicable → 100. One decimal, half up.
export function liveScore(items, marks) {
  let earned = 0;
  let possible = 0;
  const redLines = [];
  let missing = 0;
  for (const item of items) {
    const m = marks[item.id];
    if (!m || !m.result) {
      missing += 1;
      continue;
    }
    if (m.result === 'na') continue;
    if (item.red_line) {
      if (m.result === 'fail') redLines.push(item.id);
      if (!item.weight) continue;
    }
    const got = m.result === 'pass' ? item.weight : m.result === 'partial' ? Math.min(Math.max(m.points || 0, 0), item.weight) : 0;
    earned += got;
    possible += item.weight;
  }
  let score;
  if (redLines.length) score = 0;
  else if (!possible) score = 100;
  else score = Math.floor((2000 * earned + possible) / (2 * possible)) / 10;
  return { score, earned, possible, redLines, missing };
}

// The marks as the API takes them, in the scorecard's order.
export function marksList(items, marks) {
  return items
    .filter((i) => marks[i.id]?.result)
    .map((i) => ({ item: i.id, result: marks[i.id].result, points: marks[i.id].result === 'partial' ? marks[i.id].points || 0 : 0 }));
}

// { item: { result, points } } from the API's list.
export function marksMap(list) {
  const out = {};
  for (const m of list || []) out[m.item] = { result: m.result, points: m.points };
  return out;
}

// Monday 00:00 (local time) of the week before the one `now` is in: the week to sample.
export function lastWeekStart(now = new Date()) {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  const sinceMonday = (d.getDay() + 6) % 7;
  d.setDate(d.getDate() - sinceMonday - 7);
  return d.getTime();
}
