// auth: signing in (the session itself is stores/session.js, shared by every page).
export const bareRoutes = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
];
