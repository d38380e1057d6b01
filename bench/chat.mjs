// Live chat benchmarks (issue 12), against running `kefu serve` processes that bench/chat.sh
// starts on a fresh demo database (it builds nothing and prints the table):
//
//   node bench/chat.mjs idle      --base URL --pid PID [--sockets 10000] [--stores all|first]
//                                 [--queues general,returns,members,parking]
//   node bench/chat.mjs messages  --base URL --pid PID [--conversations 1000] [--rate 2000]
//                                 [--seconds 20] [--steps 3000,4000,…] [--agents 20] [--start-width 32]
//   node bench/chat.mjs assign    --base URL --pid PID [--agents 20] [--customers 1000] [--width 32]
//   node bench/chat.mjs messages  --base URL --agents-base URL2 --pid PID,PID2 …  (two nodes)
//   node bench/chat.mjs report    [--since ISO-time]  (the table of bench/out/chat-results.jsonl)
// Every run appends a JSON line to bench/out/chat-results.jsonl (--label names it).
//
// The client is the `ws` package (web/'s devDependency) and Node's fetch. Each chat is
// started over REST from its own address in X-Forwarded-For (the server trusts 127.0.0.1 as a
// proxy, KEFU_SERVER_TRUSTED_PROXIES; docs/security/limits.md), so the per-address limit of 60
// chats an hour applies to each simulated customer as it would behind nginx. Latency is
// sender → receiving agent socket: the customer puts the wall clock (sub-millisecond,
// performance.timeOrigin + performance.now()) in the message body; the agent's socket
// reads it when the `message` frame arrives. Server CPU and RSS come from /proc/<pid>.
import { readFileSync, appendFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WebSocket = createRequire(path.join(root, 'web/package.json'))('ws');
const OUT = path.join(root, 'bench/out');
const RESULTS = path.join(OUT, 'chat-results.jsonl');
const PASSWORD = 'kefu2026'; // the demo accounts'
const AGENT_PASSWORD = 'kefu2026bench!';

// --- arguments ------------------------------------------------------------------------
const [scenario = 'report', ...rest] = process.argv.slice(2);
const opt = {};
for (let i = 0; i < rest.length; i += 2) opt[rest[i].replace(/^--/, '')] = rest[i + 1];
const num = (k, d) => (opt[k] === undefined ? d : Number(opt[k]));
const BASE = opt.base || 'http://127.0.0.1:18790';
const AGENTS_BASE = opt['agents-base'] || BASE; // node B in the two-node run
const PIDS = (opt.pid || '').split(',').filter(Boolean).map(Number);
const LABEL = opt.label || scenario;

// --- small tools ----------------------------------------------------------------------
const now = () => performance.timeOrigin + performance.now(); // wall clock, sub-millisecond
const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN);
const log = (...a) => console.error(`[chat ${new Date().toISOString().slice(11, 19)}]`, ...a);
const wsUrl = (base) => base.replace(/^http/, 'ws');
// A distinct client address per simulated customer (10.0.0.0/8), run by run.
let addrSeq = (Date.now() % 50) * 300_000;
const nextAddress = () => {
  const i = addrSeq++;
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
};

function procStat(pid) {
  // RSS (KiB) from status; CPU seconds (user + system, all threads) from stat.
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpu = (Number(f[11]) + Number(f[12])) / 100; // utime + stime, clock ticks of 1/100 s
  return { rss, cpu };
}
const serverStats = () => PIDS.map(procStat);
const cpuSince = (before) => serverStats().reduce((s, x, i) => s + x.cpu - before[i].cpu, 0);
function clientCpu() {
  const c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  };
}

async function call(base, method, url, body, headers = {}) {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(base + url, {
        method,
        headers: { 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let json = null;
      try {
        json = JSON.parse(text);
      } catch {}
      return { status: res.status, json, text };
    } catch (e) {
      if (attempt >= 3) throw e;
      await sleep(200 * (attempt + 1));
    }
  }
}
const bearer = (token) => ({ Authorization: `Bearer ${token}` });
async function must(p, want, what) {
  const r = await p;
  if (r.status !== want) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 300)}`);
  return r.json;
}
async function login(base, username, password = PASSWORD) {
  return (await must(call(base, 'POST', '/api/v1/auth/login', { username, password }), 200, `login ${username}`)).token;
}

// Runs fn(i) for i in [0, n) with at most `width` in flight.
async function pool(n, width, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(width, n) }, async () => {
    while (next < n) await fn(next++);
  });
  await Promise.all(workers);
}

// --- the customer -----------------------------------------------------------------------
async function startChat(base, storeId, queue = 'general') {
  const r = await call(base, 'POST', '/api/v1/public/chats', { store_id: storeId, queue }, { 'X-Forwarded-For': nextAddress() });
  if (r.status !== 201) throw new Error(`start chat: ${r.status} ${r.text.slice(0, 300)}`);
  return r.json;
}

// A customer's socket, open once the hello is answered (the first `conversation` frame).
function customerSocket(base, token, handlers = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl(base)}/api/v1/public/chats/socket`, { perMessageDeflate: false });
    let ready = false;
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token, after: 0 })));
    ws.on('message', (data) => {
      const f = JSON.parse(data.toString());
      if (!ready && f.type === 'conversation') {
        ready = true;
        resolve(ws);
      }
      handlers.frame?.(f);
    });
    ws.on('error', (e) => (ready ? handlers.error?.(e) : reject(e)));
    ws.on('close', () => (ready ? handlers.close?.() : reject(new Error('closed before hello'))));
  });
}

// --- the agents -------------------------------------------------------------------------
// Creates n agents of store 1 (admin), gives each `capacity` (the store's supervisor, PUT
// /staff/{id}/chat), logs each in, opens their staff socket and sets them online.
async function setupAgents(n, capacity, { base = BASE, socketBase = AGENTS_BASE, onFrame } = {}) {
  const admin = await login(base, 'admin');
  const stores = (await must(call(base, 'GET', '/api/v1/stores', undefined, bearer(admin)), 200, 'stores')).items;
  const store = stores.find((s) => s.code === 'SH01') || stores[0];
  const departments = (await must(call(base, 'GET', '/api/v1/departments', undefined, bearer(admin)), 200, 'departments'))
    .items;
  const dept = departments.find((d) => d.store_id === store.id && d.kind === 'desk') ||
    departments.find((d) => d.store_id === store.id);
  const supervisor = await login(base, 'chenjing');
  const tag = Date.now().toString(36);
  const agents = [];
  for (let i = 0; i < n; i++) {
    const username = `bench_${tag}_${i}`;
    const staff = await must(
      call(base, 'POST', '/api/v1/staff', {
        username,
        display_name: `压测客服${i}`,
        role: 'agent',
        email: '',
        password: AGENT_PASSWORD,
        store_ids: [store.id],
        department_ids: [dept.id],
      }, bearer(admin)),
      201,
      `staff ${username}`,
    );
    await must(call(base, 'PUT', `/api/v1/staff/${staff.id}/chat`, { capacity, queues: [] }, bearer(supervisor)), 200,
      'capacity');
    agents.push({ id: staff.id, username });
  }
  await pool(agents.length, 2, async (i) => {
    agents[i].token = await login(socketBase, agents[i].username, AGENT_PASSWORD);
  });
  for (const a of agents) {
    a.ws = await new Promise((resolve, reject) => {
      const ws = new WebSocket(`${wsUrl(socketBase)}/api/v1/chat/socket`, {
        headers: bearer(a.token),
        perMessageDeflate: false,
      });
      ws.on('open', () => resolve(ws));
      ws.on('error', reject);
      ws.on('message', (data) => onFrame?.(a, JSON.parse(data.toString())));
    });
    // The console beats; so do we (a staff frame keeps presence, docs/chat.md).
    a.beat = setInterval(() => a.ws.readyState === 1 && a.ws.send('{"type":"ping"}'), 15000);
  }
  for (const a of agents)
    await must(call(socketBase, 'POST', '/api/v1/chat/presence', { presence: 'online' }, bearer(a.token)), 200, 'presence');
  return { store, agents, admin, supervisor };
}
const closeAgents = (agents) => agents.forEach((a) => (clearInterval(a.beat), a.ws.close()));

function record(result) {
  mkdirSync(OUT, { recursive: true });
  appendFileSync(RESULTS, JSON.stringify({ at: new Date().toISOString(), ...result }) + '\n');
  console.log(JSON.stringify(result));
}

// --- 1. idle sockets ----------------------------------------------------------------------
async function idle() {
  const n = num('sockets', 10000);
  const queues = (opt.queues || 'general').split(',');
  const admin = await login(BASE, 'admin');
  const stores = (await must(call(BASE, 'GET', '/api/v1/stores', undefined, bearer(admin)), 200, 'stores')).items;
  const spread = opt.stores === 'all' ? stores : [stores[0]];
  log(`starting ${n} chats over REST (${spread.length} store(s), queues ${queues.join(',')}, no agent online)`);
  const tokens = new Array(n);
  let t0 = now();
  await pool(n, 32, async (i) => {
    tokens[i] = (await startChat(BASE, spread[i % spread.length].id, queues[i % queues.length])).token;
  });
  const startRate = n / ((now() - t0) / 1000);
  log(`${n} chats in ${((now() - t0) / 1000).toFixed(1)} s (${startRate.toFixed(0)}/s); settling 5 s`);
  await sleep(5000);
  const before = serverStats();
  log(`RSS before sockets: ${before.map((s) => s.rss).join(', ')} KiB`);
  const sockets = new Array(n);
  let closed = 0, errors = 0;
  t0 = now();
  await pool(n, 200, async (i) => {
    sockets[i] = await customerSocket(BASE, tokens[i], { close: () => closed++, error: () => errors++ });
  });
  const openSeconds = (now() - t0) / 1000;
  log(`${n} sockets open (hello answered) in ${openSeconds.toFixed(1)} s; settling 10 s`);
  await sleep(10000);
  const cpu0 = serverStats();
  await sleep(10000);
  const idleCpu = cpuSince(cpu0) / 10; // cores busy while the sockets sit idle
  const after = serverStats();
  const open = sockets.filter((w) => w.readyState === 1).length;
  const perConn = ((after[0].rss - before[0].rss) * 1024) / n;
  log(`RSS after: ${after[0].rss} KiB; ${(perConn / 1024).toFixed(1)} KiB per socket; ${open} open, ${closed} closed`);
  sockets.forEach((w) => w.terminate());
  record({
    scenario: 'idle', label: LABEL, sockets: n, open, closed, errors,
    rss_before_kib: before[0].rss, rss_after_kib: after[0].rss, bytes_per_socket: Math.round(perConn),
    open_seconds: +openSeconds.toFixed(2), chats_per_s: Math.round(startRate), idle_server_cores: +idleCpu.toFixed(3),
    queues: queues.join(','),
  });
}

// --- 2. messages ----------------------------------------------------------------------------
async function messages() {
  const conversations = num('conversations', 1000);
  const agentsN = num('agents', 20);
  const capacity = Math.ceil(conversations / agentsN);
  const seconds = num('seconds', 20);
  const rates = [num('rate', 2000), ...(opt.steps ? opt.steps.split(',').map(Number) : [])];
  const latencies = []; // of the current step
  const series = []; // (sent at, latency) pairs: when the slow deliveries happen
  let received = 0;
  const onFrame = (a, f) => {
    if (f.type === 'message' && f.sender === 'customer' && f.body.startsWith('t=')) {
      const sentAt = Number(f.body.slice(2, f.body.indexOf(' ')));
      latencies.push(now() - sentAt);
      series.push([sentAt, now() - sentAt]);
      received++;
    }
  };
  log(`${agentsN} agents, capacity ${capacity} each, sockets on ${AGENTS_BASE}`);
  const { agents } = await setupAgents(agentsN, capacity, { onFrame });
  log(`starting ${conversations} chats on ${BASE}`);
  const customers = new Array(conversations);
  // --start-width 1 on PostgreSQL: concurrent starts deadlock there (docs/benchmarks.md).
  await pool(conversations, num('start-width', 32), async (i) => {
    const r = await startChat(BASE, 1);
    customers[i] = { token: r.token, status: r.conversation.status, pending: new Map(), seq: 0 };
  });
  const assigned = customers.filter((c) => c.status === 'assigned').length;
  log(`${assigned} of ${conversations} assigned at start; opening customer sockets`);
  let acks = 0, errors = 0;
  const ackLat = [];
  const errorCodes = {};
  await pool(conversations, 100, async (i) => {
    const c = customers[i];
    c.ws = await customerSocket(BASE, c.token, {
      frame: (f) => {
        if (f.type === 'ack') {
          const t = c.pending.get(f.client_msg_id);
          if (t !== undefined) {
            c.pending.delete(f.client_msg_id);
            ackLat.push(now() - t);
            acks++;
          }
        } else if (f.type === 'error') {
          errors++;
          errorCodes[f.code] = (errorCodes[f.code] || 0) + 1;
        }
      },
    });
  });
  await sleep(3000); // the agents' sockets receive the histories
  const loop = monitorEventLoopDelay({ resolution: 5 });
  for (const rate of rates) {
    latencies.length = 0;
    ackLat.length = 0;
    received = acks = errors = 0;
    let sent = 0, k = 0;
    const stats0 = serverStats();
    const clientCpuOf = clientCpu();
    loop.reset();
    loop.enable();
    log(`step: ${rate} msg/s offered for ${seconds} s`);
    const t0 = now();
    const end = t0 + seconds * 1000;
    await new Promise((resolve) => {
      const tick = setInterval(() => {
        const t = now();
        if (t >= end) {
          clearInterval(tick);
          return resolve();
        }
        const due = Math.floor(((t - t0) / 1000) * rate);
        for (; sent < due; sent++) {
          const c = customers[k++ % conversations];
          const id = `m${rate}-${sent}`;
          const stamp = now();
          c.pending.set(id, stamp);
          c.ws.send(JSON.stringify({ type: 'send', client_msg_id: id, body: `t=${stamp} 您好，请问停车场在几楼？#${sent}` }));
        }
      }, 5);
    });
    const ackedInWindow = acks, receivedInWindow = received;
    const windowCpu = cpuSince(stats0);
    const clientSeconds = clientCpuOf();
    loop.disable();
    // Drain: what is still in flight, up to 10 s.
    const drain0 = now();
    while ((acks < sent || received < sent) && now() - drain0 < 10000) await sleep(20);
    const drainMs = now() - drain0;
    const lat = [...latencies].sort((a, b) => a - b);
    const al = [...ackLat].sort((a, b) => a - b);
    const res = {
      scenario: 'messages', label: LABEL, offered_per_s: rate, seconds, conversations, agents: agentsN,
      sent, acks_in_window_per_s: Math.round(ackedInWindow / seconds), delivered_in_window_per_s: Math.round(receivedInWindow / seconds),
      acked: acks, delivered: received, drain_ms: Math.round(drainMs), errors, error_codes: errorCodes,
      p50_ms: +pct(lat, 0.5).toFixed(2), p99_ms: +pct(lat, 0.99).toFixed(2), max_ms: +(lat.at(-1) ?? NaN).toFixed(1),
      ack_p50_ms: +pct(al, 0.5).toFixed(2), ack_p99_ms: +pct(al, 0.99).toFixed(2),
      server_cores: +(windowCpu / seconds).toFixed(2), client_cores: +(clientSeconds / seconds).toFixed(2),
      client_loop_p99_ms: +(loop.percentile(99) / 1e6).toFixed(1),
      rss_kib: serverStats().map((s) => s.rss).join(','),
    };
    // The worst 100-ms windows of the step (seconds into it: slowest delivery, ms): a
    // periodic stall shows as a regular beat.
    const buckets = new Map();
    for (const [t, l] of series) {
      const b = Math.floor((t - t0) / 100);
      buckets.set(b, Math.max(buckets.get(b) || 0, l));
    }
    series.length = 0;
    res.worst_windows = [...buckets]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([b, l]) => `${(b / 10).toFixed(1)}s:${l.toFixed(0)}`)
      .join(' ');
    record(res);
    if (res.p99_ms > 50 || res.acks_in_window_per_s < 0.95 * rate) {
      log(`stopping the steps: p99 ${res.p99_ms} ms, acks ${res.acks_in_window_per_s}/s of ${rate}`);
      break;
    }
    await sleep(3000);
  }
  customers.forEach((c) => c.ws.terminate());
  closeAgents(agents);
}

// --- 3. assignment throughput ------------------------------------------------------------------
async function assign() {
  const agentsN = num('agents', 20);
  const m = num('customers', 1000);
  const capacity = Math.min(50, Math.ceil(m / agentsN));
  const width = num('width', 32);
  const seen = new Map(); // conversation id → when the agent's socket saw it assigned to them
  const onFrame = (a, f) => {
    if (f.type === 'conversation' && f.conversation?.agent_id === a.id && f.conversation.status === 'assigned' &&
      !seen.has(f.conversation.id)) seen.set(f.conversation.id, now());
  };
  const { agents } = await setupAgents(agentsN, capacity, { onFrame });
  await sleep(1000);
  log(`${m} customers start chats, ${width} at a time, ${agentsN} agents × capacity ${capacity} online`);
  const stats0 = serverStats();
  let assignedNow = 0, queued = 0;
  const t0 = now();
  let tLast = t0;
  await pool(m, width, async () => {
    const r = await startChat(BASE, 1);
    if (r.conversation.status === 'assigned') assignedNow++;
    else queued++;
    tLast = now();
  });
  const restSeconds = (tLast - t0) / 1000;
  const cpu = cpuSince(stats0);
  // Wait until the agents' sockets have seen every assignment (up to 10 s).
  const w0 = now();
  while (seen.size < assignedNow && now() - w0 < 10000) await sleep(20);
  const lastSeen = Math.max(...seen.values());
  record({
    scenario: 'assign', label: LABEL, agents: agentsN, capacity, customers: m, width, assigned: assignedNow, queued,
    assigned_per_s: Math.round(assignedNow / restSeconds), seconds: +restSeconds.toFixed(2),
    seen_by_agents: seen.size, all_seen_after_s: +((lastSeen - t0) / 1000).toFixed(2),
    server_cores: +(cpu / restSeconds).toFixed(2), server_cpu_ms_per_chat: +((cpu * 1000) / m).toFixed(2),
  });
  closeAgents(agents);
}

// --- the table -------------------------------------------------------------------------------------
function report() {
  if (!existsSync(RESULTS)) return console.log('no results yet');
  const rows = readFileSync(RESULTS, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const since = opt.since || '';
  const fmt = (n) => (typeof n === 'number' && Number.isFinite(n) ? n.toLocaleString('en-US') : String(n));
  console.log('| run | scenario | figures |');
  console.log('|---|---|---|');
  for (const r of rows.filter((r) => r.at >= since)) {
    let text;
    if (r.scenario === 'idle')
      text = `${fmt(r.open)} of ${fmt(r.sockets)} customer sockets open (queues ${r.queues}); RSS ${fmt(r.rss_before_kib)} → ${fmt(r.rss_after_kib)} KiB = **${(r.bytes_per_socket / 1024).toFixed(1)} KiB per socket**; opened in ${r.open_seconds} s; server CPU while idle ${r.idle_server_cores} cores`;
    else if (r.scenario === 'messages')
      text = `offered ${fmt(r.offered_per_s)} msg/s over ${r.conversations} conversations × ${r.seconds} s: **acks ${fmt(r.acks_in_window_per_s)}/s**, delivered ${fmt(r.delivered_in_window_per_s)}/s; customer → agent socket **p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms** (max ${r.max_ms}); ack p50 ${r.ack_p50_ms} / p99 ${r.ack_p99_ms} ms; drain ${r.drain_ms} ms; errors ${r.errors}; server ${r.server_cores} cores, client ${r.client_cores} cores; slowest 100-ms windows ${r.worst_windows || '—'}`;
    else if (r.scenario === 'assign')
      text = `${r.agents} agents × capacity ${r.capacity}, ${fmt(r.customers)} chats started (${r.width} at a time): **${fmt(r.assigned_per_s)} assigned/s** (${r.assigned} assigned, ${r.queued} queued, ${r.seconds} s); all seen on agents' sockets after ${r.all_seen_after_s} s; server ${r.server_cores} cores, ${r.server_cpu_ms_per_chat} ms CPU per chat`;
    else text = JSON.stringify(r);
    console.log(`| ${r.label} | ${r.scenario} | ${text} |`);
  }
}

const run = { idle, messages, assign, report }[scenario];
if (!run) {
  console.error(`unknown scenario ${scenario}: idle | messages | assign | report`);
  process.exit(2);
}
try {
  await run();
  process.exit(0);
} catch (e) {
  console.error(e);
  process.exit(1);
}
