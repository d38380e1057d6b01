import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { mount } from '@vue/test-utils';
import { deskShortcut } from '../../src/console/features/tickets/lib/deskKeys.js';
import DeskView from '../../src/console/features/tickets/views/DeskView.vue';
import { useSession } from '../../src/console/stores/session.js';
import { globalOptions, mockFetch, flush } from './helpers.js';

const input = (type = 'text') => {
  const el = document.createElement('input');
  el.setAttribute('type', type);
  return el;
};

describe('deskShortcut', () => {
  const body = document.body;
  it('maps 1–7 to the types outside text fields', () => {
    expect(deskShortcut({ key: '1', target: body })).toEqual({ field: 'type', value: 'inquiry' });
    expect(deskShortcut({ key: '2', target: body })).toEqual({ field: 'type', value: 'complaint' });
    expect(deskShortcut({ key: '7', target: body })).toEqual({ field: 'type', value: 'praise' });
    expect(deskShortcut({ key: '8', target: body })).toBeNull();
  });
  it('works on a focused radio button but not while typing', () => {
    expect(deskShortcut({ key: '3', target: input('radio') })).toEqual({ field: 'type', value: 'return' });
    expect(deskShortcut({ key: '3', target: input('text') })).toBeNull();
    expect(deskShortcut({ key: 'e', target: document.createElement('textarea') })).toBeNull();
  });
  it('maps letters to channels', () => {
    expect(deskShortcut({ key: 'a', target: body })).toEqual({ field: 'channel', value: 'service_desk' });
    expect(deskShortcut({ key: 'E', target: body })).toEqual({ field: 'channel', value: 'hotline' });
    expect(deskShortcut({ key: 'z', target: body })).toBeNull();
  });
  it('maps Alt+1–4 to priorities, even in a text field', () => {
    expect(deskShortcut({ key: '¡', code: 'Digit1', altKey: true, target: input() })).toEqual({ field: 'priority', value: 'P1' });
    expect(deskShortcut({ key: '4', altKey: true, target: body })).toEqual({ field: 'priority', value: 'P4' });
    expect(deskShortcut({ key: '5', altKey: true, target: body })).toBeNull();
  });
  it('saves on Ctrl+Enter or Cmd+Enter anywhere, not on Enter alone', () => {
    expect(deskShortcut({ key: 'Enter', ctrlKey: true, target: input() })).toEqual({ action: 'save' });
    expect(deskShortcut({ key: 'Enter', metaKey: true, target: body })).toEqual({ action: 'save' });
    expect(deskShortcut({ key: 'Enter', target: body })).toBeNull();
  });
});

describe('DeskView', () => {
  let mounted;
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    mounted && mounted.unmount();
    delete globalThis.fetch;
  });

  function setup(routes) {
    const fetch = mockFetch({ 'GET /api/v1/stores': { items: [{ id: 1, code: 'SH01', name: '静安店' }] }, ...routes });
    const global = globalOptions();
    useSession().me = { id: 3, username: 'zhangmin', role: 'agent', store_ids: [1], department_ids: [] };
    mounted = mount(DeskView, { global, attachTo: document.body });
    return { w: mounted, ...fetch };
  }

  it('focuses the phone field on load', async () => {
    const { w } = setup({});
    await flush();
    expect(document.activeElement).toBe(w.find('input[data-test=desk-phone]').element);
  });

  it('picks type and priority from the keyboard and saves with Ctrl+Enter', async () => {
    const { w, calls } = setup({
      'POST /api/v1/tickets': () => [201, { id: 42, number: 'KF261122000042', status: 'new' }],
    });
    await flush();
    const root = w.find('[data-test=desk]');
    await root.trigger('keydown', { key: '2' });
    expect(w.vm.form.type).toBe('complaint');
    expect(w.vm.form.priority).toBe('P3'); // the type's default
    await root.trigger('keydown', { key: 'e' });
    expect(w.vm.form.channel).toBe('hotline');
    await root.trigger('keydown', { key: '1', altKey: true });
    expect(w.vm.form.priority).toBe('P1');
    await root.trigger('keydown', { key: '1' }); // a manual priority survives a type change
    expect(w.vm.form.priority).toBe('P1');
    await w.find('[data-test=desk-subject]').setValue('停车场收费太贵');
    await w.find('[data-test=desk-subject]').trigger('keydown', { key: 'Enter', ctrlKey: true });
    await flush();
    await flush();
    const post = calls.find((c) => c.method === 'POST');
    expect(post.path).toBe('/api/v1/tickets');
    expect(post.body).toEqual({ store_id: 1, type: 'inquiry', channel: 'hotline', priority: 'P1', subject: '停车场收费太贵' });
    expect(post.headers['Idempotency-Key']).toMatch(/\S{8,}/);
    expect(w.find('[data-test=desk-number]').text()).toBe('KF261122000042');
    expect(w.vm.form.subject).toBe(''); // reset for the next walk-in
    expect(w.vm.form.channel).toBe('service_desk');
  });

  it('uses a new Idempotency-Key for the next form but keeps it for a retry after a network error', async () => {
    let n = 0;
    const { w, calls } = setup({
      'POST /api/v1/tickets': () => [201, { id: ++n, number: 'KF' + n }],
    });
    await flush();
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (url, opts) => {
      if (opts && opts.method === 'POST') {
        calls.push({ method: 'POST', headers: opts.headers, failed: true });
        throw new TypeError('network');
      }
      return realFetch(url, opts);
    };
    await w.find('[data-test=desk-subject]').setValue('a');
    await w.vm.save();
    globalThis.fetch = realFetch;
    await w.vm.save();
    await w.find('[data-test=desk-subject]').setValue('b');
    await w.vm.save();
    const keys = calls
      .filter((c) => c.method === 'POST' && !(c.url || '').includes('tracking-slip'))
      .map((c) => c.headers['Idempotency-Key']);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('shows the tracking code to give the customer after registering', async () => {
    const { w } = setup({
      'POST /api/v1/tickets': () => [201, { id: 5, number: 'KF5' }],
      'POST /api/v1/tickets/5/tracking-slip': { number: 'KF5', tracking_code: '7KQ3MD', path: '/m/track?number=KF5', text_zh: '您的工单号：KF5，查询码：7KQ3MD。', text_en: 'x' },
    });
    await flush();
    await w.find('[data-test=desk-subject]').setValue('a');
    await w.vm.save();
    await flush();
    expect(w.find('[data-test=desk-tracking-code]').text()).toBe('7KQ3MD');
    expect(w.find('[data-test=desk-slip-text]').text()).toContain('7KQ3MD');
  });

  it('looks the member up on Enter and shows the masked phone', async () => {
    const { w, calls } = setup({
      'POST /api/v1/members/lookup': { items: [{ id: 7, name: '李娜', phone: '138****5678', member_no: 'M7', tier: 'gold', care_flags: [] }] },
      'POST /api/v1/tickets': () => [201, { id: 1, number: 'KF1' }],
    });
    await flush();
    await w.find('[data-test=desk-phone]').setValue('13812345678');
    await w.find('[data-test=desk-phone]').trigger('keydown', { key: 'Enter' });
    await flush();
    const lookup = calls.find((c) => c.url === '/api/v1/members/lookup');
    expect(lookup.body).toEqual({ phone: '13812345678' }); // in the body, never in the URL
    expect(calls.some((c) => c.url.includes('13812345678'))).toBe(false);
    expect(w.find('[data-test=desk-member-phone]').text()).toBe('138****5678');
    await w.find('[data-test=desk-subject]').setValue('x');
    await w.vm.save();
    expect(calls.find((c) => c.url === '/api/v1/tickets').body.member_id).toBe(7);
  });

  it("offers to create a member when none is found, and shows the server's message at the field", async () => {
    const { w, calls } = setup({
      'POST /api/v1/members/lookup': { items: [] },
      'POST /api/v1/tickets': () => [400, { error: { code: 'required', message: '缺少必填字段 subject', field: 'subject' } }],
    });
    await flush();
    await w.find('[data-test=desk-phone]').setValue('13900000000');
    await w.find('[data-test=desk-phone]').trigger('keydown', { key: 'Enter' });
    await flush();
    expect(w.find('[data-test=desk-member-create]').exists()).toBe(true);
    await w.vm.save();
    await flush();
    await new Promise((r) => setTimeout(r, 250)); // Element Plus debounces the error state
    expect(w.find('.el-form-item__error').text()).toBe('缺少必填字段 subject');
  });
});
