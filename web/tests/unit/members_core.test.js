// The member core's panels (features/members): points with redemption from the keyboard and a
// refused redemption, tags saved at once, the merge dialog's preview and confirmation, the
// unmerge from the history, the search page.
import { describe, it, expect } from 'vitest';
import { mount } from '@vue/test-utils';
import PointsPanel from '../../src/console/features/members/components/PointsPanel.vue';
import TagsEditor from '../../src/console/features/members/components/TagsEditor.vue';
import MergeDialog from '../../src/console/features/members/components/MergeDialog.vue';
import HistoryPanel from '../../src/console/features/members/components/HistoryPanel.vue';
import IdentitiesPanel from '../../src/console/features/members/components/IdentitiesPanel.vue';
import { useSession } from '../../src/console/stores/session.js';
import { globalOptions, mockFetch, flush } from './helpers.js';

const rewards = { items: [{ code: 'parking_1h', name: '停车券（1 小时）', name_en: 'Parking', points: 100, active: true }] };

async function mountAs(component, props, role = 'agent') {
  const options = globalOptions();
  useSession().me = { id: 1, username: 'x', role };
  const w = mount(component, { props, global: options, attachTo: document.body });
  await flush();
  await flush();
  return w;
}

describe('members: points, tags, merge, history, identities', () => {
  it('shows the balance and the ledger, redeems on Enter, and says when points are short', async () => {
    let balance = 350;
    const { calls } = mockFetch({
      'GET /api/v1/members/7/points': () => [200, { balance, items: [{ id: 3, kind: 'earn', points: 350, reason: '消费', ref: 'order:1:earn', staff_id: null, created_at: 1 }], next_before: null }],
      'GET /api/v1/members/points/rewards': rewards,
      'POST /api/v1/members/7/points/redeem': (req) => {
        if (req.body.quantity * 100 > balance) return [409, { error: { code: 'points_insufficient', message: '积分不足：余额 150，需要 200' } }];
        balance -= req.body.quantity * 100;
        return [201, { entry: { id: 4, kind: 'redeem', points: -200 }, reward: rewards.items[0], quantity: req.body.quantity, balance }];
      },
    });
    const w = await mountAs(PointsPanel, { memberId: 7 });
    expect(w.find('[data-test=points-balance]').text()).toBe('350');
    expect(w.find('[data-test=points-entries]').text()).toContain('消费积分');
    w.vm.reward = 'parking_1h';
    w.vm.quantity = 2;
    await w.find('[data-test=redeem-form]').trigger('keyup.enter');
    await flush();
    await flush();
    const post = calls.find((c) => c.method === 'POST');
    expect(post.body).toEqual({ reward: 'parking_1h', quantity: 2 });
    expect(post.headers['Idempotency-Key']).toBeTruthy();
    expect(w.find('[data-test=points-balance]').text()).toBe('150');
    w.vm.reward = 'parking_1h';
    w.vm.quantity = 2;
    await w.vm.redeem();
    await flush();
    expect(w.find('[data-test=redeem-error]').text()).toContain('积分不足');
    expect(w.find('[data-test=adjust-form]').exists()).toBe(false); // agents do not adjust
    w.unmount();
  });

  it('lets a supervisor adjust with a reason', async () => {
    mockFetch({ 'GET /api/v1/members/7/points': { balance: 0, items: [], next_before: null }, 'GET /api/v1/members/points/rewards': rewards });
    const w = await mountAs(PointsPanel, { memberId: 7 }, 'supervisor');
    expect(w.find('[data-test=adjust-form]').exists()).toBe(true);
    w.unmount();
  });

  it('saves the tags all at once, trimmed', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/members/7/tags': { tags: ['VIP'] },
      'PUT /api/v1/members/7/tags': (req) => [200, { tags: req.body.tags }],
    });
    const w = await mountAs(TagsEditor, { memberId: 7 });
    expect(w.vm.tags).toEqual(['VIP']);
    w.vm.tags.push(' 爱喝咖啡 ');
    await w.vm.save();
    await flush();
    expect(calls.find((c) => c.method === 'PUT').body).toEqual({ tags: ['VIP', '爱喝咖啡'] });
    w.unmount();
  });

  it('finds the other record, shows what will move, and merges on confirmation', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/members/lookup': { items: [{ id: 9, name: '王芳', member_no: 'M00000009', phone: '139****0002' }] },
      'GET /api/v1/members/7/merge-preview': { kept_id: 7, other_id: 9, counts: { tickets: 2, member_points: 3 } },
      'POST /api/v1/members/7/merge': { id: 1, kept_id: 7, merged_id: 9, moved: {}, counts: {} },
    });
    const w = await mountAs(MergeDialog, { memberId: 7, modelValue: true }, 'supervisor');
    w.vm.key = 'M00000009';
    await w.vm.find();
    await flush();
    expect(document.body.querySelector('[data-test=merge-count-tickets]').textContent).toContain('2');
    await w.vm.confirm();
    await flush();
    expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/merge')).body).toEqual({ other_id: 9 });
    expect(w.emitted('merged')).toHaveLength(1);
    w.unmount();
  });

  it('offers the undo of an open merge in the history, to supervisors', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/members/7/history': { items: [{ id: 5, at: 1, kind: 'merged', detail: { merge_id: 1, other_no: 'M00000009' }, staff_id: 2 }] },
      'GET /api/v1/members/7/merges': { items: [{ id: 1, kept_id: 7, merged_id: 9, undone_at: null }] },
      'POST /api/v1/members/7/unmerge': { id: 1, undone_at: 2 },
    });
    const w = await mountAs(HistoryPanel, { memberId: 7 }, 'supervisor');
    expect(w.find('[data-test=event-merged]').text()).toContain('M00000009');
    await w.find('[data-test=unmerge-1]').trigger('click');
    await flush();
    expect(calls.find((c) => c.method === 'POST').body).toEqual({ merge_id: 1 });
    w.unmount();
    mockFetch({
      'GET /api/v1/members/7/history': { items: [{ id: 5, at: 1, kind: 'merged', detail: { merge_id: 1 } }] },
      'GET /api/v1/members/7/merges': { items: [{ id: 1, undone_at: null }] },
    });
    const agent = await mountAs(HistoryPanel, { memberId: 7 }, 'agent');
    expect(agent.find('[data-test=unmerge-1]').exists()).toBe(false);
    agent.unmount();
  });

  it('lists the identities with the main phone first and adds one', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/members/7/identities': { items: [{ id: 0, kind: 'phone', value: '138****5678', masked: true, primary: true, added_at: 1, added_by: null }] },
      'POST /api/v1/members/7/identities': () => [201, {}],
    });
    const w = await mountAs(IdentitiesPanel, { memberId: 7 });
    expect(w.find('[data-test=identity-value]').text()).toBe('138****5678');
    await w.findAll('form input').at(-1).setValue(' C0012345 ');
    await w.find('form').trigger('submit');
    await flush();
    expect(calls.find((c) => c.method === 'POST').body).toEqual({ kind: 'card', value: 'C0012345' });
    w.unmount();
  });
});
