// The supervisor's live view: agents with presence and load, queues with the longest wait,
// late conversations, the capacity/queues edit, a conversation opened read-only with a
// whisper box, and the 5 s refresh.
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createRouter, createMemoryHistory } from 'vue-router';
import ChatMonitor from '../../src/console/features/chat/views/ChatMonitor.vue';
import { useSession } from '../../src/console/stores/session.js';
import { useChat } from '../../src/console/features/chat/store.js';
import { globalOptions, mockFetch } from './helpers.js';

class FakeWS {
  static last = null;
  constructor() {
    this.readyState = 0;
    this.sent = [];
    FakeWS.last = this;
  }
  send(text) {
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.readyState = 3;
  }
}

const NOW = Date.parse('2026-12-04T06:00:00Z');
const late = { id: 21, store_id: 1, queue: 'general', status: 'assigned', customer_name: '陈先生', agent_id: 4, participants: [], created_at: NOW - 240000,
  queued_at: NOW - 240000, assigned_at: NOW - 180000, first_reply_at: null, last_message_at: NOW - 180000, last_seq: 2, agent_read_seq: 2, customer_read_seq: 0,
  last_message: { sender: 'customer', kind: 'text', body: '有人吗' } };

describe('ChatMonitor', () => {
  let w, calls, monitorCalls;

  beforeEach(async () => {
    document.body.innerHTML = '';
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(NOW);
    globalThis.WebSocket = FakeWS;
    monitorCalls = 0;
    ({ calls } = mockFetch({
      'GET /api/v1/chat/monitor': () => {
        monitorCalls++;
        return [200, {
          agents: [
            { staff_id: 4, display_name: '刘洋', role: 'agent', presence: 'online', presence_at: NOW, capacity: 5, active: 5, queues: ['general'] },
            { staff_id: 6, display_name: '周静', role: 'agent', presence: 'away', presence_at: NOW, capacity: 4, active: 1, queues: ['returns', 'members'] },
          ],
          queues: [{ queue: 'general', waiting: 2, longest_wait_ms: 150000, staffed: true }, { queue: 'parking', waiting: 1, longest_wait_ms: 30000, staffed: false }],
          late: [late],
          targets: { first_reply_seconds: 60, reply_gap_seconds: 180 },
        }];
      },
      'PUT /api/v1/staff/6/chat': (c) => [200, { staff_id: 6, ...c.body }],
      'GET /api/v1/chat/me': { staff_id: 2, presence: 'offline', capacity: 3, queues: [], active: 0 },
      'GET /api/v1/chat/conversations': { items: [late] },
      'GET /api/v1/chat/conversations/21': { conversation: late, messages: [{ conversation_id: 21, seq: 1, sender: 'customer', kind: 'text', body: '有人吗', created_at: NOW - 180000 }] },
      'GET /api/v1/stores': { items: [{ id: 1, name: '静安店' }] },
      'GET /api/v1/staff': { items: [{ id: 4, display_name: '刘洋' }, { id: 6, display_name: '周静' }] },
    }));
    const global = globalOptions();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/chat/monitor', component: { template: '<div />' } }, { path: '/chat/canned', component: { template: '<div />' } }] });
    router.push('/chat/monitor');
    await router.isReady();
    useSession().me = { id: 2, username: 'sup', role: 'supervisor', store_ids: [1], department_ids: [] };
    w = mount(ChatMonitor, { global: { ...global, plugins: [...global.plugins, router] }, attachTo: document.body });
    await vi.advanceTimersByTimeAsync(10);
  });
  afterEach(() => {
    w.unmount();
    useChat().stop();
    vi.useRealTimers();
    delete globalThis.fetch;
    delete globalThis.WebSocket;
  });

  it('shows agents with presence and load, queues with the longest wait, and late conversations', async () => {
    const agents = w.findAll('[data-test="chat-monitor-agent"]');
    expect(agents.map((a) => a.text())).toEqual(['刘洋', '周静']);
    expect(w.findAll('[data-test="chat-monitor-presence"]').map((p) => p.text())).toEqual(['在线', '离开']);
    expect(w.findAll('[data-test="chat-monitor-load"]').map((p) => p.text())).toEqual(['5/5', '1/4']);
    const queues = w.findAll('[data-test="chat-monitor-queue"]');
    expect(queues[0].text()).toContain('一般咨询');
    expect(queues[0].text()).toContain('2分30秒');
    expect(queues[1].text()).toContain('无人在线');
    expect(w.find('[data-test="chat-monitor-late"] [data-test="chat-monitor-row"]').text()).toBe('陈先生');
    expect(w.find('[data-test="chat-monitor-late"]').text()).toContain('3分0秒');
  });

  it('edits an agent\'s capacity and queues', async () => {
    await w.findAll('[data-test="chat-monitor-edit"]')[1].trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    const dialog = document.querySelector('[data-test="chat-agent-dialog"]') || document.body;
    expect(dialog.textContent).toContain('周静');
    document.querySelector('[data-test="chat-agent-save"]').click();
    await vi.advanceTimersByTimeAsync(10);
    const put = calls.find((c) => c.method === 'PUT');
    expect(put.path).toBe('/api/v1/staff/6/chat');
    expect(put.body).toEqual({ capacity: 4, queues: ['returns', 'members'] });
  });

  it('refreshes every 5 s and opens a conversation read-only with a whisper box', async () => {
    await vi.advanceTimersByTimeAsync(1000); // the list's first load changed it: once more
    const before = monitorCalls;
    await vi.advanceTimersByTimeAsync(5000);
    expect(monitorCalls).toBe(before + 1);
    await w.find('[data-test="chat-monitor-late"] [data-test="chat-monitor-view"]').trigger('click');
    await vi.advanceTimersByTimeAsync(10);
    const drawer = document.querySelector('[data-test="chat-monitor-drawer"]') || document.body;
    expect(drawer.querySelectorAll('[data-test="chat-message"]')).toHaveLength(1);
    expect(drawer.querySelector('[data-test="chat-whisper"]')).toBeNull();
    expect(drawer.querySelector('[data-test="chat-photo-input"]')).toBeNull();
    expect(drawer.querySelector('textarea[data-test="chat-composer"]').getAttribute('placeholder')).toContain('内部备注');
  });
});
