// The load / busy / error / toast pattern of the console's views, in one place.
//
// useAction(fn, options) wraps one user action (a save, a send, a decision):
//   const save = useAction(() => api.saveThing(form), { success: () => t('common.saved') });
//   <el-button :loading="save.busy.value" @click="save.run()">   <p>{{ save.error.value }}</p>
// While it runs `busy` is true and a second run() is ignored (a double click sends once).
// A failure never throws out of run(): the server's message (already in the UI language)
// goes to `error`, or with `fields: true` to `errors[field]` when the server names a field;
// `toast: true` also shows it as a toast. `success` is a toast text for a success, or a
// function of fn's result giving one (or nothing). run() answers fn's result, or undefined
// on failure.
// `lock` (a ref counting actions under way, e.g. the ticket page's) is raised while it runs.
//
// useLoad(fn, options) wraps loading what a view shows:
//   const list = useLoad(() => api.listThings().then((r) => r.items || []), { initial: [] });
//   onMounted(list.load);   <tr v-for="x in list.data.value">
// `data` holds the newest answer; an older request that answers late is dropped. Errors go
// to `error` (and a toast with `toast: true`); the previous data stays.
import { reactive, ref } from 'vue';
import { ElMessage } from 'element-plus';

const messageOf = (e) => (e && e.message) || String(e);

export function useAction(fn, { fields = false, toast = false, success = null, lock = null, onError = null } = {}) {
  const busy = ref(false);
  const error = ref('');
  const errors = reactive({});

  function clear() {
    error.value = '';
    for (const k of Object.keys(errors)) delete errors[k];
  }

  async function run(...args) {
    if (busy.value) return undefined;
    clear();
    busy.value = true;
    if (lock) lock.value += 1;
    try {
      const result = await fn(...args);
      const text = typeof success === 'function' ? success(result) : success;
      if (text) ElMessage.success(text);
      return result;
    } catch (e) {
      const msg = messageOf(e);
      if (fields && e && e.field) errors[e.field] = msg;
      else {
        error.value = msg;
        if (toast) ElMessage.error(msg);
      }
      if (onError) onError(e);
      return undefined;
    } finally {
      busy.value = false;
      if (lock) lock.value -= 1;
    }
  }

  return { run, busy, error, errors, clear };
}

export function useLoad(fn, { initial = null, toast = false } = {}) {
  const data = ref(initial);
  const loading = ref(false);
  const error = ref('');
  let seq = 0;

  async function load(...args) {
    const my = ++seq;
    loading.value = true;
    try {
      const result = await fn(...args);
      if (my !== seq) return undefined;
      data.value = result;
      error.value = '';
      return result;
    } catch (e) {
      if (my !== seq) return undefined;
      error.value = messageOf(e);
      if (toast) ElMessage.error(error.value);
      return undefined;
    } finally {
      if (my === seq) loading.value = false;
    }
  }

  return { data, loading, error, load };
}
