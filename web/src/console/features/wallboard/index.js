// wallboard: the live wallboard (实时大屏) for the service centre's TV — a full-screen page
// without the console's menu and header, opened in a new tab from the menu.
import { Monitor } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const bareRoutes = [
  { path: '/wallboard', name: 'wallboard', component: () => import('./views/WallboardView.vue'), meta: { minRole: 'supervisor' } },
];

export const menu = [
  { key: 'wallboard', path: '/wallboard', label: 'wallboard.menu', icon: Monitor, order: 61, minRole: 'supervisor', newTab: true },
];

export const messages = { 'zh-CN': zh, en };
