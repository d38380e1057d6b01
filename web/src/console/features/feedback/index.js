// feedback (反馈, docs/feedback.md): a stand-in holding only the NPS page (净推荐值,
// views/NpsView.vue) until the feedback feature's own index.js and page list (pages.js,
// by the console's helper) are on main; then this file gives way to theirs, NpsView becomes
// one line of pages.js and nps/locales/ joins their messages (a spread into locales/).
import { DataLine } from '@element-plus/icons-vue';
import zh from './nps/locales/zh-CN.js';
import en from './nps/locales/en.js';

export const routes = [{ path: '/feedback/nps', name: 'feedback-nps', component: () => import('./views/NpsView.vue') }];

export const menu = [{ key: 'feedback-nps', path: '/feedback/nps', label: 'nps.menu', icon: DataLine, order: 46 }];

export const messages = { 'zh-CN': zh, en };
