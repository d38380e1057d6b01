// tickets: the workbench, quick entry at the desk (快速登记), the list and the ticket page with
// its own panels (timeline, status, hand-over, collaboration tasks, photos).
import { EditPen, Monitor, Tickets } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/workbench', name: 'workbench', component: () => import('./views/WorkbenchView.vue') },
  { path: '/desk', name: 'desk', component: () => import('./views/DeskView.vue') },
  { path: '/tickets', name: 'tickets', component: () => import('./views/TicketsView.vue') },
  { path: '/tickets/:id(\\d+)', name: 'ticket', component: () => import('./views/TicketPage.vue'), props: true },
];

export const menu = [
  { key: 'workbench', path: '/workbench', label: 'workbench.title', icon: Monitor, order: 10 },
  { key: 'desk', path: '/desk', label: 'desk.title', icon: EditPen, order: 20 },
  { key: 'tickets', path: '/tickets', label: 'tickets.title', icon: Tickets, order: 30 },
];

// The ticket page's own panels (panel.js is the contract every feature's panel follows).
export const ticketPanels = [
  { key: 'timeline', area: 'main', order: 10, component: () => import('./components/TimelinePanel.vue') },
  { key: 'photos', area: 'side', order: 10, component: () => import('./components/PhotosPanel.vue') },
  { key: 'status', area: 'side', order: 20, component: () => import('./components/StatusPanel.vue') },
  { key: 'handover', area: 'side', order: 30, component: () => import('./components/HandoverPanel.vue') },
  { key: 'tasks', area: 'side', order: 40, component: () => import('./components/TasksPanel.vue') },
];

export const messages = { 'zh-CN': zh, en };
