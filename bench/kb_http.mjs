// POST /api/v1/kb/match over HTTP with 10,000 FAQ entries (issue 13): the server's answer
// time as a client sees it, beside the matcher's own time in process (bench/kb_match_bench).
//
//   node bench/kb_http.mjs [--entries 10000] [--queries 3000] [--concurrency 8]
//
// Starts `kefu serve` (build/kefu) on a fresh demo database (tests/e2e/lib/server.mjs), imports
// generated entries through POST /api/v1/kb/import (JSON Lines, published, three similar
// questions each, in parts of 2,000), waits until the node's knowledge holds them all
// (GET /kb/learning), then asks new phrasings of random entries (plus 10% unrelated
// questions): first one request at a time on one keep-alive connection (latency p50/p99),
// then `concurrency` clients at once (throughput). Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { KefuServer } from '../tests/e2e/lib/server.mjs';

const args = process.argv.slice(2);
const opt = {};
for (let i = 0; i < args.length; i += 2) opt[args[i].replace(/^--/, '')] = Number(args[i + 1]);
const ENTRIES = opt.entries ?? 10000;
const QUERIES = opt.queries ?? 3000;
const CONCURRENCY = opt.concurrency ?? 8;

// The same kind of synthetic retail KB as bench/kb_match_bench.cpp (its own seeded words).
const KINDS = ['儿童', '男士', '女士', '运动', '进口', '有机', '智能', '真皮', '夏季', '冬季', '高端', '平价', '新款'];
const GOODS = ['鞋', '外套', '手表', '耳机', '奶粉', '面包', '蛋糕', '口红', '眼镜', '背包', '行李箱', '床垫', '冰箱', '空调',
  '手机', '电脑', '玩具', '自行车', '茶叶', '牛仔裤', '羽绒服', '围巾', '香水', '洗衣机'];
const TOPICS = ['退货', '换货', '保修', '维修', '送货', '安装', '开发票', '积分', '打折', '预订', '试穿', '包装', '定制', '刻字',
  '以旧换新', '价格保护', '分期付款', '会员价', '保养', '清洗', '改尺寸', '配送', '库存', '到货', '质量问题', '说明书', '赠品',
  '退差价', '专柜', '售后', '发货', '退款', '优惠券', '满减', '试用', '邮寄', '预售', '代购', '团购', '寄存'];
const ENDINGS = ['怎么办理', '可以吗', '要多少钱', '在哪里', '需要什么手续', '多久', '有什么规定', '怎么弄', '找谁', '能不能'];
const OPENINGS = ['', '请问', '你好，', '我想问一下', '想咨询', '麻烦问下'];
const UNRELATED = ['今天天气怎么样', '你们老板是谁', '附近有什么好吃的', '地铁几号线', '火车票怎么买', '股票会涨吗'];

let seed = 1n;
const rnd = (n) => {
  seed = (seed * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
  return Number(seed >> 33n) % n;
};
const pick = (a) => a[rnd(a.length)];

const entries = [];
const seen = new Set();
for (let k = 0; k < KINDS.length && entries.length < ENTRIES; k++)
  for (let g = 0; g < GOODS.length && entries.length < ENTRIES; g++)
    for (let t = 0; t < TOPICS.length && entries.length < ENTRIES; t++) {
      const product = KINDS[k] + GOODS[g];
      const topic = TOPICS[t];
      const question = `${product}${topic}${ENDINGS[(k + g + t) % ENDINGS.length]}`;
      if (seen.has(question)) continue;
      seen.add(question);
      const similar = [1, 2, 3].map((i) => `${OPENINGS[(t + i) % OPENINGS.length]}${topic}${product}${ENDINGS[(k + i * 3 + t) % ENDINGS.length]}`);
      entries.push({ external_id: `bench-${entries.length}`, question, similar, answer: `${product}的${topic}请到专柜办理。`, status: 'published', product, topic });
    }

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const ms = (x) => Math.round(x * 1000) / 1000;

const server = await KefuServer.start({ tickets: 5, members: 5 });
try {
  const admin = await server.login('admin');
  const t0 = performance.now();
  for (let i = 0; i < entries.length; i += 2000) {
    const text = entries.slice(i, i + 2000).map(({ product, topic, ...e }) => JSON.stringify(e)).join('\n');
    const r = await admin.post('/api/v1/kb/import', { format: 'jsonl', text });
    if (r.status !== 200 || r.json.rejected.length) throw new Error(`import: ${r.status} ${r.text.slice(0, 300)}`);
  }
  const imported = performance.now() - t0;
  let learning;
  for (;;) {
    learning = (await admin.get('/api/v1/kb/learning')).json;
    if (learning.entries >= entries.length) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const queries = [];
  for (let i = 0; i < QUERIES; i++) {
    if (rnd(10) === 0) queries.push({ q: pick(UNRELATED) });
    else {
      const e = entries[rnd(entries.length)];
      queries.push({ q: `${pick(OPENINGS)}${e.product}的${e.topic}${pick(ENDINGS)}`, id: e.external_id });
    }
  }
  const ask = (q) => admin.post('/api/v1/kb/match', { question: q, top_k: 3 });
  for (let i = 0; i < 200; i++) await ask(queries[i].q); // warm-up
  const lat = [];
  let top1 = 0, related = 0;
  for (const { q, id } of queries) {
    const s = performance.now();
    const r = await ask(q);
    lat.push(performance.now() - s);
    if (r.status !== 200) throw new Error(`match: ${r.status} ${r.text}`);
    if (id) {
      related++;
      if (r.json.items[0]?.external_id === id) top1++;
    }
  }
  lat.sort((a, b) => a - b);
  let next = 0;
  const s = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < queries.length) await ask(queries[next++].q);
    }),
  );
  const rate = queries.length / ((performance.now() - s) / 1000);
  console.log(JSON.stringify({
    entries: learning.entries, questions: learning.questions, build_ms: learning.build_ms, import_ms: Math.round(imported),
    queries: QUERIES, http_p50_ms: ms(pct(lat, 0.5)), http_p99_ms: ms(pct(lat, 0.99)), http_max_ms: ms(lat.at(-1)),
    top1: Math.round((1000 * top1) / related) / 10, concurrency: CONCURRENCY, per_second: Math.round(rate),
  }));
} finally {
  await server.dispose();
}
