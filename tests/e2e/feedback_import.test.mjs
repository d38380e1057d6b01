// The social-media import (反馈 → 导入) over HTTP, as a supervisor uses it: map a platform's
// columns once (remembered per source name), preview a file, import it — a second import of
// the same file adds nothing, bad rows come back with their line and reason, a GBK file
// from Excel reads as Chinese, an XLSX is read from its first sheet — and the items land in
// the inbox as source `social`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, errorCode } from './lib/server.mjs';
import { workbook } from './lib/xlsx.mjs';

const CSV = { 'content-type': 'text/csv' };
const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

describe('feedback social import', () => {
  let server, admin, agent, supervisor, SH01, CD01;

  before(async () => {
    server = await KefuServer.start({ tickets: 0, members: 0 });
    admin = await server.login('admin');
    const dir = await directory(admin);
    SH01 = dir.storeByCode.SH01.id;
    CD01 = dir.storeByCode.CD01.id;
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
  });
  after(async () => {
    await server?.dispose();
  });

  const importFile = (client, source, body) =>
    client.post(`/api/v1/feedback/imports?source_name=${encodeURIComponent(source)}`, body, { headers: CSV });
  const inbox = async (query) => (await supervisor.get(`/api/v1/feedback/items?${query}`)).json;

  const dianping = [
    '评价ID,用户名,评价时间,星级,评价内容,门店',
    'dp-1,小王,2026-11-20 14:22,2,周六停车场排队四十分钟才进去,SH01',
    'dp-2,阿May,2026/11/21 09:05,50,"导购很耐心，',
    '帮我找到了合适的尺码",恒悦百货（上海静安店）',
    'dp-3,路人,2026-11-21,3,,SH01',
    'dp-4,路人乙,昨天,1,收银台只开了一个,SH01',
    'dp-5,小李,2026-11-21 10:00,4,成都店的试衣间很干净,CD01',
    `dp-6,小周,2026-11-21 10:30,1,${'太'.repeat(2001)},SH01`,
    'dp-2,阿May,2026/11/21 09:05,50,同一条评价又导出了一次,SH01',
    '',
  ].join('\r\n');

  it('a mapping is remembered per source name and a preview shows the file before it is mapped', async () => {
    let r = await supervisor.post('/api/v1/feedback/imports/preview?source_name=大众点评', dianping, { headers: CSV });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json.columns, ['评价ID', '用户名', '评价时间', '星级', '评价内容', '门店']);
    assert.equal(r.json.encoding, 'utf-8');
    assert.equal(r.json.total_rows, 7);
    assert.equal(r.json.rows[1][4], '导购很耐心，\r\n帮我找到了合适的尺码');
    assert.equal(r.json.mapping, null, 'nothing remembered yet');

    r = await importFile(supervisor, '大众点评', dianping);
    assert.equal(errorCode(r), 'invalid_field', 'no mapping: nothing imported');

    const mapping = {
      source_name: '大众点评', text_column: '评价内容', time_column: '评价时间', author_column: '用户名',
      rating_column: '星级', post_id_column: '评价ID', store_column: '门店', store_id: SH01,
    };
    assert.equal((await agent.request('PUT', '/api/v1/feedback/import-mappings', { body: mapping })).status, 403);
    r = await supervisor.request('PUT', '/api/v1/feedback/import-mappings', { body: { ...mapping, text_column: '内容' } });
    assert.equal(r.status, 200, r.text);
    r = await supervisor.request('PUT', '/api/v1/feedback/import-mappings', { body: mapping });
    assert.equal(r.json.text_column, '评价内容', 'the second save replaces the first');
    r = await supervisor.request('PUT', '/api/v1/feedback/import-mappings', { body: { ...mapping, source_name: '微博', store_id: CD01 } });
    assert.equal(errorCode(r), 'unknown_reference', 'a store the supervisor does not serve');

    const listed = (await agent.get('/api/v1/feedback/import-mappings')).json.items;
    assert.deepEqual(listed.map((m) => m.source_name), ['大众点评']);
    r = await supervisor.post('/api/v1/feedback/imports/preview?source_name=大众点评', dianping, { headers: CSV });
    assert.equal(r.json.mapping.post_id_column, '评价ID', 'the preview brings the remembered mapping');
  });

  it('an import reports added rows, duplicates and each skipped line with its reason; a second import adds nothing', async () => {
    const before = (await inbox(`store_id=${SH01}&source=social`)).total;
    let r = await importFile(supervisor, '大众点评', dianping);
    assert.equal(r.status, 200, r.text);
    const report = r.json;
    assert.equal(report.rows, 7);
    assert.equal(report.added, 2);
    assert.equal(report.duplicates, 1, 'dp-2 twice in the file');
    assert.deepEqual(report.skipped, [
      { line: 5, reason: 'empty_text' },
      { line: 6, reason: 'bad_time' },
      { line: 7, reason: 'unknown_store' },
      { line: 8, reason: 'too_long' },
    ]);
    const page = await inbox(`store_id=${SH01}&source=social`);
    assert.equal(page.total, before + 2);
    const parking = page.items.find((t) => t.source_ref === '大众点评:dp-1');
    assert.ok(parking, JSON.stringify(page.items.map((t) => t.source_ref)));
    assert.equal(parking.author, '小王');
    assert.equal(parking.rating, 2);
    assert.equal(parking.said_at, Date.UTC(2026, 10, 20, 6, 22), 'China time');
    const byName = page.items.find((t) => t.source_ref === '大众点评:dp-2');
    assert.equal(byName.rating, 5, '50 on the 0–50 scale');
    assert.equal(byName.store_id, SH01, 'the store by its name');

    r = await importFile(supervisor, '大众点评', dianping);
    assert.equal(r.json.added, 0);
    assert.equal(r.json.duplicates, 3);
    assert.equal((await inbox(`store_id=${SH01}&source=social`)).total, before + 2, 'nothing counted twice');
    assert.equal((await importFile(agent, '大众点评', dianping)).status, 403, 'agents do not import');
  });

  it('a GBK file saved by Excel is read as Chinese, and a post without an id is keyed by its content', async () => {
    let r = await supervisor.request('PUT', '/api/v1/feedback/import-mappings', {
      body: { source_name: '小红书', text_column: '评论', time_column: '时间', store_column: '门店' },
    });
    assert.equal(r.status, 200, r.text);
    // 评论,门店,时间 / 停车场收费太贵了,SH01,2026-11-20 10:00 / (empty),SH01,… — in GBK, CRLF.
    const gbk = Buffer.from(
      'c6c0c2db2cc3c5b5ea2ccab1bce40d0acda3b3b5b3a1cad5b7d1ccabb9f3c1cb2c534830312c323032362d31312d32302031303a30300d0a2c534830312c323032362d31312d32302031313a30300d0a',
      'hex',
    );
    r = await supervisor.post('/api/v1/feedback/imports/preview?source_name=小红书', gbk, { headers: CSV });
    assert.equal(r.json.encoding, 'gb18030');
    assert.deepEqual(r.json.columns, ['评论', '门店', '时间']);
    r = await importFile(supervisor, '小红书', gbk);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.added, 1);
    assert.deepEqual(r.json.skipped, [{ line: 3, reason: 'empty_text' }]);
    const item = (await supervisor.get(`/api/v1/feedback/items/${r.json.item_ids[0]}`)).json;
    assert.equal(item.text, '停车场收费太贵了');
    assert.equal(item.source, 'social');
    assert.match(item.source_ref, /^小红书:#[0-9a-f]{32}$/);
    assert.equal((await importFile(supervisor, '小红书', gbk)).json.duplicates, 1);
  });

  it('an XLSX export is read from its first sheet: dates in a date style, skipped rows by their row number', async () => {
    const file = workbook([
      ['笔记ID', '作者', '发布时间', '笔记内容', '门店'],
      ['x-1', '薯条', new Date(Date.UTC(2026, 10, 20, 14, 22)), '电梯口的指示牌 <看不清> & 太小', 'SH01'],
      [null, null, null, null, null],
      ['x-2', '小鹿', new Date(Date.UTC(2026, 10, 21, 9, 0)), '', 'SH01'],
      ['x-3', '阿柴', 46081, '试衣间排队太久', 'SH01'],
    ]);
    let r = await supervisor.request('PUT', '/api/v1/feedback/import-mappings', {
      body: { source_name: '小红书XLSX', text_column: '笔记内容', time_column: '发布时间', author_column: '作者', post_id_column: '笔记ID', store_column: '门店' },
    });
    assert.equal(r.status, 200, r.text);
    r = await supervisor.post('/api/v1/feedback/imports/preview?source_name=小红书XLSX', file, { headers: XLSX });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.format, 'xlsx');
    assert.deepEqual(r.json.columns, ['笔记ID', '作者', '发布时间', '笔记内容', '门店']);
    assert.deepEqual(r.json.rows[0], ['x-1', '薯条', '2026-11-20 14:22:00', '电梯口的指示牌 <看不清> & 太小', 'SH01']);
    assert.equal(r.json.total_rows, 3, 'the empty row is not counted');
    r = await importFile(supervisor, '小红书XLSX', file);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.format, 'xlsx');
    assert.equal(r.json.added, 1);
    assert.deepEqual(r.json.skipped, [{ line: 4, reason: 'empty_text' }, { line: 5, reason: 'bad_time' }], 'a plain number is no time');
    const item = (await supervisor.get(`/api/v1/feedback/items/${r.json.item_ids[0]}`)).json;
    assert.equal(item.said_at, Date.UTC(2026, 10, 20, 6, 22), 'the sheet shows China time');
    assert.equal(item.source_ref, '小红书XLSX:x-1');
    assert.equal((await importFile(supervisor, '小红书XLSX', file)).json.duplicates, 1);
    r = await supervisor.post('/api/v1/feedback/imports?source_name=小红书XLSX&offset=1&limit=1', file, { headers: XLSX });
    assert.equal(r.json.rows, 1, 'a slice of the rows, as the console sends an XLSX in parts');
    assert.deepEqual(r.json.skipped, [{ line: 4, reason: 'empty_text' }]);
  });

  it('a file that is not CSV, or lacks a mapped column, is refused whole and stores nothing', async () => {
    const before = (await inbox('source=social')).total;
    const xlsx = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64)]);
    let r = await importFile(supervisor, '大众点评', xlsx);
    assert.equal(errorCode(r), 'invalid_field', 'a damaged XLSX');
    r = await importFile(supervisor, '大众点评', '内容,门店\r\n停车难,SH01\r\n');
    assert.equal(errorCode(r), 'invalid_field');
    assert.match(r.json.error.message, /评价内容|评价内容/);
    r = await importFile(supervisor, '大众点评', '');
    assert.ok(r.status >= 400 && r.status < 500, r.text);
    assert.equal((await inbox('source=social')).total, before);
  });
});
