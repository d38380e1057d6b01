// Every message key the chat's files name — t('chat.x'), and the keys logic.js hands out —
// is in both languages, so a misspelt key shows up here and not as a raw key on the phone.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zh from '../../src/mobile/locales/zh-CN.js';
import en from '../../src/mobile/locales/en.js';
import { HANDOFF_REASONS, QUEUES } from '../../src/mobile/chat/logic.js';

const SRC = path.resolve(__dirname, '../../src/mobile');
const files = [
  ...fs.readdirSync(path.join(SRC, 'chat')).map((f) => path.join(SRC, 'chat', f)),
  path.join(SRC, 'views/ChatView.vue'),
  path.join(SRC, 'views/ChatStoresView.vue'),
  path.join(SRC, 'views/HomeView.vue'),
];
const lookup = (tree, key) => key.split('.').reduce((x, p) => (x == null ? undefined : x[p]), tree);

describe('chat messages', () => {
  const used = new Set();
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8');
    for (const m of src.matchAll(/['`]((?:chat|err|home)\.[a-zA-Z_]+(?:\.[a-zA-Z_]+)*)['`]/g)) used.add(m[1]);
  }
  for (const q of QUEUES) used.add(`chat.queues.${q}`);
  for (const e of ['customer', 'agent', 'idle', 'offline_message', 'other']) used.add(`chat.events.ended_${e}`);
  for (const r of HANDOFF_REASONS) used.add(`chat.events.handoff_${r}`);

  it('finds the keys', () => expect(used.size).toBeGreaterThan(40));

  it('resolves each in zh-CN and en', () => {
    const missing = [];
    for (const key of used)
      for (const [lang, tree] of [['zh-CN', zh], ['en', en]]) if (typeof lookup(tree, key) !== 'string') missing.push(`${lang} ${key}`);
    expect(missing).toEqual([]);
  });
});
