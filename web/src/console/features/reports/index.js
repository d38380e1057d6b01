// reports: the dashboard (数据看板); other features add cards to it (dashboardPanels).
import { DataLine } from '@element-plus/icons-vue';

export const routes = [
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue'), meta: { minRole: 'supervisor' } },
];

export const menu = [
  { key: 'dashboard', path: '/dashboard', label: 'nav.dashboard', icon: DataLine, order: 60, minRole: 'supervisor' },
];
