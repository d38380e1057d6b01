// The review queue's keyboard (分类训练): plain logic, unit-tested.
//   ↓ / j, ↑ / k   next, previous item
//   1–9, 0         choose the 1st–10th topic of the taxonomy (its order), - the 11th
//   p / n          choose positive / negative
//   Enter          confirm the chosen labels (the model's when none chosen)
//   s              skip (next item, nothing stored)
export const TOPIC_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-'];

// What a key does: { move: ±1 } | { topic: code } | { sentiment } | { confirm: true } | null.
export function keyAction(key, topics) {
  if (key === 'ArrowDown' || key === 'j' || key === 's') return { move: 1 };
  if (key === 'ArrowUp' || key === 'k') return { move: -1 };
  if (key === 'Enter') return { confirm: true };
  if (key === 'p') return { sentiment: 'positive' };
  if (key === 'n') return { sentiment: 'negative' };
  const at = TOPIC_KEYS.indexOf(key);
  if (at >= 0 && at < topics.length) return { topic: topics[at].code };
  return null;
}

// The labels a confirmation sends: the chosen ones, else the model's current reading.
export function labelsToConfirm(item, chosen = {}) {
  const body = {};
  const topic = chosen.topic ?? item.current?.topic?.label;
  const sentiment = chosen.sentiment ?? item.current?.sentiment?.label;
  if (topic) body.topic = topic;
  if (sentiment) body.sentiment = sentiment;
  return body;
}

// A fraction (0–1) as a percentage with one decimal; '—' for none.
export function percent(v) {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
}

// Keeps the index inside [0, n).
export function clampIndex(i, n) {
  return n ? Math.min(Math.max(i, 0), n - 1) : 0;
}
