// auth: signing in, one's own account (password, sessions) and the API tokens (admin). The
// session itself is stores/session.js, shared by every page.
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const bareRoutes = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
];

export const routes = [
  { path: '/account', name: 'account', component: () => import('./views/AccountView.vue') },
  { path: '/admin/api-tokens', name: 'admin-api-tokens', component: () => import('./views/ApiTokensAdmin.vue'), meta: { minRole: 'admin' } },
];

export const adminMenu = [
  { key: 'api-tokens', path: '/admin/api-tokens', label: 'account.apiTokens', order: 35, minRole: 'admin' },
];

export const messages = { 'zh-CN': zh, en };
