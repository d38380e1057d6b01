// The customer's mobile page (Vant): submit, track, reply, rate. Routes are lazy-loaded.
import { createApp } from 'vue';
import 'vant/lib/index.css';
import App from './App.vue';
import { router } from './router.js';
import { i18n } from './i18n.js';

createApp(App).use(router).use(i18n).mount('#app');
