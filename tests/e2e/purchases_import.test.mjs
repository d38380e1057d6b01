// The POS import (收银数据导入) over HTTP, as a supervisor uses it: a POS source's columns and
// category names mapped once, a CSV (UTF-8 and GBK) imported twice with nothing stored twice,
// a bad receipt rejected alone with its rows, line numbers and reasons, a return row tied to
// its original line, the order discount shared across the lines to the fen, an XLSX read from
// its first sheet in slices of whole receipts. On SQLite, and on PostgreSQL with
// KEFU_E2E_DB=postgresql.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KefuServer, directory, errorCode } from './lib/server.mjs';
import { workbook } from './lib/xlsx.mjs';

const CSV = { 'content-type': 'text/csv' };
const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

describe('POS purchases import', () => {
  let server, agent, supervisor, SH01, memberNo;

  before(async () => {
    server = await KefuServer.start({ tickets: 0, members: 0 });
    const admin = await server.login('admin');
    SH01 = (await directory(admin)).storeByCode.SH01.id;
    agent = await server.login('zhangmin');
    supervisor = await server.login('chenjing');
    const m = await supervisor.post('/api/v1/members', { name: '王芳', phone: '13900001234', home_store_id: SH01 });
    assert.equal(m.status, 201, m.text);
    memberNo = m.json.member_no;
  });
  after(async () => {
    await server?.dispose();
  });

  const put = (body) => supervisor.request('PUT', '/api/v1/purchases/import-mappings', { body });
  const importFile = (source, body, query = '', headers = CSV) =>
    supervisor.post(`/api/v1/purchases/imports?source_name=${encodeURIComponent(source)}${query}`, body, { headers });
  const byReceipt = async (no) => (await supervisor.get(`/api/v1/purchases?receipt_no=${encodeURIComponent(no)}`)).json.items[0];

  const pos = () => [
    '小票号,门店,销售时间,会员,专柜,品牌,品名,品类,数量,单价,满减,积分,赠品,原小票,原行号',
    `E-1,SH01,2026-11-11 10:00,${memberNo},3F 女装区,茉伊,羊毛大衣,女装,1,1299.00,50,1249,否,,`,
    `E-1,SH01,2026-11-11 10:00,${memberNo},3F 女装区,茉伊,围巾,饰品,1,201.00,,,否,,`,
    'E-2,SH01,2026-11-11 11:00,,1F 化妆品区,澄颜,面霜,化妆品,1,12.3a,,,否,,',
    'E-2,SH01,2026-11-11 11:00,,1F 化妆品区,澄颜,小样,化妆品,1,0,,,是,,',
    'E-3,SH01,2026-11-12 09:00,,3F 女装区,茉伊,围巾,饰品,-1,201.00,,,否,E-1,2',
    'E-4,SH01,2026-11-12 09:30,M99999999,1F 化妆品区,澄颜,口红,化妆品,1,280.00,,,否,,',
    '',
  ].join('\r\n');

  it('maps a POS source once, for supervisors only', async () => {
    const mapping = {
      source_name: '海信收银',
      columns: {
        receipt_no: '小票号', store: '门店', sold_at: '销售时间', member: '会员', counter: '专柜', brand: '品牌', name: '品名',
        category: '品类', quantity: '数量', unit_price: '单价', order_discount: '满减', points_earned: '积分', gift: '赠品',
        original_receipt_no: '原小票', original_line_no: '原行号',
      },
      categories: { 女装: 'clothing', 化妆品: 'cosmetics' },
    };
    assert.equal((await agent.request('PUT', '/api/v1/purchases/import-mappings', { body: mapping })).status, 403);
    assert.equal(errorCode(await put({ ...mapping, columns: { receipt_no: '小票号' } })), 'required');
    assert.equal(errorCode(await put({ ...mapping, categories: { 女装: 'dresses' } })), 'invalid_enum');
    let r = await put(mapping);
    assert.equal(r.status, 200, r.text);
    r = await supervisor.get('/api/v1/purchases/import-mappings');
    assert.deepEqual(r.json.items.map((m) => m.source_name), ['海信收银']);
    assert.equal(r.json.items[0].categories['女装'], 'clothing');
  });

  it('imports a CSV twice: stored once, a bad receipt rejected alone, a return tied to its line', async () => {
    let r = await supervisor.post('/api/v1/purchases/imports/preview?source_name=海信收银', pos(), { headers: CSV });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.total_rows, 6);
    assert.equal(r.json.mapping.source_name, '海信收银');

    r = await importFile('海信收银', pos());
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.encoding, 'utf-8');
    assert.equal(r.json.receipts, 4);
    assert.equal(r.json.orders_added, 2, 'E-1 and the return E-3');
    assert.equal(r.json.lines_added, 3);
    assert.deepEqual(r.json.unmapped_categories, ['饰品']);
    const rejected = r.json.rejected.map((x) => [x.line, x.receipt_no, x.code, x.field]);
    assert.deepEqual(rejected, [
      [4, 'E-2', 'invalid_field', 'unit_price'],
      [5, 'E-2', 'invalid_field', 'unit_price'],
      [7, 'E-4', 'unknown_reference', 'member'],
    ]);
    assert.match(r.json.rejected[0].message.zh, /12\.3a/);
    assert.match(r.json.rejected[1].message.zh, /第 4 行/);
    assert.ok(r.json.rejected[2].message.en.length > 0);

    const again = await importFile('海信收银', pos());
    assert.equal(again.json.orders_added, 0);
    assert.equal(again.json.lines_added, 0);
    assert.equal(again.json.orders_on_file, 2);
    assert.equal(again.json.rejected.length, 3);

    const sale = await byReceipt('E-1');
    assert.equal(sale.source, 'import');
    assert.equal(sale.points_earned, 1249);
    assert.deepEqual(sale.lines.map((l) => [l.category, l.discount_share_fen, l.paid_fen]), [
      ['clothing', 4330, 125570],
      ['other', 670, 19430],
    ]);
    const ret = await byReceipt('E-3');
    assert.equal(ret.lines[0].original_line_id, sale.lines[1].id);
    const one = (await supervisor.get(`/api/v1/purchases/${sale.id}`)).json;
    assert.equal(one.lines[1].returned_units, 1);
    assert.equal((await supervisor.get(`/api/v1/purchases?member_id=${sale.member_id}`)).json.items.length, 1);
  });

  it('reads a GBK file saved by Excel, once', async () => {
    const mapping = { source_name: 'GBK收银', store_id: SH01, columns: { receipt_no: '小票号', store: '门店', sold_at: '销售时间', name: '品名', category: '品类', quantity: '数量', unit_price: '单价' }, categories: { 食品: 'food_packaged' } };
    assert.equal((await put(mapping)).status, 200);
    // 小票号,门店,销售时间,品名,品类,数量,单价 / G-1,SH01,…,坚果礼盒,食品,2,168.00 / G-1,…,鲜牛奶,食品,1,12.50 — GBK, CRLF.
    const gbk = Buffer.from(
      'd0a1c6b1bac52cc3c5b5ea2ccffacadbcab1bce42cc6b7c3fb2cc6b7c0e02ccafdc1bf2cb5a5bcdb0d0a472d312c534830312c323032362d31312d32312031353a30302cbce1b9fbc0f1bad02ccab3c6b72c322c3136382e30300d0a472d312c534830312c323032362d31312d32312031353a30302ccfcac5a3c4cc2ccab3c6b72c312c31322e35300d0a',
      'hex',
    );
    let r = await importFile('GBK收银', gbk);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.encoding, 'gb18030');
    assert.equal(r.json.orders_added, 1);
    assert.equal(r.json.lines_added, 2);
    r = await importFile('GBK收银', gbk);
    assert.equal(r.json.orders_on_file, 1);
    assert.equal(r.json.lines_added, 0);
    const o = await byReceipt('G-1');
    assert.deepEqual(o.lines.map((l) => [l.name, l.category, l.quantity, l.unit_price_fen]), [
      ['坚果礼盒', 'food_packaged', 2, 16800],
      ['鲜牛奶', 'food_packaged', 1, 1250],
    ]);
  });

  it('reads an XLSX in slices that never split a receipt', async () => {
    const mapping = { source_name: 'XLSX收银', store_id: SH01, columns: { receipt_no: '小票号', sold_at: '销售时间', name: '品名', unit_price: '单价', quantity: '数量' } };
    assert.equal((await put(mapping)).status, 200);
    const when = new Date(Date.UTC(2026, 10, 22, 2, 0));
    const file = workbook([
      ['小票号', '销售时间', '品名', '单价', '数量'],
      ['X-1', when, '运动鞋', 699, 1],
      ['X-1', when, '袜子', 29.9, 2],
      ['X-2', when, '跑步鞋', '599.00', 1],
    ]);
    let r = await supervisor.post('/api/v1/purchases/imports/preview?source_name=XLSX收银', file, { headers: XLSX });
    assert.equal(r.json.format, 'xlsx');
    assert.equal(r.json.total_rows, 3);
    r = await importFile('XLSX收银', file, '&offset=0&limit=1', XLSX);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.rows, 2, 'the slice of one row takes both rows of X-1');
    assert.equal(r.json.lines_added, 2);
    r = await importFile('XLSX收银', file, '&offset=1&limit=2', XLSX);
    assert.equal(r.json.rows, 1, 'starts after X-1');
    assert.equal(r.json.orders_added, 1);
    const x1 = await byReceipt('X-1');
    assert.deepEqual(x1.lines.map((l) => l.unit_price_fen), [69900, 2990]);
  });
});
