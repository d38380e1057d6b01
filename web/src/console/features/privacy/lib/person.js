// What the search box means, and the counts worth showing.

// "#12" or a short number is a member id; anything else is a phone (the server checks it).
export function personQuery(text) {
  const s = String(text || '').trim();
  if (!s) return null;
  const id = /^#?\d{1,9}$/.test(s) ? Number(s.replace('#', '')) : null;
  return id ? { member_id: id } : { phone: s };
}

// [[kind, rows]] with rows, in the server's order.
export function heldKinds(counts) {
  return Object.entries(counts || {}).filter(([, n]) => n > 0);
}

// Whether the signed-in person may confirm or refuse a request (manager+; confirm not one's own).
export function mayDecide(me, request, move, atLeast) {
  if (!me || request.state !== 'requested' || !atLeast(me.role, 'manager')) return false;
  return move === 'refuse' || request.requested_by !== me.id;
}
