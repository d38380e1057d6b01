// The 学习记录 page's plain parts: its filters as the API's query, the summary's figures,
// and a list updated in place after a revoke or restore.

export const SIGNAL_SOURCES = ['clicked', 'confirmed', 'agent_pick', 'agent_link'];
export const REVOKED_FILTERS = ['active', 'revoked', 'all'];

// 'active' | 'revoked' | 'all' → the `revoked` query parameter (all: none).
export const revokedParam = (filter) => (filter === 'active' ? 'false' : filter === 'revoked' ? 'true' : undefined);

// The list with `item` in place of the row of the same id.
export const replaceItem = (list, item) => list.map((x) => (x.id === item.id ? item : x));

// A share in [0, 1] as "83.4%"; '' when missing.
export const percent1 = (x) => (Number.isFinite(x) ? `${(Math.round(x * 1000) / 10).toFixed(1)}%` : '');

// GET /kb/learning as the summary card's figures: [key, value] in the card's order.
export function summaryFigures(l) {
  if (!l) return [];
  const r = l.report || {};
  const s = l.signals || {};
  const p = l.pairs || {};
  return [
    ['entries', l.entries],
    ['questions', l.questions],
    ['signalsActive', s.active],
    ['signalsRevoked', s.revoked],
    ['pairsActive', p.active],
    ['pairsRevoked', p.revoked],
    ['kbQueries', r.kb_queries],
    ['signalQueries', r.signal_queries],
    ['pseudoQueries', r.pseudo_queries],
    ['trainingPairs', r.pairs],
    ['samples', r.samples],
    ['positives', r.positives],
    ['heldoutTop1', percent1(r.heldout_top1)],
  ].map(([k, v]) => [k, v ?? '']);
}
