// A clock that ticks every `ms` (30 s by default) so SLA countdowns re-render on their own.
import { ref, onMounted, onBeforeUnmount } from 'vue';

export function useNow(ms = 30000) {
  const now = ref(Date.now());
  let timer = null;
  onMounted(() => {
    timer = setInterval(() => (now.value = Date.now()), ms);
  });
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
