// The live wallboard's one read (GET /api/v1/reports/live, issue 16) as a client on the same
// machine sees it: one request at a time on one keep-alive connection, beside GET /healthz
// (the HTTP floor), for one store and for all stores (an admin).
//
//   node bench/wallboard.mjs [--tickets 100000] [--requests 200]
//   KEFU_E2E_DB=postgresql (with KEFU_TEST_PG, scripts/pg.sh) runs it on PostgreSQL.
//
// Starts `kefu serve` (build/kefu) on a fresh demo database of that many tickets over a year
// (tests/e2e/lib/server.mjs) and prints one JSON line: p50 / p99 in ms.
import { performance } from 'node:perf_hooks';
import { KefuServer, directory } from '../tests/e2e/lib/server.mjs';

const args = process.argv.slice(2);
const opt = {};
for (let i = 0; i < args.length; i += 2) opt[args[i].replace(/^--/, '')] = Number(args[i + 1]);
const TICKETS = opt.tickets ?? 100000;
const REQUESTS = opt.requests ?? 200;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const ms = (x) => Math.round(x * 100) / 100;

async function timed(client, path, n) {
  const t = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const r = await client.get(path);
    t.push(performance.now() - start);
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.text}`);
  }
  t.sort((a, b) => a - b);
  return { p50: ms(pct(t, 0.5)), p99: ms(pct(t, 0.99)) };
}

const made = performance.now();
const server = await KefuServer.start({ tickets: TICKETS, members: 1000 });
const seeded = Math.round((performance.now() - made) / 1000);
try {
  const admin = await server.login('admin');
  const supervisor = await server.login('chenjing');
  const sh = (await directory(admin)).storeByCode.SH01.id;
  await timed(supervisor, '/api/v1/reports/live', 20); // warm up
  const out = {
    backend: process.env.KEFU_E2E_DB || 'sqlite',
    tickets: TICKETS,
    seeded_s: seeded,
    healthz: await timed(supervisor, '/healthz', REQUESTS),
    live_store: await timed(supervisor, `/api/v1/reports/live?store_id=${sh}`, REQUESTS),
    live_all_stores: await timed(admin, '/api/v1/reports/live', REQUESTS),
  };
  console.log(JSON.stringify(out));
} finally {
  await server.dispose();
}
