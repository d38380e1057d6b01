// A file sent in parts (the knowledge base import and the question-pairs import): the parts
// go one after the other, the progress counts their rows, the reports add up, a failure
// stops the run and says why, and a new file starts afresh.
import { describe, it, expect } from 'vitest';
import { usePartedImport } from '../../src/console/features/kb/composables/usePartedImport.js';

const file = (name, text) => ({ target: { files: [{ name, text: async () => text }] } });
const options = (send, seen = []) => ({
  formatOf: (name) => (name.endsWith('.csv') ? 'csv' : 'jsonl'),
  split: (text) => text.split('|').map((t) => ({ rows: t.length, text: t })),
  send,
  add: (report, part, format, r) => {
    report.rows += part.rows;
    report.added += r.added;
    seen.push([format, part.text]);
  },
  empty: () => ({ rows: 0, added: 0 }),
});

describe('usePartedImport', () => {
  it('sends the parts in order and adds their reports', async () => {
    const seen = [];
    let finished = 0;
    const run = usePartedImport({ ...options(async (f, text) => ({ added: text.length }), seen), done: () => finished++ });
    await run.pick(file('pairs.csv', 'ab|cde'));
    expect(run.rows.value).toBe(5);
    expect(run.format.value).toBe('csv');
    await run.start();
    expect(seen).toEqual([['csv', 'ab'], ['csv', 'cde']]);
    expect(run.report.value).toEqual({ rows: 5, added: 5 });
    expect(run.percent.value).toBe(100);
    expect([run.done.value, run.running.value, finished]).toEqual([true, false, 1]);
  });

  it('stops at a failed part and says why; a new file starts afresh', async () => {
    const run = usePartedImport(options(async (f, text) => {
      if (text === 'cde') throw new Error('服务器忙');
      return { added: 1 };
    }));
    await run.pick(file('kb.jsonl', 'ab|cde|f'));
    await run.start();
    expect(run.failed.value).toBe('服务器忙');
    expect(run.done.value).toBe(false);
    expect(run.percent.value).toBe(33); // the first part (2 of 6 rows) went through
    await run.pick(file('kb.jsonl', 'x'));
    expect([run.failed.value, run.report.value.rows, run.rows.value]).toEqual(['', 0, 1]);
  });
});
