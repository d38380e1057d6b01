// members: the member page (会员 360), the compact member card (desk, ticket page) and the
// value at risk on the dashboard. The desk's member lookup calls members/api.js.
import { User } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';
import coreZh from './locales/core.zh-CN.js';
import coreEn from './locales/core.en.js';

export const routes = [
  { path: '/members', name: 'members', component: () => import('./views/MemberSearchView.vue') },
  { path: '/members/:id(\\d+)', name: 'member', component: () => import('./views/MemberView.vue'), props: true },
];

export const dashboardPanels = [
  { key: 'value-at-risk', area: 'main', order: 30, component: () => import('./components/ValueAtRiskCard.vue') },
];

export const menu = [{ key: 'members', path: '/members', label: 'memberCore.menu', icon: User, order: 36 }];

export const messages = { 'zh-CN': { ...zh, ...coreZh }, en: { ...en, ...coreEn } };
