// feedback: the one inbox of customer feedback (反馈, docs/feedback.md) — the list with its
// filters and the drawer where staff confirm or correct topic and sentiment, the desk's
// entry form, the social-media import, places with QR codes, and the topic taxonomy
// (admins). Its pages are listed once, in pages.js (one line per page).
import { ChatLineSquare } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';
import { pages } from './pages.js';

export const routes = pages.map((p) => ({
  path: p.path, name: p.key, component: p.view, meta: p.minRole ? { minRole: p.minRole } : {},
}));

export const menu = [{ key: 'feedback', path: '/feedback', label: 'feedback.menu', icon: ChatLineSquare, order: 45 }];

export const adminMenu = [
  { key: 'feedback-topics', path: '/feedback/topics', label: 'feedbackTopics.title', order: 70, minRole: 'admin' },
];

export const messages = { 'zh-CN': zh, en };
