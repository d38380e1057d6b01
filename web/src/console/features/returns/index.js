// returns: the returns & exchanges policy (退换货政策) — the rules in words, edited, reordered,
// tried against the case table before saving; the desk's return (退换货办理, keyboard first),
// the returns report (退换货分析) and the ticket's purchase line in its header.
import { Sell } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';
import dashZh from './locales/dash.zh-CN.js';
import dashEn from './locales/dash.en.js';

export const routes = [
  { path: '/returns/policy', name: 'returns-policy', component: () => import('./views/PolicyView.vue') },
  { path: '/returns/desk', name: 'returns-desk', component: () => import('./views/DeskReturnView.vue') },
  { path: '/returns/report', name: 'returns-report', component: () => import('./views/ReturnsReportView.vue'), meta: { minRole: 'supervisor' } },
];

export const menu = [
  { key: 'returns-policy', path: '/returns/policy', label: 'returnsPolicy.title', icon: Sell, order: 75 },
  { key: 'returns-desk', path: '/returns/desk', label: 'returnsDesk.title', icon: Sell, order: 74 },
  { key: 'returns-report', path: '/returns/report', label: 'returnsReport.title', icon: Sell, order: 76, minRole: 'supervisor' },
];

export const ticketPanels = [
  { key: 'return-line', area: 'header', order: 20, component: () => import('./components/ReturnLinePanel.vue') },
];

export const dashboardPanels = [
  { key: 'returns-reasons', area: 'main', order: 70, component: () => import('./components/ReturnsDashboardCard.vue') },
];

export const messages = { 'zh-CN': { ...zh, ...dashZh }, en: { ...en, ...dashEn } };
