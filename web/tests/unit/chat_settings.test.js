// The store's chat settings form: a queue may have its own reply targets (ticked), the
// others show the store's; saving sends only the ticked queues.
import { describe, it, expect, afterEach } from 'vitest';
import { mount } from '@vue/test-utils';
import ChatSettingsForm from '../../src/console/features/chat/components/ChatSettingsForm.vue';
import { useSession } from '../../src/console/stores/session.js';
import { globalOptions, mockFetch, flush } from './helpers.js';

const STORED = {
  store_id: 1, idle_end_minutes: 15, first_reply_seconds: 60, reply_gap_seconds: 180, welcome: '', offline_text: '',
  queue_targets: { parking: { first_reply_seconds: 20, reply_gap_seconds: 60 } },
  bot_queues: ['parking'], bot_answer: 0.7, bot_suggest: 0.35,
  generative: { enabled: true, base_url: 'http://10.0.0.5:8000', model: 'qwen2.5', timeout_ms: 8000, api_key_set: true, api_key_masked: '••••3456' },
};

describe('ChatSettingsForm', () => {
  let w;
  afterEach(() => {
    w && w.unmount();
    delete globalThis.fetch;
  });

  async function setup() {
    const { calls } = mockFetch({
      'GET /api/v1/stores': { items: [{ id: 1, name: '静安店' }] },
      'GET /api/v1/stores/1/chat-settings': STORED,
      'PUT /api/v1/stores/1/chat-settings': (call) => [200, { store_id: 1, ...call.body }],
    });
    const global = globalOptions();
    useSession().me = { id: 2, username: 'sup', role: 'supervisor', store_ids: [1], department_ids: [] };
    w = mount(ChatSettingsForm, { global, attachTo: document.body });
    for (let i = 0; i < 4; i++) await flush();
    return calls;
  }
  const row = (q) => w.find(`[data-test="chat-settings-queue-${q}"]`);
  // Element Plus puts data-test on the <input> itself or on its wrapper.
  const input = (name) => {
    const el = w.find(`[data-test="${name}"]`);
    return el.element.tagName === 'INPUT' ? el : el.find('input');
  };

  it('shows a queue\'s own targets where it has them and the store\'s elsewhere', async () => {
    await setup();
    expect(row('parking').find('[data-test="chat-settings-queue-parking-first"] input').element.value).toBe('20');
    expect(row('parking').find('[data-test="chat-settings-queue-parking-gap"] input').element.value).toBe('60');
    expect(row('returns').find('[data-test="chat-settings-queue-returns-first"]').exists()).toBe(false);
    expect(row('returns').text()).toContain('60 秒 / 180 秒');
  });

  it('saves the ticked queues\' targets and nothing for the others', async () => {
    const calls = await setup();
    await row('returns').find('[data-test="chat-settings-queue-returns-own"] input').setValue(true);
    await flush();
    const first = row('returns').find('[data-test="chat-settings-queue-returns-first"] input');
    await first.setValue('300');
    await first.trigger('blur');
    await row('parking').find('[data-test="chat-settings-queue-parking-own"] input').setValue(false);
    await flush();
    await w.find('[data-test="chat-settings-save"]').trigger('click');
    for (let i = 0; i < 4; i++) await flush();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put.body.queue_targets).toEqual({ returns: { first_reply_seconds: 300, reply_gap_seconds: 180 } });
    expect(put.body.first_reply_seconds).toBe(60);
    expect(put.body.bot_queues).toEqual(['parking'], 'what was stored stays unless changed');
    expect(put.body.bot_answer).toBe(0.7);
  });

  it('never has the model\'s key: shows it masked, keeps it unless a new one is typed', async () => {
    const calls = await setup();
    const key = input('chat-settings-gen-key');
    expect(key.element.value).toBe('');
    expect(key.attributes('placeholder')).toContain('••••3456');
    expect(input('chat-settings-gen-model').element.value).toBe('qwen2.5');
    await w.find('[data-test="chat-settings-save"]').trigger('click');
    for (let i = 0; i < 4; i++) await flush();
    let put = calls.filter((c) => c.method === 'PUT').at(-1);
    expect(put.body.generative).toEqual({ enabled: true, base_url: 'http://10.0.0.5:8000', model: 'qwen2.5', timeout_ms: 8000 });
    await key.setValue('sk-new');
    await w.find('[data-test="chat-settings-save"]').trigger('click');
    for (let i = 0; i < 4; i++) await flush();
    put = calls.filter((c) => c.method === 'PUT').at(-1);
    expect(put.body.generative.api_key).toBe('sk-new');
  });

  it('shows and saves the bot\'s thresholds as probabilities', async () => {
    const calls = await setup();
    expect(w.find('[data-test="chat-settings-bot-answer"] input').element.value).toBe('0.70');
    expect(w.text()).toContain('自动回答阈值');
    const suggest = w.find('[data-test="chat-settings-bot-suggest"] input');
    expect(suggest.element.value).toBe('0.35');
    await suggest.setValue('0.25');
    await suggest.trigger('blur');
    await w.find('[data-test="chat-settings-save"]').trigger('click');
    for (let i = 0; i < 4; i++) await flush();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put.body.bot_suggest).toBe(0.25);
    expect(put.body.bot_answer).toBe(0.7);
  });
});
