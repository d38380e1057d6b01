// privacy: personal-data requests (个人信息请求) — find a person and what kefu holds on them,
// export it, erasure requests under the two-person rule, retention rules and the audit
// (admins). Server: src/privacy/, docs/privacy.md.
import { Lock } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/privacy', name: 'privacy', component: () => import('./views/PrivacyView.vue'), meta: { minRole: 'supervisor' } },
];

export const menu = [{ key: 'privacy', path: '/privacy', label: 'privacy.title', icon: Lock, order: 85, minRole: 'supervisor' }];

export const messages = { 'zh-CN': zh, en };
