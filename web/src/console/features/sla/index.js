// sla: the SLA policies (服务时限策略) admin, the ticket's SLA clocks and the compliance trend
// on the dashboard.
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/admin/sla', name: 'admin-sla', component: () => import('./views/SlaAdmin.vue'), meta: { minRole: 'admin' } },
];

export const adminMenu = [{ key: 'sla', path: '/admin/sla', label: 'sla.policies', order: 40, minRole: 'admin' }];

export const dashboardPanels = [
  { key: 'sla-trend', area: 'main', order: 10, component: () => import('./components/SlaTrendCard.vue') },
];

export const ticketPanels = [
  { key: 'sla-clocks', area: 'header', order: 10, component: () => import('./components/SlaClocksPanel.vue') },
];

export const messages = { 'zh-CN': zh, en };
