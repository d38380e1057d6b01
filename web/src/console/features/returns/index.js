// returns: the returns & exchanges policy (退换货政策) — the rules in words, edited, reordered,
// tried against the case table before saving. The desk's return pages join this folder.
import { Sell } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/returns/policy', name: 'returns-policy', component: () => import('./views/PolicyView.vue') },
];

export const menu = [{ key: 'returns-policy', path: '/returns/policy', label: 'returnsPolicy.title', icon: Sell, order: 75 }];

export const messages = { 'zh-CN': zh, en };
