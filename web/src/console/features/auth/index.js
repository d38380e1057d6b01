// auth: signing in (the session itself is stores/session.js, shared by every page).
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const bareRoutes = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
];

export const messages = { 'zh-CN': zh, en };
