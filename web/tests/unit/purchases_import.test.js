// The POS import page as a supervisor meets it: the columns guessed from a POS export's
// header names (or the source's saved mapping), a CSV cut into parts of whole receipts, the
// parts' reports added up on the file's own lines, the rejected rows as a CSV, and the page
// going from the file to the report.
import { describe, it, expect, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import ImportView from '../../src/console/features/purchases/views/ImportView.vue';
import {
  addReport, csvCells, emptyReport, guessColumns, mappingReady, receiptParts, rejectedCsv,
} from '../../src/console/features/purchases/lib/importing.js';
import { flush, globalOptions } from './helpers.js';

const HEADER = ['小票号', '门店', '销售时间', '品名', '单价', '满减'];
const CSV = '小票号,门店,销售时间,品名,单价,满减\n' +
  'A1,SH01,2026-11-11 10:00,大衣,1299.00,50\n' +
  'A1,SH01,2026-11-11 10:00,"围巾,羊绒",201.00,\n' +
  'A2,SH01,2026-11-11 11:00,面霜,268.00,\n' +
  'A3,SH01,2026-11-11 12:00,口红,12.3a,\n';

describe('the column mapping', () => {
  it('guesses the POS fields from the header names, and keeps a saved mapping that fits', () => {
    const m = guessColumns(HEADER);
    expect(m).toMatchObject({ receipt_no: '小票号', store: '门店', sold_at: '销售时间', name: '品名', unit_price: '单价', order_discount: '满减', member: '' });
    expect(mappingReady(m, null)).toBe(true);
    expect(mappingReady({ ...m, store: '' }, null)).toBe(false);
    expect(mappingReady({ ...m, store: '' }, 3)).toBe(true);
    const saved = { columns: { receipt_no: '单号', sold_at: '时间', name: '商品', unit_price: '价' } };
    expect(guessColumns(['单号', '时间', '商品', '价'], saved)).toMatchObject(saved.columns);
    expect(guessColumns(HEADER, saved).receipt_no).toBe('小票号');
  });
});

describe('parts of whole receipts', () => {
  it('reads quoted cells', () => {
    expect(csvCells('A1,"围巾,羊绒","说""好"""')).toEqual(['A1', '围巾,羊绒', '说"好"']);
  });

  it('never splits a receipt across parts, each part with the header line', () => {
    const parts = receiptParts(CSV, HEADER, { rows: 1, receiptColumn: '小票号', storeColumn: '门店' });
    expect(parts.map((p) => p.rows)).toEqual([2, 1, 1]);
    expect(parts[0].text.split('\r\n')[0]).toBe(HEADER.join(','));
    expect(parts[0].firstLine).toBe(2);
    expect(parts[2].firstLine).toBe(5);
  });

  it('adds the parts up on the file lines and offers the rejected rows as CSV', () => {
    const parts = receiptParts(CSV, HEADER, { rows: 1, receiptColumn: '小票号' });
    const total = emptyReport();
    addReport(total, parts[0], { rows: 2, receipts: 1, orders_added: 1, orders_on_file: 0, lines_added: 2, lines_on_file: 0, rejected: [], unmapped_categories: ['饰品'] });
    addReport(total, parts[2], {
      rows: 1, receipts: 1, orders_added: 0, orders_on_file: 0, lines_added: 0, lines_on_file: 0,
      rejected: [{ line: 2, receipt_no: 'A3', code: 'invalid_field', field: 'unit_price', message: { zh: 'unit_price 无效：「12.3a」不是金额', en: 'unit_price is invalid' } }],
      unmapped_categories: ['饰品'],
    });
    expect(total.orders_added).toBe(1);
    expect(total.rejected[0].line).toBe(5);
    expect(total.unmapped_categories).toEqual(['饰品']);
    const csv = rejectedCsv(total.rejected, 'zh-CN');
    expect(csv.startsWith('\uFEFF行号,小票号,字段,原因\r\n')).toBe(true);
    expect(csv).toContain('5,A3,unit_price,unit_price 无效：「12.3a」不是金额');
    expect(rejectedCsv(total.rejected, 'en')).toContain('unit_price is invalid');
  });
});

describe('the import page', () => {
  it('goes from the file to the preview, the mapping, the parts and the report', async () => {
    const calls = [];
    globalThis.fetch = vi.fn(async (url, opts = {}) => {
      const path = String(url).split('?')[0];
      calls.push({ method: opts.method || 'GET', url: String(url), path, body: opts.body instanceof Blob ? await opts.body.text() : opts.body });
      const answers = {
        '/api/v1/stores': { items: [{ id: 1, name: '上海店' }] },
        '/api/v1/purchases/import-mappings': opts.method === 'PUT' ? {} : { items: [] },
        '/api/v1/purchases/imports/preview': { format: 'csv', encoding: 'utf-8', columns: HEADER, rows: [], total_rows: 4, mapping: null },
        '/api/v1/purchases/imports': {
          rows: 4, receipts: 3, orders_added: 2, orders_on_file: 0, lines_added: 3, lines_on_file: 0,
          rejected: [{ line: 5, receipt_no: 'A3', code: 'invalid_field', field: 'unit_price', message: { zh: '不是金额', en: 'not an amount' } }],
          unmapped_categories: [],
        },
      };
      return new Response(JSON.stringify(answers[path] ?? {}), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    const w = mount(ImportView, { global: globalOptions(), attachTo: document.body });
    await flush();
    w.vm.$.setupState.sourceName = '海信收银';
    await flush();
    const input = document.querySelector('[data-test="pos-import-file"]');
    const bytes = new TextEncoder().encode(CSV);
    Object.defineProperty(input, 'files', { value: [{ name: 'pos.csv', arrayBuffer: async () => bytes.buffer }] });
    input.dispatchEvent(new Event('change'));
    for (let i = 0; i < 5; i++) await flush();
    expect(document.querySelector('[data-test="pos-import-info"]').textContent).toContain('4');
    document.querySelector('[data-test="pos-import-start"]').click();
    for (let i = 0; i < 8; i++) await flush();
    const put = calls.find((c) => c.method === 'PUT');
    expect(JSON.parse(put.body)).toMatchObject({ source_name: '海信收银', columns: { receipt_no: '小票号', unit_price: '单价' } });
    const parts = calls.filter((c) => c.path === '/api/v1/purchases/imports');
    expect(parts).toHaveLength(1);
    expect(parts[0].body).toContain('A3,SH01');
    const report = document.querySelector('[data-test="pos-import-report"]');
    expect(report.dataset.added).toBe('2');
    expect(report.dataset.rejected).toBe('1');
    expect(document.querySelector('[data-test="pos-import-rejected"]').textContent).toContain('A3');
    expect(document.querySelector('[data-test="pos-import-download"]')).not.toBe(null);
    w.unmount();
  }, 30000);
});
