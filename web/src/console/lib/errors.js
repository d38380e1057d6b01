// Server errors in forms: ApiError.message (already in the UI language) next to the field
// named by ApiError.field, or as a general message (and a toast) when no field is named.
import { reactive, ref } from 'vue';
import { ElMessage } from 'element-plus';

export function useFieldErrors({ toast = true } = {}) {
  const errors = reactive({});
  const general = ref('');
  function clear() {
    for (const k of Object.keys(errors)) delete errors[k];
    general.value = '';
  }
  function handle(e) {
    clear();
    const msg = (e && e.message) || String(e);
    if (e && e.field) errors[e.field] = msg;
    else {
      general.value = msg;
      if (toast) ElMessage.error(msg);
    }
  }
  return { errors, general, handle, clear };
}

export function toastError(e) {
  ElMessage.error((e && e.message) || String(e));
}
