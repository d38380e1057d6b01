// Durability: a ticket whose creation was acknowledged (2xx) is on disk. The server is
// killed with SIGKILL in the middle of a burst of creations, restarted on the same
// database file, and every acknowledged ticket must be readable again.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket } from './lib/server.mjs';

// Fires `total` creations from `loops` concurrent loops; calls onAck after each 2xx.
// Stops quietly once the server is gone. Returns the acknowledged id → subject map.
async function burst(server, token, storeId, { total, loops, tag, onAck = () => {} }) {
  const acked = new Map();
  const failures = { http: 0, network: 0 };
  let next = 0;
  let gone = false;
  const base = server.base;
  async function loop() {
    while (!gone) {
      const i = next++;
      if (i >= total) return;
      const subject = `${tag} #${i} 顾客反映试衣间排队太久`;
      try {
        const res = await fetch(`${base}/api/v1/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(newTicket(storeId, { subject })),
        });
        const text = await res.text();
        if (res.status >= 200 && res.status < 300) {
          const t = JSON.parse(text);
          acked.set(t.id, subject);
          onAck(acked.size);
        } else {
          failures.http++;
          if (failures.http <= 3) console.log(`unexpected ${res.status}: ${text.slice(0, 200)}`);
        }
      } catch {
        failures.network++; // the server went away under us
        if (!server.running) gone = true;
      }
    }
  }
  await Promise.all(Array.from({ length: loops }, loop));
  return { acked, failures, sent: Math.min(next, total) };
}

// GETs every id (16 at a time); returns the ids that were not found or not equal.
async function verify(server, token, acked) {
  const ids = [...acked.keys()];
  const lost = [];
  let i = 0;
  async function worker() {
    while (i < ids.length) {
      const id = ids[i++];
      const res = await fetch(`${server.base}/api/v1/tickets/${id}`, { headers: { authorization: `Bearer ${token}` } });
      const body = res.status === 200 ? await res.json() : (await res.text(), null);
      if (!body || body.subject !== acked.get(id)) lost.push({ id, status: res.status });
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker));
  return lost;
}

describe('durability', () => {
  let server, SH01;

  before(async () => {
    server = await KefuServer.start({ tickets: 20, members: 20 });
    const admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
  });
  after(async () => {
    await server?.dispose();
  });

  it('kill -9 mid-load: every acknowledged ticket id is readable after a restart', { timeout: 120000 }, async () => {
    const agent = await server.login('zhangmin');
    const TOTAL = 2000;
    const KILL_AFTER = 900; // acknowledged creations before the crash
    let killedAt = null;
    const started = Date.now();
    const { acked, failures, sent } = await burst(server, agent.token, SH01, {
      total: TOTAL,
      loops: 32,
      tag: 'kill9',
      onAck: (n) => {
        if (n >= KILL_AFTER && killedAt === null) {
          killedAt = n;
          server.kill9();
        }
      },
    });
    const exit = await server.kill9();
    const seconds = (Date.now() - started) / 1000;
    assert.equal(exit.signal, 'SIGKILL', 'the server was killed, not finished');
    assert.ok(acked.size >= KILL_AFTER, `acknowledged ${acked.size}`);
    assert.ok(sent < TOTAL || failures.network > 0, 'the crash happened mid-load');
    assert.equal(failures.http, 0, 'no creation was refused before the crash');

    await server.restart();
    const again = await server.login('zhangmin');
    const lost = await verify(server, again.token, acked);
    const found = acked.size - lost.length;
    console.log(
      `durability (kill -9): sent ${sent}, acknowledged ${acked.size} (${(acked.size / seconds).toFixed(0)}/s), ` +
        `found after restart ${found}, lost ${lost.length}, network errors at the crash ${failures.network}`,
    );
    assert.deepEqual(lost.slice(0, 20), [], `${lost.length} acknowledged tickets missing after restart`);
    assert.equal(found, acked.size);

    // The restarted server takes new work normally.
    const more = await again.post('/api/v1/tickets', newTicket(SH01, { subject: '重启后新建' }));
    assert.equal(more.status, 201);
    assert.ok(!acked.has(more.json.id), 'ids are not reused');
  });

  it('SIGTERM mid-load: the server drains, exits 0, and nothing acknowledged is lost', { timeout: 60000 }, async () => {
    const agent = await server.login('liuyang');
    let stopping = null;
    const { acked, failures } = await burst(server, agent.token, SH01, {
      total: 600,
      loops: 16,
      tag: 'sigterm',
      onAck: (n) => {
        if (n >= 200 && !stopping) stopping = server.stop();
      },
    });
    const exit = await stopping;
    assert.equal(exit.code, 0, `exit ${JSON.stringify(exit)}`);
    assert.equal(failures.http, 0, 'no creation was refused with an error status');
    await server.restart();
    const again = await server.login('liuyang');
    const lost = await verify(server, again.token, acked);
    console.log(`durability (SIGTERM): acknowledged ${acked.size}, found ${acked.size - lost.length}`);
    assert.deepEqual(lost, []);
  });

  it('kill -9 mid-load: every acknowledged note is on the timeline after a restart', { timeout: 120000 }, async () => {
    const agent = await server.login('zhangmin');
    const created = await agent.post('/api/v1/tickets', newTicket(SH01, { subject: '顾客多次来电，逐条记录' }));
    assert.equal(created.status, 201);
    const ticketId = created.json.id;
    const acked = new Set();
    let next = 0;
    let gone = false;
    let killing = null;
    async function loop() {
      while (!gone && next < 3000) {
        const i = next++;
        try {
          const res = await fetch(`${server.base}/api/v1/tickets/${ticketId}/notes`, {
            method: 'POST',
            headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ body: `第${i}次来电记录` }),
          });
          const text = await res.text();
          if (res.status === 201) acked.add(JSON.parse(text).id);
          if (acked.size >= 500 && !killing) killing = server.kill9();
        } catch {
          if (!server.running) gone = true;
        }
      }
    }
    await Promise.all(Array.from({ length: 32 }, loop));
    const exit = await (killing ?? server.kill9());
    assert.equal(exit.signal, 'SIGKILL');
    assert.ok(acked.size >= 500, `acknowledged ${acked.size}`);

    await server.restart();
    const again = await server.login('zhangmin');
    const timeline = await again.get(`/api/v1/tickets/${ticketId}/timeline`);
    assert.equal(timeline.status, 200);
    const onDisk = new Set(timeline.json.events.filter((e) => e.kind === 'note').map((e) => e.id));
    const lost = [...acked].filter((id) => !onDisk.has(id));
    console.log(`durability (kill -9, notes): acknowledged ${acked.size}, on the timeline ${acked.size - lost.length}`);
    assert.deepEqual(lost, []);
  });
});
