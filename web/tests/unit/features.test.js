// Features gathered (console/features.js): routes, menus, panels and messages come from
// features/<name>/index.js, and the console's router, menu and i18n use what is gathered.
import { describe, it, expect, vi } from 'vitest';
import { createRouter, createMemoryHistory } from 'vue-router';
import {
  gatherFeatures, gatherRoutes, gatherMenu, visibleMenu, gatherPanels, gatherMessages,
  features, featureRoutes, mainMenu, adminMenu, ticketPanels, dashboardPanels, chatPanels,
} from '../../src/console/features.js';
import { routes } from '../../src/console/router.js';
import { messages } from '../../src/console/i18n.js';
import { atLeast } from '../../src/shared/vocab.js';

const view = () => Promise.resolve({ default: { name: 'V' } });
const mod = (extra) => ({ ...extra });

describe('gathering', () => {
  it('names a feature by its folder, in name order', () => {
    const fs = gatherFeatures({ './features/tickets/index.js': mod({ a: 1 }), './features/auth/index.js': mod({}) });
    expect(fs.map((f) => f.name)).toEqual(['auth', 'tickets']);
    expect(fs[1].a).toBe(1);
  });

  it('keeps layout routes and bare routes apart, and refuses a name or path taken twice', () => {
    const a = { name: 'a', routes: [{ path: '/x', name: 'x', component: view }], bareRoutes: [{ path: '/login', name: 'login', component: view }] };
    const b = { name: 'b', routes: [{ path: '/y', name: 'y', component: view }] };
    const r = gatherRoutes([a, b]);
    expect(r.routes.map((x) => x.name)).toEqual(['x', 'y']);
    expect(r.bareRoutes.map((x) => x.name)).toEqual(['login']);
    expect(() => gatherRoutes([a, { name: 'c', routes: [{ path: '/z', name: 'x', component: view }] }])).toThrow(/route name "x" of feature c is already taken by a/);
    expect(() => gatherRoutes([a, { name: 'c', routes: [{ path: '/x', name: 'z', component: view }] }])).toThrow(/route path/);
  });

  it('orders menu entries, refuses a key taken twice and shows each role its own', () => {
    const fs = [
      { name: 'a', menu: [{ key: 'late', path: '/l', order: 90 }, { key: 'boss', path: '/b', order: 20, minRole: 'supervisor' }] },
      { name: 'b', menu: [{ key: 'early', path: '/e', order: 10 }] },
    ];
    const menu = gatherMenu(fs);
    expect(menu.map((e) => e.key)).toEqual(['early', 'boss', 'late']);
    expect(visibleMenu(menu, 'agent', atLeast).map((e) => e.key)).toEqual(['early', 'late']);
    expect(visibleMenu(menu, 'manager', atLeast).map((e) => e.key)).toEqual(['early', 'boss', 'late']);
    expect(visibleMenu(menu, null, atLeast)).toEqual([]);
    expect(gatherMenu(fs, 'adminMenu')).toEqual([]);
    expect(() => gatherMenu([...fs, { name: 'c', menu: [{ key: 'early', path: '/x' }] }])).toThrow(/menu entry "early"/);
  });

  it('groups panels by area in order and imports each component once', async () => {
    const loader = vi.fn(view);
    const areas = gatherPanels([
      { name: 'a', ticketPanels: [{ key: 'two', area: 'side', order: 20, component: loader }, { key: 'head', area: 'header', component: view }] },
      { name: 'b', ticketPanels: [{ key: 'one', order: 10, component: view }] },
    ]);
    expect(areas.side.map((p) => p.key)).toEqual(['one', 'two']); // side is the default area
    expect(areas.header.map((p) => p.key)).toEqual(['head']);
    expect(areas.main).toEqual([]);
    const p = areas.side[1];
    expect(p.resolved).toBeNull();
    await p.load();
    await p.load();
    expect(loader).toHaveBeenCalledTimes(1);
    expect(p.resolved).toEqual({ name: 'V' });
    expect(() => gatherPanels([{ name: 'a', ticketPanels: [{ key: 'x', area: 'footer', component: view }] }])).toThrow(/unknown area/);
    expect(() => gatherPanels([{ name: 'a', ticketPanels: [{ key: 'x', component: { name: 'Eager' } }] }])).toThrow(/import/);
    expect(() => gatherPanels([{ name: 'a', ticketPanels: [{ key: 'x', component: view }] }, { name: 'b', ticketPanels: [{ key: 'x', component: view }] }])).toThrow(/"x"/);
  });

  it('merges messages by namespace and refuses a namespace owned twice', () => {
    const shared = { 'zh-CN': { common: { ok: '好' } }, en: { common: { ok: 'OK' } } };
    const m = gatherMessages(shared, [{ name: 'a', messages: { 'zh-CN': { a: { x: '甲' } }, en: { a: { x: 'A' } } } }]);
    expect(m['zh-CN']).toEqual({ common: { ok: '好' }, a: { x: '甲' } });
    expect(m.en.a.x).toBe('A');
    expect(() => gatherMessages(shared, [{ name: 'a', messages: { en: { common: { ok: 'x' } } } }])).toThrow(/"common" of feature a is already taken by shared/);
    const twice = [{ name: 'a', messages: { en: { n: {} } } }, { name: 'b', messages: { en: { n: {} } } }];
    expect(() => gatherMessages({}, twice)).toThrow(/"n" of feature b is already taken by a/);
  });
});

describe("the console's features", () => {
  const routeByPath = (path) => [...featureRoutes.routes, ...featureRoutes.bareRoutes].find((r) => r.path === path);

  it('are the server capabilities', () => {
    expect(features.map((f) => f.name)).toEqual(['auth', 'bot', 'callbacks', 'chat', 'feedback', 'kb', 'members', 'notifications', 'org', 'performance', 'privacy', 'purchases', 'quality', 'remedies', 'reports', 'returns', 'sla', 'tickets', 'wallboard']);
  });

  it('load every view lazily (a dynamic import, not a component)', () => {
    const all = [...featureRoutes.routes, ...featureRoutes.bareRoutes];
    expect(all.length).toBeGreaterThanOrEqual(14);
    for (const r of all) {
      expect(typeof r.component, r.path).toBe('function');
      expect(r.component.setup || r.component.render || r.component.__name, r.path).toBeUndefined();
    }
  });

  it('give every menu entry a route with the same role', () => {
    expect(mainMenu.map((e) => e.key)).toEqual(['workbench', 'desk', 'chat', 'tickets', 'members', 'notifications', 'purchases', 'purchases-import', 'feedback', 'approvals', 'chat-monitor', 'kb', 'dashboard', 'monthly-report', 'wallboard', 'bot-ops', 'report-schedules', 'feedback-nps', 'feedback-hot', 'feedback-journey', 'feedback-actions', 'returns-desk', 'returns-policy', 'returns-report', 'quality-mine', 'quality-queue', 'quality-calibrations', 'quality-report', 'quality-auto-hits', 'privacy', 'my-kpi', 'kpi', 'cases']);
    expect(adminMenu.map((e) => e.key)).toEqual(['stores', 'departments', 'staff', 'api-tokens', 'sla', 'limits', 'kb-catalog', 'kb-import', 'kb-learning', 'kb-duplicates', 'feedback-training', 'feedback-topics', 'quality-scorecards', 'quality-auto-rules']);
    for (const e of [...mainMenu, ...adminMenu]) {
      const r = routeByPath(e.path);
      expect(r, e.path).toBeTruthy();
      expect(r.meta?.minRole, e.path).toBe(e.minRole);
    }
  });

  it('route the console: sign-in outside the layout, the pages inside, /admin to the first admin page', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    expect(router.resolve('/login').matched).toHaveLength(1);
    const ticket = router.resolve('/tickets/7');
    expect(ticket.name).toBe('ticket');
    expect(ticket.matched).toHaveLength(2);
    expect(router.resolve('/admin/sla').meta.minRole).toBe('admin');
    router.push('/admin');
    await router.isReady();
    expect(router.currentRoute.value.path).toBe('/admin/stores');
  });

  it('have their messages in the console i18n', () => {
    for (const lang of ['zh-CN', 'en']) {
      for (const f of features) for (const ns of Object.keys((f.messages || {})[lang] || {})) expect(messages[lang][ns], `${f.name}: ${ns}`).toBe(f.messages[lang][ns]);
    }
    expect(messages['zh-CN'].common.save).toBe('保存');
  });

  it("give the ticket page and the dashboard their panels, each the owner feature's", () => {
    const keys = (areas) => Object.fromEntries(Object.entries(areas).map(([a, ps]) => [a, ps.map((p) => p.key)]));
    expect(keys(ticketPanels)).toEqual({
      header: ['sla-clocks', 'return-line'],
      main: ['timeline', 'assist'],
      side: ['photos', 'status', 'handover', 'tasks', 'resolutions', 'callback', 'csat', 'staff-records', 'case-mark'],
    });
    expect(keys(dashboardPanels)).toEqual({ main: ['sla-trend', 'value-at-risk', 'chat-figures', 'bot-figures', 'nps', 'returns-reasons'] });
    expect(keys(chatPanels)).toEqual({ composer: ['assist'] });
    const owner = (key) => features.find((f) => [...(f.ticketPanels || []), ...(f.dashboardPanels || [])].some((p) => p.key === key)).name;
    expect(['sla-clocks', 'resolutions', 'callback', 'csat', 'sla-trend', 'assist', 'return-line'].map(owner)).toEqual(['sla', 'remedies', 'callbacks', 'callbacks', 'sla', 'kb', 'returns']);
  });
});
