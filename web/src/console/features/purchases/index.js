// purchases: 购买记录 (receipts from the POS: search by receipt or member, the lines with the
// order discount's shares and returns) and 收银数据导入 (supervisors: the POS export import,
// docs/purchases.md).
import { Upload, Tickets } from '@element-plus/icons-vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/purchases', name: 'purchases', component: () => import('./views/PurchasesView.vue') },
  { path: '/purchases/import', name: 'purchases-import', component: () => import('./views/ImportView.vue'), meta: { minRole: 'supervisor' } },
];

export const menu = [
  { key: 'purchases', path: '/purchases', label: 'purchases.title', icon: Tickets, order: 42 },
  { key: 'purchases-import', path: '/purchases/import', label: 'posImport.title', icon: Upload, order: 43, minRole: 'supervisor' },
];

export const messages = { 'zh-CN': zh, en };
