// A large knowledge base file goes to the server in parts of whole records, and the
// rejected rows of every part come back with the file's own line numbers.
import { describe, expect, it } from 'vitest';
import { addReport, emptyReport, splitParts } from '@/console/features/kb/lib/parts.js';
import { categoryPath, categoryTree } from '@/console/features/kb/lib/tree.js';

describe('knowledge base import parts', () => {
  it('cuts a CSV into parts of whole records, each with the header', () => {
    const csv = '\uFEFFexternal_id,question,answer\r\na,问1,答1\r\nb,问2,"两行\r\n答案"\r\nc,问3,答3\r\n';
    const parts = splitParts(csv, 'csv', 2);
    expect(parts.map((p) => p.rows)).toEqual([2, 1]);
    expect(parts[0].text).toBe('external_id,question,answer\r\na,问1,答1\r\nb,问2,"两行\r\n答案"\r\n');
    expect(parts[1].text).toBe('external_id,question,answer\r\nc,问3,答3\r\n');
    expect(parts[1].firstLine).toBe(5);
    const total = addReport(emptyReport(), parts[1], 'csv', { rows: 1, created: 0, updated: 0, unchanged: 0, rejected: [{ line: 2, code: 'required' }] });
    expect(total.rejected[0].line).toBe(5);
  });

  it('cuts JSON Lines by lines, skipping blanks, and maps reported lines back to the file', () => {
    const parts = splitParts('{"a":1}\n\n{"a":2}\n{"a":3}\n', 'jsonl', 2);
    expect(parts.map((p) => p.text)).toEqual(['{"a":1}\n{"a":2}\n', '{"a":3}\n']);
    const total = emptyReport();
    addReport(total, parts[0], 'jsonl', { rows: 2, created: 1, updated: 0, unchanged: 0, rejected: [{ line: 2 }] });
    addReport(total, parts[1], 'jsonl', { rows: 1, created: 0, updated: 0, unchanged: 1, rejected: [] });
    expect(total).toMatchObject({ rows: 3, created: 1, unchanged: 1 });
    expect(total.rejected[0].line).toBe(3);
  });

  it('builds the category tree and paths', () => {
    const cats = [{ id: 1, parent_id: null, name: '停车', position: 0 }, { id: 2, parent_id: 1, name: '停车券', position: 0 }];
    expect(categoryTree(cats)[0].children[0].label).toBe('停车券');
    expect(categoryPath(cats, 2)).toBe('停车 / 停车券');
  });
});
