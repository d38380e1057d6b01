// reports: the dashboard (数据看板); other features add cards to it (dashboardPanels).
import { DataLine } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue'), meta: { minRole: 'supervisor' } },
];

export const menu = [
  { key: 'dashboard', path: '/dashboard', label: 'dashboard.menu', icon: DataLine, order: 60, minRole: 'supervisor' },
];

export const messages = { 'zh-CN': zh, en };
