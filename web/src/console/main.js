// The staff console (Element Plus). Every route is lazy-loaded (router.js).
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { router } from './router.js';
import { i18n } from './i18n.js';

createApp(App).use(createPinia()).use(router).use(i18n).mount('#app');
