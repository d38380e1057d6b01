// callbacks: the callback (回访) after resolution and the satisfaction rating (满意度) of a
// finished ticket, both as panels of the ticket page. The workbench lists the callbacks due
// through callbacks/api.js.
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const ticketPanels = [
  { key: 'callback', area: 'side', order: 60, component: () => import('./components/CallbackPanel.vue') },
  { key: 'csat', area: 'side', order: 70, component: () => import('./components/CsatPanel.vue') },
];

export const messages = { 'zh-CN': zh, en };
