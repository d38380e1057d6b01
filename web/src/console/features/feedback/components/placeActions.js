// Buttons in the actions column of 反馈点位 (PlacesView.vue), after 编辑 / 停用. Each is
// { key, component } and gets the prop `place` (the row). To add one (the QR poster's
// 下载海报 button, PosterButton.vue), add ONE line to the list:
//   { key: 'poster', component: defineAsyncComponent(() => import('./PosterButton.vue')) },
import { defineAsyncComponent } from 'vue';

export const placeActions = [];

export { defineAsyncComponent };
