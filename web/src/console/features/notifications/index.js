// notifications: the list page (the bell and the live stream are stores/notifications.js).
import { Message } from '@element-plus/icons-vue';

export const routes = [
  { path: '/notifications', name: 'notifications', component: () => import('./views/NotificationsView.vue') },
];

export const menu = [{ key: 'notifications', path: '/notifications', label: 'nav.notifications', icon: Message, order: 40 }];
