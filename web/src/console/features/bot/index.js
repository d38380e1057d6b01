// bot: bot operations (机器人运营) — the FAQ bot's figures per day and per FAQ entry, and the
// questions it could not answer, for supervisors and admins (docs/bot.md).
import { DataAnalysis } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/bot-ops', name: 'bot-ops', component: () => import('./views/BotOpsView.vue'), meta: { minRole: 'supervisor' } },
];

export const menu = [
  { key: 'bot-ops', path: '/bot-ops', label: 'botOps.menu', icon: DataAnalysis, order: 62, minRole: 'supervisor' },
];

export const dashboardPanels = [
  { key: 'bot-figures', area: 'main', order: 50, component: () => import('./components/BotDashboardCard.vue') },
];

export const messages = { 'zh-CN': zh, en };
