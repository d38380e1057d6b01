// performance: staff KPIs (绩效) — the monthly sheet with the department tab and the rules
// editor (weights, targets, the service bonus), one's own KPI; complaints against staff and
// praise (员工被投诉/被表扬) as a ticket-page panel with the review; the case library (案例库).
import { Trophy, Reading, User } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/performance/kpi', name: 'kpi-sheet', component: () => import('./views/KpiSheetView.vue'), meta: { minRole: 'supervisor' } },
  { path: '/performance/my-kpi', name: 'my-kpi', component: () => import('./views/MyKpiView.vue') },
  { path: '/performance/cases', name: 'case-library', component: () => import('./views/CaseLibraryView.vue') },
  { path: '/performance/cases/:id', name: 'case-entry', component: () => import('./views/CaseDetailView.vue') },
];

export const menu = [
  { key: 'my-kpi', path: '/performance/my-kpi', label: 'kpi.mine', icon: User, order: 86 },
  { key: 'kpi', path: '/performance/kpi', label: 'kpi.title', icon: Trophy, order: 87, minRole: 'supervisor' },
  { key: 'cases', path: '/performance/cases', label: 'cases.title', icon: Reading, order: 88 },
];

export const ticketPanels = [
  { key: 'staff-records', area: 'side', order: 80, component: () => import('./components/StaffRecordsPanel.vue') },
  { key: 'case-mark', area: 'side', order: 90, component: () => import('./components/CaseMarkPanel.vue') },
];

export const messages = { 'zh-CN': zh, en };
