// Canned replies (快捷回复) in the composer: typing `/` at the start opens the search, the
// words after it filter the store's and the agent's own replies as they are typed.

// The search words when the composer's text is a `/` command (a single line starting with
// `/`), otherwise null.
export function cannedQuery(text) {
  if (typeof text !== 'string' || !text.startsWith('/') || text.includes('\n')) return null;
  return text.slice(1).trim();
}

const fold = (s) => String(s || '').normalize('NFKC').toLowerCase();

// The replies matching `query`, best first: a shortcut starting with it, then a shortcut
// containing it, then the title, then the body; the agent's own before the store's on a
// tie, then by shortcut. Every word of the query must match somewhere. An empty query
// lists them all. At most `limit`.
export function filterCanned(items, query, { limit = 8 } = {}) {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const scored = [];
  for (const c of items || []) {
    const sc = fold(c.shortcut);
    const ti = fold(c.title);
    const bo = fold(c.body);
    let score = 0;
    let ok = true;
    for (const w of words) {
      if (sc.startsWith(w)) score += 0;
      else if (sc.includes(w)) score += 1;
      else if (ti.includes(w)) score += 2;
      else if (bo.includes(w)) score += 3;
      else ok = false;
    }
    if (ok) scored.push({ c, score: score * 2 + (c.owner_id ? 0 : 1) });
  }
  scored.sort((a, b) => a.score - b.score || fold(a.c.shortcut).localeCompare(fold(b.c.shortcut)));
  return scored.slice(0, limit).map((x) => x.c);
}

// ↑/↓ in the list: the next index, wrapping around.
export function moveSelection(index, delta, length) {
  if (!length) return 0;
  return (((index + delta) % length) + length) % length;
}
