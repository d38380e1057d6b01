// chat: live chat (在线客服) — the agent's workspace, the supervisor's live view (实时监控),
// canned replies (快捷回复) and the store's chat settings.
import { ChatDotRound, View } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';
import dashZh from './locales/dash.zh-CN.js';
import dashEn from './locales/dash.en.js';

export const routes = [
  { path: '/chat', name: 'chat', component: () => import('./views/ChatWorkspace.vue') },
  { path: '/chat/monitor', name: 'chat-monitor', component: () => import('./views/ChatMonitor.vue'), meta: { minRole: 'supervisor' } },
  { path: '/chat/canned', name: 'chat-canned', component: () => import('./views/CannedReplies.vue') },
];

export const menu = [
  { key: 'chat', path: '/chat', label: 'chat.title', icon: ChatDotRound, order: 25, badge: () => import('./components/ChatBadge.vue') },
  { key: 'chat-monitor', path: '/chat/monitor', label: 'chat.monitor', icon: View, order: 55, minRole: 'supervisor' },
];

export const dashboardPanels = [
  { key: 'chat-figures', area: 'main', order: 40, component: () => import('./components/ChatDashboardCard.vue') },
];

export const messages = { 'zh-CN': { ...zh, ...dashZh }, en: { ...en, ...dashEn } };
