// The member page (会员 360) for a member with 1,000 purchases (issue 15): the answer time of
// GET /api/v1/members/{id}/overview and /value as a client on the same machine sees it, one
// request at a time on one keep-alive connection, beside GET /healthz (the HTTP floor).
//
//   node bench/member_page/run.mjs [--purchases 1000] [--requests 500]
//   KEFU_E2E_DB=postgresql (with KEFU_TEST_PG, scripts/pg.sh) runs it on PostgreSQL.
//
// Starts `kefu serve` (build/kefu) on a fresh demo database (tests/e2e/lib/server.mjs), pushes
// the purchases through POST /api/v1/purchases (two lines each, every 3rd day over eight
// years, one in ten with a return), opens a complaint and a few tickets for the member, then
// measures. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { KefuServer, directory, newTicket } from '../../tests/e2e/lib/server.mjs';

const args = process.argv.slice(2);
const opt = {};
for (let i = 0; i < args.length; i += 2) opt[args[i].replace(/^--/, '')] = Number(args[i + 1]);
const PURCHASES = opt.purchases ?? 1000;
const REQUESTS = opt.requests ?? 500;
const DAY = 86_400_000;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const ms = (x) => Math.round(x * 1000) / 1000;

async function timed(client, path, n) {
  const t = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const r = await client.get(path);
    t.push(performance.now() - start);
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.text}`);
  }
  t.sort((a, b) => a - b);
  return { p50_ms: ms(pct(t, 0.5)), p99_ms: ms(pct(t, 0.99)) };
}

const server = await KefuServer.start({ tickets: 5, members: 5 });
try {
  const admin = await server.login('admin');
  const agent = await server.login('zhangmin');
  const SH01 = (await directory(admin)).storeByCode.SH01.id;
  const m = (await admin.post('/api/v1/members', { name: '基准会员', phone: '13700009999', home_store_id: SH01 })).json;
  const now = Date.now();
  const loadStart = performance.now();
  for (let i = 0; i < PURCHASES; i++) {
    const sold = now - (PURCHASES - i) * 3 * DAY;
    const lines = [
      { name: '针织衫', brand: ['江南布衣', '太平鸟', '鄂尔多斯'][i % 3], category: 'clothing', quantity: 1, unit_price_fen: 29_900 },
      { name: '面霜', brand: '兰蔻', category: 'cosmetics', quantity: 1, unit_price_fen: 8_800 },
    ];
    const r = await admin.post('/api/v1/purchases', { store_id: SH01, receipt_no: `B-${i}`, member_no: m.member_no, sold_at: sold, points_earned: 38, lines });
    if (r.status !== 201) throw new Error(`purchase ${i}: ${r.status} ${r.text}`);
    if (i % 10 === 5) {
      await admin.post('/api/v1/purchases', {
        store_id: SH01, receipt_no: `B-${i}-R`, member_no: m.member_no, sold_at: sold + DAY,
        lines: [{ name: '针织衫', category: 'clothing', quantity: -1, unit_price_fen: 29_900, original_receipt_no: `B-${i}`, original_line_no: 1 }],
      });
    }
  }
  const loadMs = performance.now() - loadStart;
  for (let i = 0; i < 5; i++) {
    await agent.post('/api/v1/tickets', newTicket(SH01, { type: i ? 'inquiry' : 'complaint', subject: `基准工单${i}`, member_id: m.id }));
  }
  const overview = (await agent.get(`/api/v1/members/${m.id}/overview`)).json;
  // Warm up, then measure.
  await timed(agent, `/api/v1/members/${m.id}/overview`, 20);
  const healthz = await timed(agent, '/healthz', REQUESTS);
  const page = await timed(agent, `/api/v1/members/${m.id}/overview`, REQUESTS);
  const value = await timed(agent, `/api/v1/members/${m.id}/value`, REQUESTS);
  console.log(
    JSON.stringify({
      db: process.env.KEFU_E2E_DB || 'sqlite',
      purchases: PURCHASES,
      visits: overview.purchases.all_time.visits,
      clv_fen: overview.value.clv_fen,
      at_risk: overview.value.at_risk,
      push_ms: Math.round(loadMs),
      healthz,
      overview: page,
      value,
    }),
  );
} finally {
  await server.dispose();
}
