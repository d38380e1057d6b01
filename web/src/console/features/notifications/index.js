// notifications: the list page (the bell and the live stream are stores/notifications.js).
import { Message } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/notifications', name: 'notifications', component: () => import('./views/NotificationsView.vue') },
];

export const menu = [{ key: 'notifications', path: '/notifications', label: 'notifications.title', icon: Message, order: 40 }];

export const messages = { 'zh-CN': zh, en };
