import { createRouter, createWebHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [{ path: '/', name: 'home', component: () => import('./views/HomeView.vue') }],
});
