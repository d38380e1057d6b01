// The routes are the features' (features.js gathers them). Every view stays a dynamic import,
// so a page downloads only what it shows (ECharts only on the dashboard). The guard sends
// unauthenticated users to /login and keeps roles in bounds (a route's meta.minRole).
import { createRouter, createWebHistory } from 'vue-router';
import { useSession } from './stores/session.js';
import { atLeast } from '../shared/vocab.js';
import { adminMenu, featureRoutes } from './features.js';

const Layout = () => import('./layouts/ConsoleLayout.vue');

export const routes = [
  ...featureRoutes.bareRoutes,
  {
    path: '/',
    component: Layout,
    children: [
      { path: '', name: 'home', redirect: () => useSession().homePath },
      ...featureRoutes.routes,
      { path: 'admin', redirect: () => (adminMenu[0] ? adminMenu[0].path : '/') },
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
  if (session.mustChangePassword && to.name !== 'account') return { name: 'account' };
  if (to.meta.minRole && !atLeast(session.me.role, to.meta.minRole)) return session.homePath;
  return true;
});
