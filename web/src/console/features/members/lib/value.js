// Money and reasons as the member page shows them.

// ¥83,200: whole yuan, thousands separated (the value of a customer is an estimate).
export function yuan(fen) {
  if (fen === null || fen === undefined) return '—';
  const f = Number(fen);
  const n = Math.round(Math.abs(f) / 100); // half away from zero, as the server's explanation
  return (f < 0 && n > 0 ? '-¥' : '¥') + n.toLocaleString('en-US');
}

// A risk reason ({ code, zh, en }) in the console's language.
export function reasonText(reason, locale) {
  return String(locale || '').startsWith('en') ? reason.en : reason.zh;
}

// Tickets not yet resolved or closed.
export function openTickets(tickets) {
  return (tickets || []).filter((t) => t.status !== 'resolved' && t.status !== 'closed').length;
}

// The member's contacts on one timeline, newest first: tickets, chats, feedback, ratings.
export function serviceTimeline(o) {
  const rows = [];
  for (const t of o.tickets || []) rows.push({ kind: 'ticket', at: t.created_at, id: t.id, ticket: t });
  for (const c of o.conversations || []) rows.push({ kind: 'chat', at: c.at, id: c.id, contact: c });
  for (const f of o.feedback || []) rows.push({ kind: 'feedback', at: f.at, id: f.id, contact: f });
  for (const r of o.ratings || []) rows.push({ kind: r.kind, at: r.at, id: r.id, rating: r });
  return rows.sort((a, b) => b.at - a.at || b.id - a.id);
}

// The purchases shown after a filter (category code or text in a line's name or brand) and
// their totals: paid (returns netted) and receipts.
export function filterPurchases(orders, { category = '', text = '' } = {}) {
  const q = text.trim().toLowerCase();
  const hit = (l) =>
    (!category || l.category === category) &&
    (!q || (l.name || '').toLowerCase().includes(q) || (l.brand || '').toLowerCase().includes(q));
  const items = (orders || []).filter((o) => (o.lines || []).some(hit));
  const paid = items.reduce((s, o) => s + o.lines.filter(hit).reduce((x, l) => x + l.paid_fen, 0), 0);
  return { items, paid_fen: paid, receipts: items.length };
}
