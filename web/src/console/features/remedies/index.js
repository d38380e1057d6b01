// remedies: resolutions (办结方案) on the ticket page, their approval (待我审批) and the
// per-role authority limits (授权额度).
import { Stamp } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/approvals', name: 'approvals', component: () => import('./views/ApprovalsView.vue'), meta: { minRole: 'supervisor' } },
  { path: '/admin/limits', name: 'admin-limits', component: () => import('./views/LimitsAdmin.vue'), meta: { minRole: 'admin' } },
];

export const menu = [
  {
    key: 'approvals', path: '/approvals', label: 'approvals.title', icon: Stamp, order: 50, minRole: 'supervisor',
    badge: () => import('./components/ApprovalsBadge.vue'),
  },
];

export const adminMenu = [{ key: 'limits', path: '/admin/limits', label: 'remedies.limits', order: 50, minRole: 'admin' }];

export const ticketPanels = [
  { key: 'resolutions', area: 'side', order: 50, component: () => import('./components/ResolutionsPanel.vue') },
];

export const messages = { 'zh-CN': zh, en };
