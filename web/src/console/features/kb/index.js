// kb: the knowledge base (知识库) — FAQ entries and internal articles, searchable by every
// staff member; entries, categories, synonyms, small talk and import/export for admins; each
// store's own answers for its supervisors (docs/kb.md). Agent assist (人机协作): the best
// answers for the customer's question above the chat composer (chatPanels) and on the ticket
// page (ticketPanels); what the matcher learned from on 学习记录 (admins).
import { Collection } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/kb', name: 'kb', component: () => import('./views/KbList.vue') },
  { path: '/kb/entries/new', name: 'kb-new', component: () => import('./views/KbEntry.vue'), meta: { minRole: 'admin' } },
  { path: '/kb/entries/:id', name: 'kb-entry', component: () => import('./views/KbEntry.vue') },
  { path: '/kb/catalog', name: 'kb-catalog', component: () => import('./views/KbCatalog.vue'), meta: { minRole: 'admin' } },
  { path: '/kb/import', name: 'kb-import', component: () => import('./views/KbImport.vue'), meta: { minRole: 'admin' } },
  { path: '/kb/learning', name: 'kb-learning', component: () => import('./views/KbLearning.vue'), meta: { minRole: 'admin' } },
  { path: '/kb/duplicates', name: 'kb-duplicates', component: () => import('./views/KbDuplicates.vue'), meta: { minRole: 'admin' } },
];

export const menu = [{ key: 'kb', path: '/kb', label: 'kb.title', icon: Collection, order: 58 }];

export const adminMenu = [
  { key: 'kb-catalog', path: '/kb/catalog', label: 'kb.catalog', order: 60, minRole: 'admin' },
  { key: 'kb-import', path: '/kb/import', label: 'kb.importExport', order: 61, minRole: 'admin' },
  { key: 'kb-learning', path: '/kb/learning', label: 'kbLearning.title', order: 62, minRole: 'admin' },
  { key: 'kb-duplicates', path: '/kb/duplicates', label: 'kbDuplicates.title', order: 63, minRole: 'admin' },
];

export const chatPanels = [{ key: 'assist', area: 'composer', order: 10, component: () => import('./components/ChatAssist.vue') }];
// Below the timeline and its reply box (timeline 10).
export const ticketPanels = [{ key: 'assist', area: 'main', order: 20, component: () => import('./components/TicketAssist.vue') }];

export const messages = { 'zh-CN': zh, en };
