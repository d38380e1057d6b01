// Canned replies in the composer: `/` opens the search, the words after it filter as they are
// typed, ↑/↓ choose and Enter inserts; otherwise Enter sends and Shift+Enter is a new line.
import { describe, it, expect, afterEach } from 'vitest';
import { mount } from '@vue/test-utils';
import { cannedQuery, filterCanned, moveSelection } from '../../src/console/features/chat/lib/canned.js';
import ChatComposer from '../../src/console/features/chat/components/ChatComposer.vue';
import { globalOptions, mockFetch, flush } from './helpers.js';

const CANNED = [
  { id: 1, store_id: 1, owner_id: null, shortcut: 'hi', title: '问候', body: '您好，很高兴为您服务！' },
  { id: 2, store_id: 1, owner_id: null, shortcut: 'tuihuo', title: '退货政策', body: '七天无理由退货，请保留小票。' },
  { id: 3, store_id: null, owner_id: 3, shortcut: 'park', title: '停车', body: '会员停车前两小时免费。' },
  { id: 4, store_id: 1, owner_id: null, shortcut: 'parking', title: '停车收费', body: '停车每小时 10 元。' },
  { id: 5, store_id: null, owner_id: 3, shortcut: 'bye', title: '结束语', body: '感谢咨询，祝您购物愉快。' },
];

describe('the / filter', () => {
  it('is a / command only on one line starting with /', () => {
    expect(cannedQuery('/')).toBe('');
    expect(cannedQuery('/退货')).toBe('退货');
    expect(cannedQuery(' /x')).toBe(null);
    expect(cannedQuery('/x\ny')).toBe(null);
    expect(cannedQuery('hello')).toBe(null);
  });

  it('ranks a shortcut prefix first, then a shortcut, title or text match; my own before the store\'s on a tie', () => {
    expect(filterCanned(CANNED, 'park').map((c) => c.shortcut)).toEqual(['park', 'parking']);
    expect(filterCanned(CANNED, '退货').map((c) => c.id)).toEqual([2]); // title and body
    expect(filterCanned(CANNED, '停车').map((c) => c.shortcut)).toEqual(['park', 'parking']); // titles
    expect(filterCanned(CANNED, '小票').map((c) => c.id)).toEqual([2]); // body only
    expect(filterCanned(CANNED, 'PARK 免费').map((c) => c.id)).toEqual([3]); // every word, any case
    expect(filterCanned(CANNED, 'ｐａｒｋ').map((c) => c.id)).toEqual([3, 4]); // full-width letters
    expect(filterCanned(CANNED, 'nothing')).toEqual([]);
    expect(filterCanned(CANNED, '')).toHaveLength(5);
    expect(filterCanned(CANNED, '', { limit: 2 })).toHaveLength(2);
  });

  it('moves the selection around the list', () => {
    expect(moveSelection(0, -1, 3)).toBe(2);
    expect(moveSelection(2, 1, 3)).toBe(0);
    expect(moveSelection(1, 1, 3)).toBe(2);
    expect(moveSelection(0, 1, 0)).toBe(0);
  });
});

describe('ChatComposer', () => {
  let w;
  afterEach(() => {
    w && w.unmount();
    delete globalThis.fetch;
  });

  async function setup(props = {}) {
    const { calls } = mockFetch({ 'GET /api/v1/chat/canned': { items: CANNED } });
    w = mount(ChatComposer, { props: { storeId: 1, ...props }, global: globalOptions(), attachTo: document.body });
    return calls;
  }
  const box = () => w.find('textarea[data-test="chat-composer"]');
  async function type(text) {
    await box().setValue(text);
    await flush();
    await flush();
  }

  it('opens the search on /, filters as typed, ↑/↓ + Enter inserts the reply', async () => {
    const calls = await setup();
    await type('/');
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/chat/canned?store_id=1']);
    expect(w.findAll('[data-test="chat-canned-item"]')).toHaveLength(5);
    await type('/停车');
    const items = w.findAll('[data-test="chat-canned-item"]');
    expect(items.map((i) => i.text().split(' ')[0])).toEqual(['/park', '/parking']);
    expect(items[0].classes()).toContain('sel');
    await box().trigger('keydown', { key: 'ArrowDown' });
    expect(w.findAll('[data-test="chat-canned-item"]')[1].classes()).toContain('sel');
    await box().trigger('keydown', { key: 'Enter' });
    expect(box().element.value).toBe('停车每小时 10 元。');
    expect(w.find('[data-test="chat-canned"]').exists()).toBe(false);
    expect(w.emitted('send')).toBeUndefined(); // inserted, not sent
    await box().trigger('keydown', { key: 'Enter' });
    expect(w.emitted('send')).toEqual([['停车每小时 10 元。', false]]);
    expect(box().element.value).toBe('');
    await type('/zzz');
    expect(w.find('[data-test="chat-canned-empty"]').exists()).toBe(true);
    await box().trigger('keydown', { key: 'Escape' });
    expect(box().element.value).toBe('');
    expect(calls).toHaveLength(1); // loaded once
  });

  it('Enter sends, Shift+Enter does not; a whisper is sent as one', async () => {
    await setup();
    await type('第一行');
    await box().trigger('keydown', { key: 'Enter', shiftKey: true });
    expect(w.emitted('send')).toBeUndefined();
    await w.find('[data-test="chat-whisper"]').trigger('click');
    await box().trigger('keydown', { key: 'Enter' });
    expect(w.emitted('send')).toEqual([['第一行', true]]);
    await type('   ');
    await box().trigger('keydown', { key: 'Enter' });
    expect(w.emitted('send')).toHaveLength(1); // nothing to send
  });

  it('the live view\'s box only whispers and has no photo button', async () => {
    await setup({ whisperOnly: true });
    expect(w.find('[data-test="chat-whisper"]').exists()).toBe(false);
    expect(w.find('[data-test="chat-photo-input"]').exists()).toBe(false);
    await type('请注意语气');
    await w.find('[data-test="chat-send"]').trigger('click');
    expect(w.emitted('send')).toEqual([['请注意语气', true]]);
  });
});
