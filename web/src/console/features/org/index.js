// org: stores and their business calendars, departments, staff (admin pages). Names for ids
// everywhere come from stores/directory.js, which reads org/api.js.
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

export const routes = [
  { path: '/admin/stores', name: 'admin-stores', component: () => import('./views/StoresAdmin.vue'), meta: { minRole: 'admin' } },
  { path: '/admin/departments', name: 'admin-departments', component: () => import('./views/DepartmentsAdmin.vue'), meta: { minRole: 'admin' } },
  { path: '/admin/staff', name: 'admin-staff', component: () => import('./views/StaffAdmin.vue'), meta: { minRole: 'admin' } },
];

export const adminMenu = [
  { key: 'stores', path: '/admin/stores', label: 'org.stores', order: 10, minRole: 'admin' },
  { key: 'departments', path: '/admin/departments', label: 'org.departments', order: 20, minRole: 'admin' },
  { key: 'staff', path: '/admin/staff', label: 'org.staff', order: 30, minRole: 'admin' },
];

export const messages = { 'zh-CN': zh, en };
