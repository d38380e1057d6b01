// A server error as a toast: ApiError.message is already in the UI language. Views mostly
// get this through useAction / useLoad (composables/useAction.js).
import { ElMessage } from 'element-plus';

export function toastError(e) {
  ElMessage.error((e && e.message) || String(e));
}
