// Account life in the console (issue 11, hole 8): one's own password and sessions, the
// admin's token list with revocation, the staff page's deactivate / reset / sign-out, the
// router keeping a person whose password was reset on /account, and the demo banner.
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createRouter, createMemoryHistory } from 'vue-router';
import { ElMessageBox } from 'element-plus';
import AccountView from '../../src/console/features/auth/views/AccountView.vue';
import ApiTokensAdmin from '../../src/console/features/auth/views/ApiTokensAdmin.vue';
import StaffAdmin from '../../src/console/features/org/views/StaffAdmin.vue';
import LoginView from '../../src/console/features/auth/views/LoginView.vue';
import { useSession } from '../../src/console/stores/session.js';
import { globalOptions, mockFetch, flush } from './helpers.js';

async function mountWith(component, me, routes) {
  const fetchMock = mockFetch(routes);
  const global = globalOptions();
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      { path: '/workbench', component: { template: '<div />' } },
      { path: '/account', name: 'account', component: { template: '<div />' } },
      { path: '/login', component: { template: '<div />' } },
    ],
  });
  router.push('/account');
  await router.isReady();
  const session = useSession();
  session.me = me;
  session.loaded = true;
  const w = mount(component, { global: { ...global, plugins: [...global.plugins, router] }, attachTo: document.body });
  await flush();
  await flush();
  return { w, router, session, ...fetchMock };
}

const me = { id: 7, username: 'zhangmin', display_name: '张敏', role: 'agent', store_ids: [1], department_ids: [] };

describe('AccountView', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('changes the password with the current one and shows how many other sessions ended', async () => {
    const { w, calls } = await mountWith(AccountView, me, {
      'GET /api/v1/auth/sessions': { items: [{ id: 'a1', created_at: 1, expires_at: 2, current: true }, { id: 'b2', created_at: 1, expires_at: 2, current: false }] },
      'POST /api/v1/auth/password': { ok: true, other_sessions_ended: 1 },
      'GET /api/v1/auth/session': { authenticated: true, demo: false, staff: { ...me, must_change_password: false } },
    });
    expect(w.findAll('[data-test=session-row]').length).toBe(2);
    expect(w.findAll('[data-test=session-current]').length).toBe(1);
    await w.find('[data-test=current-password]').setValue('old-pass-1');
    await w.find('[data-test=new-password]').setValue('Night-shift-2026');
    await w.find('[data-test=confirm-password]').setValue('Night-shift-2026');
    await w.find('[data-test=password-form]').trigger('submit');
    await flush();
    await flush();
    const post = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/auth/password');
    expect(post.body).toEqual({ current_password: 'old-pass-1', new_password: 'Night-shift-2026' });
    expect(w.find('[data-test=current-password]').element.value).toBe('', 'the form is cleared');
  });

  it('refuses two different new passwords without asking the server', async () => {
    const { w, calls } = await mountWith(AccountView, me, { 'GET /api/v1/auth/sessions': { items: [] } });
    await w.find('[data-test=current-password]').setValue('old-pass-1');
    await w.find('[data-test=new-password]').setValue('Night-shift-2026');
    await w.find('[data-test=confirm-password]').setValue('Night-shift-2027');
    await w.find('[data-test=password-form]').trigger('submit');
    await flush();
    expect(calls.some((c) => c.path === '/api/v1/auth/password')).toBe(false);
    expect(w.text()).toContain('两次输入的新密码不一致');
  });

  it("shows the server's reason for a refused password", async () => {
    const { w } = await mountWith(AccountView, me, {
      'GET /api/v1/auth/sessions': { items: [] },
      'POST /api/v1/auth/password': () => [400, { error: { code: 'wrong_password', message: '当前密码不正确', field: 'current_password' } }],
    });
    await w.find('[data-test=current-password]').setValue('nope-nope');
    await w.find('[data-test=new-password]').setValue('Night-shift-2026');
    await w.find('[data-test=confirm-password]').setValue('Night-shift-2026');
    await w.find('[data-test=password-form]').trigger('submit');
    await flush();
    await flush();
    expect(w.text()).toContain('当前密码不正确');
  });

  it('after a reset, says so, and goes home once the new password is set', async () => {
    const { w, router } = await mountWith(AccountView, { ...me, must_change_password: true }, {
      'GET /api/v1/auth/sessions': { items: [] },
      'POST /api/v1/auth/password': { ok: true, other_sessions_ended: 0 },
      'GET /api/v1/auth/session': { authenticated: true, demo: false, staff: { ...me, must_change_password: false } },
    });
    expect(w.find('[data-test=must-change]').exists()).toBe(true);
    await w.find('[data-test=current-password]').setValue('Temp-pass-7391');
    await w.find('[data-test=new-password]').setValue('My-own-pass-2026');
    await w.find('[data-test=confirm-password]').setValue('My-own-pass-2026');
    await w.find('[data-test=password-form]').trigger('submit');
    for (let i = 0; i < 5; i++) await flush();
    expect(router.currentRoute.value.path).toBe('/workbench');
  });

  it('signs out everywhere else', async () => {
    const { w, calls } = await mountWith(AccountView, me, {
      'GET /api/v1/auth/sessions': { items: [{ id: 'a1', created_at: 1, expires_at: 2, current: true }] },
      'POST /api/v1/auth/sessions/end-others': { ended: 2 },
    });
    await w.find('[data-test=end-others]').trigger('click');
    await flush();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/auth/sessions/end-others')).toBe(true);
  });
});

describe('ApiTokensAdmin', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('lists tokens with their state and revokes an active one after asking', async () => {
    let revoked = false;
    const admin = { id: 1, username: 'admin', role: 'admin', store_ids: [], department_ids: [] };
    const { w, calls } = await mountWith(ApiTokensAdmin, admin, {
      'GET /api/v1/api-tokens': () => [200, { items: [
        { id: 5, name: 'POS 对接', staff_id: 3, scopes: ['tickets:read'], created_at: 1, expires_at: null, revoked, revoked_at: revoked ? 2 : null },
        { id: 4, name: '旧令牌', staff_id: 3, scopes: ['admin'], created_at: 1, expires_at: null, revoked: true, revoked_at: 2 },
      ] }],
      'POST /api/v1/api-tokens/5/revoke': () => ((revoked = true), [200, {}]),
      'GET /api/v1/staff': { items: [{ id: 3, display_name: '收银系统' }] },
    });
    const rows = w.findAll('[data-test=token-row]');
    expect(rows.length).toBe(2);
    expect(rows[0].find('[data-test=token-state]').text()).toBe('有效');
    expect(rows[1].find('[data-test=token-state]').text()).toBe('已吊销');
    expect(rows[1].find('[data-test=token-revoke]').exists()).toBe(false);
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm');
    await rows[0].find('[data-test=token-revoke]').trigger('click');
    for (let i = 0; i < 4; i++) await flush();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/api-tokens/5/revoke')).toBe(true);
    expect(w.findAll('[data-test=token-state]')[0].text()).toBe('已吊销');
  });

  it('revokes nothing when the admin cancels', async () => {
    const admin = { id: 1, username: 'admin', role: 'admin', store_ids: [], department_ids: [] };
    const { w, calls } = await mountWith(ApiTokensAdmin, admin, {
      'GET /api/v1/api-tokens': { items: [{ id: 5, name: 'POS', staff_id: 3, scopes: [], created_at: 1, expires_at: null, revoked: false, revoked_at: null }] },
      'GET /api/v1/staff': { items: [] },
    });
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel');
    await w.find('[data-test=token-revoke]').trigger('click');
    for (let i = 0; i < 3; i++) await flush();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});

describe('StaffAdmin account actions', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });
  const admin = { id: 1, username: 'admin', role: 'admin', store_ids: [], department_ids: [] };
  const staff = [
    { id: 1, username: 'admin', display_name: '管理员', role: 'admin', active: true, store_ids: [], department_ids: [] },
    { id: 3, username: 'zhangmin', display_name: '张敏', role: 'agent', active: true, store_ids: [], department_ids: [] },
    { id: 4, username: 'lihua', display_name: '李华', role: 'agent', active: false, store_ids: [], department_ids: [] },
  ];
  const routes = () => ({
    'GET /api/v1/staff': { items: staff },
    'GET /api/v1/stores': { items: [] },
    'GET /api/v1/departments': { items: [] },
    'POST /api/v1/staff/3/deactivate': { ...staff[1], active: false },
    'POST /api/v1/staff/4/reactivate': { ...staff[2], active: true },
    'POST /api/v1/staff/3/password': { id: 3, must_change_password: true, sessions_ended: 1 },
    'POST /api/v1/staff/3/sessions/end': { id: 3, ended: 2 },
  });
  const row = (w, username) => w.find(`[data-test=staff-row][data-username=${username}]`);

  it('offers no action on oneself, deactivate on the active and reactivate on the inactive', async () => {
    const { w } = await mountWith(StaffAdmin, admin, routes());
    expect(row(w, 'admin').find('[data-test=staff-deactivate]').exists()).toBe(false);
    expect(row(w, 'zhangmin').find('[data-test=staff-deactivate]').exists()).toBe(true);
    expect(row(w, 'lihua').find('[data-test=staff-reactivate]').exists()).toBe(true);
  });

  it('deactivates, reactivates, resets and ends sessions through the server after asking', async () => {
    const { w, calls } = await mountWith(StaffAdmin, admin, routes());
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm');
    vi.spyOn(ElMessageBox, 'prompt').mockResolvedValue({ value: 'Temp-pass-7391', action: 'confirm' });
    for (const [user, button] of [['zhangmin', 'staff-deactivate'], ['lihua', 'staff-reactivate'], ['zhangmin', 'staff-reset'], ['zhangmin', 'staff-end-sessions']]) {
      await row(w, user).find(`[data-test=${button}]`).trigger('click');
      for (let i = 0; i < 4; i++) await flush();
    }
    const posts = calls.filter((c) => c.method === 'POST').map((c) => c.path);
    expect(posts).toEqual(['/api/v1/staff/3/deactivate', '/api/v1/staff/4/reactivate', '/api/v1/staff/3/password', '/api/v1/staff/3/sessions/end']);
    expect(calls.find((c) => c.path === '/api/v1/staff/3/password').body).toEqual({ password: 'Temp-pass-7391' });
  });

  it('does nothing when the admin cancels', async () => {
    const { w, calls } = await mountWith(StaffAdmin, admin, routes());
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel');
    await row(w, 'zhangmin').find('[data-test=staff-deactivate]').trigger('click');
    for (let i = 0; i < 3; i++) await flush();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});

describe('the demo banner', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows on the sign-in page of a demo, not of a real installation', async () => {
    for (const demo of [true, false]) {
      const { w, session } = await mountWith(LoginView, null, {});
      session.demo = demo;
      await flush();
      expect(w.find('[data-test=demo-banner]').exists()).toBe(demo);
      w.unmount();
    }
  });

  it('the session store takes demo and must_change_password from the server', async () => {
    const { session } = await mountWith({ template: '<div />' }, null, {
      'GET /api/v1/auth/session': { authenticated: true, demo: true, staff: { ...me, must_change_password: true } },
    });
    await session.load();
    expect(session.demo).toBe(true);
    expect(session.mustChangePassword).toBe(true);
  });
});
