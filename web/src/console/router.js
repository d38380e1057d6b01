// Every route is lazy-loaded, so a page downloads only what it shows (ECharts only on the
// dashboard). The guard sends unauthenticated users to /login and keeps roles in bounds.
import { createRouter, createWebHistory } from 'vue-router';
import { useSession } from './stores/session.js';
import { atLeast } from '../shared/vocab.js';

const Layout = () => import('./layouts/ConsoleLayout.vue');

export const routes = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: Layout,
    children: [
      { path: '', name: 'home', redirect: () => useSession().homePath },
      { path: 'workbench', name: 'workbench', component: () => import('./views/WorkbenchView.vue') },
      { path: 'desk', name: 'desk', component: () => import('./views/DeskView.vue') },
      { path: 'tickets', name: 'tickets', component: () => import('./views/TicketsView.vue') },
      { path: 'tickets/:id(\\d+)', name: 'ticket', component: () => import('./views/TicketDetailView.vue'), props: true },
      { path: 'notifications', name: 'notifications', component: () => import('./views/NotificationsView.vue') },
      { path: 'members/:id(\\d+)', name: 'member', component: () => import('./views/MemberView.vue'), props: true },
      { path: 'approvals', name: 'approvals', component: () => import('./views/ApprovalsView.vue'), meta: { minRole: 'supervisor' } },
      { path: 'dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue'), meta: { minRole: 'supervisor' } },
      { path: 'admin', redirect: '/admin/stores' },
      { path: 'admin/stores', name: 'admin-stores', component: () => import('./views/admin/StoresAdmin.vue'), meta: { minRole: 'admin' } },
      { path: 'admin/departments', name: 'admin-departments', component: () => import('./views/admin/DepartmentsAdmin.vue'), meta: { minRole: 'admin' } },
      { path: 'admin/staff', name: 'admin-staff', component: () => import('./views/admin/StaffAdmin.vue'), meta: { minRole: 'admin' } },
      { path: 'admin/sla', name: 'admin-sla', component: () => import('./views/admin/SlaAdmin.vue'), meta: { minRole: 'admin' } },
      { path: 'admin/limits', name: 'admin-limits', component: () => import('./views/admin/LimitsAdmin.vue'), meta: { minRole: 'admin' } },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHistory('/'), routes });

router.beforeEach(async (to) => {
  const session = useSession();
  if (!session.loaded) await session.load();
  if (to.meta.public) return to.name === 'login' && session.me ? session.homePath : true;
  if (!session.me) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  if (to.meta.minRole && !atLeast(session.me.role, to.meta.minRole)) return session.homePath;
  return true;
});
