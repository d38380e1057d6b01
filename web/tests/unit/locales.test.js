import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { messages } from '../../src/console/i18n.js';
import { features } from '../../src/console/features.js';

// The console's messages: the shared ones and every feature's, as i18n.js gathers them.
const zh = messages['zh-CN'];
const en = messages.en;

function keys(o, prefix = '') {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? keys(v, prefix + k + '.') : [prefix + k],
  );
}

describe('console locales', () => {
  it('zh-CN and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("every feature's own messages have the same keys in both languages", () => {
    const withMessages = features.filter((f) => f.messages);
    expect(withMessages.length).toBe(features.length);
    for (const f of withMessages) expect(keys(f.messages.en).sort(), f.name).toEqual(keys(f.messages['zh-CN']).sort());
  });
});

// Every key the console's sources name — t('a.b'), tm('a.b'), te('a.b'), label: 'a.b', and prefixes as in
// t('a.b.' + code) — is in both languages, so a moved or misspelt key shows up here, not as
// a raw key on screen.
describe('message keys used by the console', () => {
  const root = path.resolve(__dirname, '../../src/console');
  const files = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) return d.name === 'locales' ? [] : files(p);
      return /\.(vue|js)$/.test(d.name) ? [p] : [];
    });
  const used = new Map(); // key → file
  for (const file of files(root)) {
    const src = fs.readFileSync(file, 'utf8');
    const patterns = [/\bt[me]?\('([a-zA-Z_]+(?:\.[a-zA-Z_]+)*\.?)'/g, /label: '([a-zA-Z_]+\.[a-zA-Z_.]+)'/g];
    for (const re of patterns) for (const m of src.matchAll(re)) used.set(m[1], path.relative(root, file));
  }
  const lookup = (tree, key) => key.replace(/\.$/, '').split('.').reduce((x, p) => (x == null ? undefined : x[p]), tree);

  it('finds the keys', () => {
    expect(used.size).toBeGreaterThan(150);
    expect(used.has('detail.events.')).toBe(true); // a prefix
  });

  it('resolves each to a message (a prefix to a group of them) in zh-CN and en', () => {
    const missing = [];
    for (const [key, file] of used) {
      for (const [lang, tree] of [['zh-CN', zh], ['en', en]]) {
        const v = lookup(tree, key);
        const ok = key.endsWith('.') ? v && typeof v === 'object' : v !== undefined;
        if (!ok) missing.push(`${lang} ${key} (${file})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
