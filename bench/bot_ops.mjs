// Bot operations over HTTP at volume (docs/bot.md): a demo database (SQLite) gets a month of
// conversations and bot turns written straight into its tables (sqlite3 CLI), then the
// report and the unanswered list are timed as an admin (every store) and for one store.
//
//   node bench/bot_ops.mjs [--conversations 60000] [--turns-per 3] [--unanswered 0.06] [--runs 5]
//
// The unanswered questions are drawn from the demo knowledge base's own similar questions
// with a random tail, so the grouping has real likeness to compute with the demo matcher.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { KefuServer, directory } from '../tests/e2e/lib/server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('conversations', 60000);
const PER = arg('turns-per', 3);
const UNANSWERED = arg('unanswered', 0.06);
const RUNS = arg('runs', 5);
const DAY = 86400000;

const server = await KefuServer.start({ tickets: 10, members: 5 });
try {
  const admin = await server.login('admin');
  const dir = await directory(admin);
  const stores = Object.values(dir.storeByCode).map((s) => s.id);
  const entries = (await admin.get('/api/v1/kb/entries?limit=1000&audience=customer')).json.items;
  const pool = entries.flatMap((e) => e.similar.map((q) => ({ q, faq: e.id, question: e.question })));
  const file = server.dbUrl.replace(/^sqlite:\/\//, '');
  const now = Date.now();
  const sql = ['BEGIN;'];
  const esc = (s) => s.replace(/'/g, "''");
  let convId = 10_000_000;
  let turns = 0;
  let open = 0;
  for (let i = 0; i < N; i++) {
    const id = ++convId;
    const store = stores[i % stores.length];
    const at = now - Math.floor(Math.random() * 30 * DAY);
    const bot = Math.random() < 0.7;
    sql.push(
      `INSERT INTO conversations(id, store_id, queue, status, visitor_digest, customer_name, created_at, last_message_at, end_reason, last_seq) ` +
        `VALUES (${id}, ${store}, 'parking', 'ended', 'bench${id}', '', ${at}, ${at}, 'customer', 0);`,
    );
    if (!bot) continue;
    const handed = Math.random() < 0.3;
    for (let k = 0; k < PER; k++) {
      const p = pool[Math.floor(Math.random() * pool.length)];
      const unanswered = Math.random() < UNANSWERED;
      const act = unanswered ? 'apologise' : 'answer';
      const text = unanswered ? p.q + ['吗', '呢', '呀', ''][k % 4] : p.q;
      open += unanswered;
      turns++;
      sql.push(
        `INSERT INTO bot_turns(conversation_id, store_id, queue, created_at, question, question_seq, act, faq_id, guesses, ` +
          `confidence_ppm, handoff, verdict, handed_over, unanswered, handled) VALUES (${id}, ${store}, 'parking', ${at + k * 1000}, ` +
          `'${esc(text)}', ${2 * k + 1}, '${act}', ${unanswered ? 'NULL' : p.faq}, '[]', 700000, '', ` +
          `'${Math.random() < 0.3 ? 'solved' : ''}', ${handed ? 1 : 0}, ${unanswered ? 1 : 0}, '');`,
      );
    }
  }
  sql.push('COMMIT;');
  const script = path.join(server.dir ?? path.dirname(file), 'bench.sql');
  writeFileSync(script, sql.join('\n'));
  execFileSync('sqlite3', [file, `.read ${script}`]);
  if (process.env.KEEP) execFileSync('sqlite3', [file, `.backup ${process.env.KEEP}`]);
  console.log(`${N} conversations, ${turns} bot turns, ${open} unanswered, ${stores.length} stores (30 days)`);

  const time = async (label, client, url) => {
    const ms = [];
    let body;
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      const res = await client.get(url);
      ms.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${res.text.slice(0, 200)}`);
      body = res.json;
    }
    ms.sort((a, b) => a - b);
    console.log(`${label}: median ${ms[Math.floor(ms.length / 2)].toFixed(0)} ms, max ${ms.at(-1).toFixed(0)} ms`);
    return body;
  };
  const range = `from=${now - 30 * DAY}&to=${now + DAY}`;
  const all = await time('report, 30 days, every store (admin)', admin, `/api/v1/bot/report?${range}`);
  await time('report, 30 days, one store', admin, `/api/v1/bot/report?${range}&store_id=${stores[0]}`);
  const list = await time('unanswered, 30 days, every store (newest 500 grouped)', admin, `/api/v1/bot/unanswered?${range}`);
  console.log(
    `  report: ${all.days.length} day rows, ${all.faqs.length} entries, containment ${(all.total.containment * 100).toFixed(1)}%; ` +
      `unanswered: ${list.questions} questions → ${list.clusters.length} groups (truncated ${list.truncated})`,
  );
} finally {
  await server.dispose();
}
