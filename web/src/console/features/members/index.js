// members: the member page (会员 360). The desk's member lookup calls members/api.js.
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/members/:id(\\d+)', name: 'member', component: () => import('./views/MemberView.vue'), props: true },
];

export const messages = { 'zh-CN': zh, en };
