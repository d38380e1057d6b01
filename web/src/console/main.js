// The staff console (Element Plus, components imported per view). Every route is lazy-loaded (router.js).
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/dist/index.css';
import './console.css';
import App from './App.vue';
import { router } from './router.js';
import { i18n } from './i18n.js';
import { onUnauthenticated } from '../shared/api.js';
import { useSession } from './stores/session.js';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia).use(router).use(i18n);

// A session that expired (or was logged out elsewhere) sends the user back to the sign-in page.
onUnauthenticated(() => {
  const session = useSession(pinia);
  if (!session.me) return;
  session.expired();
  const cur = router.currentRoute.value;
  if (!cur.meta.public) router.push({ name: 'login', query: { redirect: cur.fullPath } });
});

document.documentElement.lang = i18n.global.locale.value;
app.mount('#app');
