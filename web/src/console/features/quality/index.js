// quality: quality inspection (质检). The automatic checks (自动质检): the rule editor with a
// try box, and the hits, each linked to its ticket event or chat message.
import { Stamp } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/quality/auto-hits', name: 'quality-auto-hits', component: () => import('./views/AutoHitsView.vue') },
  { path: '/quality/auto-rules', name: 'quality-auto-rules', component: () => import('./views/AutoRulesView.vue'), meta: { minRole: 'supervisor' } },
];

export const menu = [
  { key: 'quality-auto-hits', path: '/quality/auto-hits', label: 'qaAuto.hits', icon: Stamp, order: 82 },
];

export const adminMenu = [
  { key: 'quality-auto-rules', path: '/quality/auto-rules', label: 'qaAuto.rules', order: 73, minRole: 'supervisor' },
];

export const messages = { 'zh-CN': zh, en };
