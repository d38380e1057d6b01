// 个人信息请求 (features/privacy): what the search box means, which counts are shown, who may
// decide a request (the two-person rule in the console), and the page's flow: find a person,
// see the dry run, export, request erasure; retention and audit only for admins.
import { describe, it, expect, afterEach } from 'vitest';
import { mount } from '@vue/test-utils';
import PrivacyView from '../../src/console/features/privacy/views/PrivacyView.vue';
import { heldKinds, mayDecide, personQuery } from '../../src/console/features/privacy/lib/person.js';
import { atLeast } from '../../src/shared/vocab.js';
import { useSession } from '../../src/console/stores/session.js';
import { globalOptions, mockFetch, flush } from './helpers.js';

const PERSON = {
  person: '139****5678', found: true, member_ids: [12], last_contact_at: 1795278600000,
  counts: { members: 1, tickets: 2, chat_messages: 0 }, total: 3,
};

describe('privacy: the plain logic', () => {
  it('reads a member id or a phone from the search box', () => {
    expect(personQuery('#12')).toEqual({ member_id: 12 });
    expect(personQuery(' 12 ')).toEqual({ member_id: 12 });
    expect(personQuery('139 1234 5678')).toEqual({ phone: '139 1234 5678' });
    expect(personQuery('13912345678')).toEqual({ phone: '13912345678' });
    expect(personQuery('  ')).toBe(null);
  });
  it('shows the kinds that hold rows', () => {
    expect(heldKinds(PERSON.counts)).toEqual([['members', 1], ['tickets', 2]]);
    expect(heldKinds(undefined)).toEqual([]);
  });
  it('lets a manager decide a waiting request, but not confirm their own', () => {
    const table = [
      // me, requested_by, state, move, may
      [{ id: 1, role: 'supervisor' }, 2, 'requested', 'confirm', false],
      [{ id: 1, role: 'manager' }, 2, 'requested', 'confirm', true],
      [{ id: 1, role: 'manager' }, 1, 'requested', 'confirm', false],
      [{ id: 1, role: 'manager' }, 1, 'requested', 'refuse', true],
      [{ id: 1, role: 'admin' }, 2, 'done', 'confirm', false],
      [null, 2, 'requested', 'refuse', false],
    ];
    for (const [me, by, state, move, may] of table)
      expect(mayDecide(me, { requested_by: by, state }, move, atLeast), JSON.stringify([me, by, state, move])).toBe(may);
  });
});

describe('privacy: the page', () => {
  let w;
  afterEach(() => {
    w?.unmount();
    delete globalThis.fetch;
  });

  async function setup(role) {
    const mock = mockFetch({
      'POST /api/v1/privacy/people/search': PERSON,
      'POST /api/v1/privacy/exports': () => [201, { ...PERSON, token: 'tok', path: '/api/v1/privacy/exports/tok', expires_at: 1 }],
      'POST /api/v1/privacy/requests': (call) => [201, { id: 5, person: PERSON.person, reason: call.body.reason, state: 'requested', requested_by: 1, requested_at: 1, counts: {} }],
      'GET /api/v1/privacy/requests': { items: [{ id: 4, person: '会员 #9', reason: '来电', state: 'requested', requested_by: 7, requested_at: 1, counts: { tickets: 1 } }] },
      'GET /api/v1/privacy/retention': { items: [{ kind: 'export_links', enabled: true, days: 1, updated_by: null, updated_at: null }] },
      'GET /api/v1/privacy/audit': { items: [{ id: 1, actor_id: 1, action: 'privacy.export', entity: 'privacy_export', entity_id: 12, detail: { person: '会员 #12' }, created_at: 1 }] },
    });
    const global = globalOptions();
    useSession().me = { id: 1, username: 'me', role, store_ids: [1], department_ids: [] };
    w = mount(PrivacyView, { global });
    for (let i = 0; i < 4; i++) await flush();
    return mock.calls;
  }

  it('finds a person, shows the dry run, exports and requests erasure', async () => {
    const calls = await setup('supervisor');
    await w.find('[data-test="privacy-who"]').setValue('139 1234 5678');
    await w.find('form').trigger('submit');
    for (let i = 0; i < 3; i++) await flush();
    expect(calls.find((c) => c.path === '/api/v1/privacy/people/search').body).toEqual({ phone: '139 1234 5678' });
    expect(w.find('[data-test="privacy-count-tickets"]').text()).toContain('2');
    expect(w.find('[data-test="privacy-count-chat_messages"]').exists()).toBe(false);

    await w.find('[data-test="privacy-reason"]').setValue('顾客来电要求删除');
    await w.find('[data-test="privacy-request"]').trigger('click');
    for (let i = 0; i < 3; i++) await flush();
    const req = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/privacy/requests');
    expect(req.body).toEqual({ phone: '139 1234 5678', reason: '顾客来电要求删除' });
    expect(req.headers['Idempotency-Key']).toBeTruthy();

    // A supervisor neither decides requests nor sees retention and the audit.
    expect(w.find('[data-test="privacy-confirm-4"]').exists()).toBe(false);
    expect(w.find('[data-test="privacy-retention"]').exists()).toBe(false);
    expect(calls.some((c) => c.path === '/api/v1/privacy/audit')).toBe(false);
  });

  it('an admin sees the decisions, the retention rules and the audit', async () => {
    await setup('admin');
    expect(w.find('[data-test="privacy-confirm-4"]').exists()).toBe(true);
    expect(w.find('[data-test="privacy-refuse-4"]').exists()).toBe(true);
    expect(w.find('[data-test="privacy-rule-export_links"]').exists()).toBe(true);
    expect(w.find('[data-test="privacy-audit"]').text()).toContain('会员 #12');
  });
});
