// members: the member page (会员 360), the compact member card (desk, ticket page) and the
// value at risk on the dashboard. The desk's member lookup calls members/api.js.
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/members/:id(\\d+)', name: 'member', component: () => import('./views/MemberView.vue'), props: true },
];

export const dashboardPanels = [
  { key: 'value-at-risk', area: 'main', order: 30, component: () => import('./components/ValueAtRiskCard.vue') },
];

export const messages = { 'zh-CN': zh, en };
