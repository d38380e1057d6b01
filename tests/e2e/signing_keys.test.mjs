// Hole 9 (issue 11): the keys that sign customers' links rotate, a retired key verifies the
// links it signed until they expire, a revoked one voids them, and `kefu export` leaves the
// keys behind unless asked for them.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KefuServer, directory, newTicket, errorCode, kefu } from './lib/server.mjs';

describe('hole 9: signing keys', () => {
  let server, agent, anonymous, SH01, tmp;

  before(async () => {
    server = await KefuServer.start();
    const admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    agent = await server.login('zhangmin');
    anonymous = server.client();
    tmp = await mkdtemp(path.join(tmpdir(), 'kefu-keys-'));
  });
  after(async () => {
    await server?.dispose();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  const resolvedLink = async (subject) => {
    let r = await agent.post('/api/v1/tickets', newTicket(SH01, { type: 'complaint', subject }));
    assert.equal(r.status, 201, r.text);
    r = await agent.post(`/api/v1/tickets/${r.json.id}/status`, { status: 'resolved' });
    assert.equal(r.status, 200, r.text);
    r = await agent.post(`/api/v1/tickets/${r.json.id}/csat-link`, {});
    assert.equal(r.status, 201, r.text);
    return r.json.token;
  };
  const opens = async (token) => {
    const r = await anonymous.get(`/api/v1/public/csat/${token}`);
    return r.status === 200 ? 'ok' : `${r.status} ${errorCode(r)}`;
  };
  // The rows of one table in an export file.
  const exportedRows = async (args) => {
    const file = path.join(tmp, `export-${Math.random().toString(36).slice(2)}.jsonl`);
    const { stdout } = await kefu(server.dbUrl, ['export', '--quiet', '--out', file, ...args]);
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const start = lines.findIndex((l) => l.table === 'signing_keys');
    const end = lines.findIndex((l) => l.end === 'signing_keys');
    assert.ok(start >= 0 && end > start, 'the export names the table');
    return { rows: lines.slice(start + 1, end), stdout };
  };

  it('rotation keeps links out valid, revocation voids them, the CLI never prints a key', async () => {
    const first = await resolvedLink('试衣间排队太久');
    assert.equal(await opens(first), 'ok');

    const rotated = await kefu(server.dbUrl, ['keys', 'rotate', '--purpose', 'csat_link']);
    assert.match(rotated.stdout, /csat_link: key \d+ signs from now on; 1 older key\(s\) still verify/);
    assert.equal(await opens(first), 'ok', 'a link signed before the rotation still opens');
    const second = await resolvedLink('停车场指示牌不清楚');
    assert.equal(await opens(second), 'ok');

    const { stdout: listing } = await kefu(server.dbUrl, ['keys', 'list']);
    assert.match(listing, /csat_link\s+\d+\s+verifying/);
    assert.match(listing, /csat_link\s+\d+\s+signing/);
    assert.doesNotMatch(listing, /[0-9a-f]{64}/, 'no key material on screen');

    await kefu(server.dbUrl, ['keys', 'rotate', '--purpose', 'csat_link', '--revoke']);
    assert.equal(await opens(first), '403 invalid_link');
    assert.equal(await opens(second), '403 invalid_link');
    assert.equal(await opens(await resolvedLink('收银台少找零钱')), 'ok', 'new links work at once');
  });

  it('kefu export leaves the keys behind unless --with-keys', async () => {
    await resolvedLink('电梯停运没有提示');
    const plain = await exportedRows([]);
    assert.deepEqual(plain.rows, []);
    assert.match(plain.stdout, /not in the file/);
    const full = await exportedRows(['--with-keys']);
    assert.ok(full.rows.length >= 1, `${full.rows.length} key rows`);
    assert.ok(full.rows.every((r) => /^[0-9a-f]{64}$/.test(r[2])), 'rows carry the keys');
    assert.match(full.stdout, /Guard it like the database/);
  });
});
