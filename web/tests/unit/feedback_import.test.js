// The import dialog's logic as a supervisor meets it: a GBK export from Excel reads as
// Chinese, the columns are guessed from the platforms' header names (or the source's saved
// mapping when it fits the file), and the parts' reports add up on the file's own lines.
import { describe, it, expect, afterEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import ImportDialog from '../../src/console/features/feedback/components/ImportDialog.vue';
import { addImportReport, decodeFile, emptyImportReport, guessMapping, importParts, isXlsx, mappingReady } from '../../src/console/features/feedback/lib/importing.js';
import { splitParts } from '../../src/console/features/kb/lib/parts.js';
import { flush, globalOptions } from './helpers.js';

// 评论,门店 / 停车难,SH01 in GBK.
const GBK = Uint8Array.from(Buffer.from('c6c0c2db2cc3c5b5ea0a' + 'cda3b3b5c4d12c534830310a', 'hex'));

describe('reading the file', () => {
  it('decodes UTF-8 (with or without a BOM), UTF-16 and GBK', () => {
    expect(decodeFile(GBK)).toEqual({ text: '评论,门店\n停车难,SH01\n', encoding: 'gb18030' });
    const utf8 = new TextEncoder().encode('评论\n好\n');
    expect(decodeFile(utf8)).toEqual({ text: '评论\n好\n', encoding: 'utf-8' });
    expect(decodeFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])).text).toBe('评论\n好\n');
    expect(decodeFile(Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00]))).toEqual({ text: 'a\n', encoding: 'utf-16' });
    expect(isXlsx(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBe(true);
    expect(isXlsx(utf8)).toBe(false);
  });
});

describe('the column mapping', () => {
  it('guesses each column from the names the platforms use, a column once', () => {
    const m = guessMapping(['评价ID', '用户名', '评价时间', '星级', '评价内容', '门店']);
    expect(m).toEqual({
      text_column: '评价内容', time_column: '评价时间', author_column: '用户名', rating_column: '星级',
      post_id_column: '评价ID', store_column: '门店', store_id: null,
    });
    expect(guessMapping(['内容', '时间']).author_column).toBe('');
    expect(mappingReady(guessMapping(['内容']))).toBe(false);
    expect(mappingReady({ ...guessMapping(['内容']), store_id: 1 })).toBe(true);
  });

  it('takes the saved mapping when the file has its columns, else guesses again', () => {
    const saved = { text_column: '正文', time_column: '', author_column: '博主', rating_column: '', post_id_column: 'mid', store_column: '', store_id: 3 };
    expect(guessMapping(['mid', '博主', '正文', '转发数'], saved)).toEqual({ ...saved });
    const other = guessMapping(['内容', '用户'], saved);
    expect(other.text_column).toBe('内容');
    expect(other.store_id).toBe(3);
  });

  it('adds the parts’ reports with each skipped row on its file line', () => {
    const lines = ['内容,门店', ...Array.from({ length: 5 }, (_, i) => `第${i}条,SH01`)];
    const parts = splitParts(lines.join('\n') + '\n', 'csv', 2);
    expect(parts.map((p) => p.rows)).toEqual([2, 2, 1]);
    const total = emptyImportReport();
    addImportReport(total, parts[0], { rows: 2, added: 1, duplicates: 0, skipped: [{ line: 3, reason: 'empty_text' }] });
    addImportReport(total, parts[2], { rows: 1, added: 0, duplicates: 1, skipped: [{ line: 2, reason: 'bad_time' }] });
    expect(total).toEqual({ rows: 3, added: 1, duplicates: 1, skipped: [{ line: 3, reason: 'empty_text' }, { line: 6, reason: 'bad_time' }] });
  });

  it('sends an XLSX whole with each slice of its rows, skipped rows on the sheet’s own row numbers', () => {
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04]);
    const parts = importParts(bytes, 'xlsx', { rows: 300, total: 700 });
    expect(parts.map((p) => [p.text.offset, p.text.limit, p.rows])).toEqual([[0, 300, 300], [300, 300, 300], [600, 100, 100]]);
    expect(parts[2].text.bytes).toBe(bytes);
    const total = addImportReport(emptyImportReport(), parts[1], { rows: 300, added: 299, duplicates: 0, skipped: [{ line: 317, reason: 'too_long' }] });
    expect(total.skipped).toEqual([{ line: 317, reason: 'too_long' }]);
    expect(importParts(bytes, 'xlsx', { total: 0 })).toEqual([]);
    expect(importParts('内容\n一\n二\n', 'csv', { rows: 1 }).map((p) => p.rows)).toEqual([1, 1]);
  });
});

describe('ImportDialog', () => {
  afterEach(() => vi.restoreAllMocks());

  it('previews a GBK file, fills in the saved mapping, saves it and imports in parts with one report', async () => {
    const calls = [];
    globalThis.fetch = vi.fn(async (url, opts = {}) => {
      const body = opts.body instanceof Blob ? await opts.body.text() : opts.body ? JSON.parse(opts.body) : undefined;
      const path = String(url).split('?')[0];
      calls.push({ method: opts.method || 'GET', url: String(url), path, body });
      const answers = {
        '/api/v1/feedback/import-mappings': opts.method === 'PUT' ? body : { items: [{ source_name: '点评', text_column: '评论', time_column: '', author_column: '', rating_column: '', post_id_column: '', store_column: '门店', store_id: null }] },
        '/api/v1/feedback/imports/preview': { format: 'csv', encoding: 'utf-8', columns: ['评论', '门店'], rows: [['停车难', 'SH01']], total_rows: 1, mapping: null },
        '/api/v1/feedback/imports': { rows: 1, added: 1, duplicates: 0, skipped: [], item_ids: [5] },
      };
      return new Response(JSON.stringify(answers[path]), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    const w = mount(ImportDialog, { props: { stores: [{ id: 1, name: '甲店' }] }, global: globalOptions(), attachTo: document.body });
    await flush();
    w.vm.$.setupState.sourceName = '点评';
    await flush();
    const input = document.querySelector('[data-test="feedback-import-file"]');
    Object.defineProperty(input, 'files', { value: [{ name: 'dp.csv', arrayBuffer: async () => GBK.buffer }] });
    input.dispatchEvent(new Event('change'));
    for (let i = 0; i < 5; i++) await flush();
    const preview = calls.find((c) => c.path.endsWith('/preview'));
    expect(preview.body).toBe('评论,门店\r\n停车难,SH01\r\n');
    expect(document.querySelector('[data-test="feedback-import-info"]').textContent).toContain('gb18030');
    expect(document.querySelector('[data-test="feedback-import-remembered"]')).not.toBe(null);
    document.querySelector('[data-test="feedback-import-start"]').click();
    for (let i = 0; i < 5; i++) await flush();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put.body).toMatchObject({ source_name: '点评', text_column: '评论', store_column: '门店' });
    const parts = calls.filter((c) => c.path === '/api/v1/feedback/imports');
    expect(parts).toHaveLength(1);
    expect(parts[0].url).toContain('source_name=%E7%82%B9%E8%AF%84');
    const report = document.querySelector('[data-test="feedback-import-report"]');
    expect(report.dataset.added).toBe('1');
    expect(w.emitted('imported')).toHaveLength(1);
    w.unmount();
  });

  it('sends an XLSX as it is, in slices of rows', async () => {
    const calls = [];
    globalThis.fetch = vi.fn(async (url, opts = {}) => {
      const path = String(url).split('?')[0];
      calls.push({ method: opts.method || 'GET', url: String(url), path, type: opts.body instanceof Blob ? opts.body.type : null });
      const answers = {
        '/api/v1/feedback/import-mappings': opts.method === 'PUT' ? {} : { items: [] },
        '/api/v1/feedback/imports/preview': { format: 'xlsx', encoding: 'utf-8', columns: ['内容', '门店'], rows: [['停车难', 'SH01']], total_rows: 2, mapping: null },
        '/api/v1/feedback/imports': { rows: 2, added: 2, duplicates: 0, skipped: [], item_ids: [5, 6] },
      };
      return new Response(JSON.stringify(answers[path]), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    const w = mount(ImportDialog, { props: { stores: [] }, global: globalOptions(), attachTo: document.body });
    await flush();
    w.vm.$.setupState.sourceName = '小红书';
    await flush();
    const input = document.querySelector('[data-test="feedback-import-file"]');
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    Object.defineProperty(input, 'files', { value: [{ name: 'notes.xlsx', arrayBuffer: async () => xlsx.buffer }] });
    input.dispatchEvent(new Event('change'));
    for (let i = 0; i < 5; i++) await flush();
    expect(calls.find((c) => c.path.endsWith('/preview')).type).toMatch(/spreadsheetml/);
    document.querySelector('[data-test="feedback-import-start"]').click();
    for (let i = 0; i < 5; i++) await flush();
    const parts = calls.filter((c) => c.path === '/api/v1/feedback/imports');
    expect(parts).toHaveLength(1);
    expect(parts[0].url).toMatch(/offset=0&limit=2/);
    expect(parts[0].type).toMatch(/spreadsheetml/);
    expect(document.querySelector('[data-test="feedback-import-report"]').dataset.added).toBe('2');
    w.unmount();
  });
});
