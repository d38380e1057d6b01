import { createRouter, createWebHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/', name: 'home', component: () => import('./views/HomeView.vue') },
    { path: '/submit', name: 'submit', component: () => import('./views/SubmitView.vue') },
    { path: '/track', name: 'track', component: () => import('./views/TrackView.vue') },
    { path: '/t/:token', name: 'ticket', component: () => import('./views/TicketView.vue'), props: true },
    { path: '/csat/:token', name: 'csat', component: () => import('./views/CsatView.vue'), props: true },
    { path: '/nps/:token', name: 'nps', component: () => import('./views/NpsView.vue'), props: true },
    { path: '/feedback/:code?', name: 'feedback', component: () => import('./views/FeedbackView.vue'), props: true },
    { path: '/chat', name: 'chat-stores', component: () => import('./views/ChatStoresView.vue') },
    { path: '/chat/:storeId(\\d+)', name: 'chat', component: () => import('./views/ChatView.vue'), props: true },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});
