// Optimistic concurrency: a change made against a stale version is refused and
// changes nothing (409 with the body's version, 412 with If-Match).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, newTicket, errorCode } from './lib/server.mjs';

describe('optimistic concurrency', () => {
  let server, agent, supervisor, SH01;

  before(async () => {
    server = await KefuServer.start();
    const admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
  });
  after(async () => {
    await server?.dispose();
  });

  const create = async (subject) => {
    const r = await agent.post('/api/v1/tickets', newTicket(SH01, { subject }));
    assert.equal(r.status, 201, r.text);
    assert.equal(r.headers.get('etag'), `"${r.json.version}"`);
    return r.json;
  };

  it('PATCH with a stale version is 409 version_conflict and changes nothing', async () => {
    const t = await create('顾客询问儿童乐园开放时间');
    const v = t.version;

    // Two people opened the same ticket; the first saves.
    const first = await agent.patch(`/api/v1/tickets/${t.id}`, { subject: '儿童乐园开放时间', version: v });
    assert.equal(first.status, 200, first.text);
    assert.equal(first.json.version, v + 1);
    assert.equal(first.headers.get('etag'), `"${v + 1}"`);

    // The second saves on top of what they saw: refused.
    const second = await supervisor.patch(`/api/v1/tickets/${t.id}`, { priority: 'P2', subject: '别的', version: v });
    assert.equal(second.status, 409);
    assert.equal(errorCode(second), 'version_conflict');

    const now = (await agent.get(`/api/v1/tickets/${t.id}`)).json;
    assert.equal(now.subject, '儿童乐园开放时间');
    assert.equal(now.priority, t.priority);
    assert.equal(now.version, v + 1);
    const updates = (await agent.get(`/api/v1/tickets/${t.id}/timeline`)).json.events.filter((e) => e.kind === 'updated');
    assert.equal(updates.length, 1, 'only the first change is on the timeline');
  });

  it('If-Match with a stale version is 412 precondition_failed and changes nothing', async () => {
    const t = await create('寄存柜打不开');
    const ok = await agent.patch(`/api/v1/tickets/${t.id}`, { location: 'B1 寄存柜' }, { headers: { 'if-match': `"${t.version}"` } });
    assert.equal(ok.status, 200, ok.text);
    const etag = ok.headers.get('etag');
    assert.equal(etag, `"${t.version + 1}"`);

    for (const stale of [`"${t.version}"`, `W/"${t.version}"`, String(t.version)]) {
      const r = await supervisor.patch(`/api/v1/tickets/${t.id}`, { location: '别处' }, { headers: { 'if-match': stale } });
      assert.equal(r.status, 412, `If-Match: ${stale}`);
      assert.equal(errorCode(r), 'precondition_failed');
    }
    const now = (await agent.get(`/api/v1/tickets/${t.id}`)).json;
    assert.equal(now.location, 'B1 寄存柜');
    assert.equal(now.version, t.version + 1);

    // The current ETag works.
    const fresh = await agent.patch(`/api/v1/tickets/${t.id}`, { location: 'B1 寄存柜 3 号' }, { headers: { 'if-match': etag } });
    assert.equal(fresh.status, 200);
    assert.equal(fresh.json.version, t.version + 2);
  });

  it('PATCH without any version is 400 version_required; a junk If-Match is 400', async () => {
    const t = await create('无版本');
    const r = await agent.patch(`/api/v1/tickets/${t.id}`, { subject: 'x' });
    assert.equal(r.status, 400);
    assert.equal(errorCode(r), 'version_required');
    const junk = await agent.patch(`/api/v1/tickets/${t.id}`, { subject: 'x' }, { headers: { 'if-match': 'abc' } });
    assert.equal(junk.status, 400);
    const now = (await agent.get(`/api/v1/tickets/${t.id}`)).json;
    assert.equal(now.subject, '无版本');
    assert.equal(now.version, t.version);
  });

  it('of 8 concurrent PATCHes against the same version exactly one wins', async () => {
    const t = await create('并发修改');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? agent : supervisor).patch(`/api/v1/tickets/${t.id}`, { subject: `并发修改 ${i}`, version: t.version }),
      ),
    );
    const winners = results.filter((r) => r.status === 200);
    const losers = results.filter((r) => r.status === 409);
    assert.equal(winners.length, 1, results.map((r) => r.status).join(','));
    assert.equal(losers.length, 7);
    assert.ok(losers.every((r) => errorCode(r) === 'version_conflict'));
    const now = (await agent.get(`/api/v1/tickets/${t.id}`)).json;
    assert.equal(now.subject, winners[0].json.subject);
    assert.equal(now.version, t.version + 1);
  });
});
