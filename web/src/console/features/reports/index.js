// reports: the dashboard (数据看板); other features add cards to it (dashboardPanels). The monthly
// service report (月度服务报告, printable on A4) and scheduled reports (定时报表); ExportButton
// (下载 Excel / CSV) for the lists of other features.
import { DataLine } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';
import exportsZh from './locales/exports.zh-CN.js';
import exportsEn from './locales/exports.en.js';

export const routes = [
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue'), meta: { minRole: 'supervisor' } },
  { path: '/reports/schedules', name: 'report-schedules', component: () => import('./views/ReportSchedulesView.vue'), meta: { minRole: 'supervisor' } },
  { path: '/reports/monthly', name: 'monthly-report', component: () => import('./views/MonthlyReportView.vue'), meta: { minRole: 'supervisor' } },
];

export const menu = [
  { key: 'dashboard', path: '/dashboard', label: 'dashboard.menu', icon: DataLine, order: 60, minRole: 'supervisor' },
  { key: 'monthly-report', path: '/reports/monthly', label: 'monthlyReport.title', icon: DataLine, order: 61, minRole: 'supervisor' },
  { key: 'report-schedules', path: '/reports/schedules', label: 'reportSchedules.title', icon: DataLine, order: 62, minRole: 'supervisor' },
];

export const messages = { 'zh-CN': { ...zh, ...exportsZh }, en: { ...en, ...exportsEn } };
