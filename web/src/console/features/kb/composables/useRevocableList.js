// A list of what the matcher learned from (signals, question pairs), newest first, paged by
// `before`, each row revocable and restorable in place (学习记录).
// list(params) → { items, next_before }; params() → the filters; setRevoked(id, revoked) →
// the row (or { <key>: row }); changed() after a revoke or restore.
import { ref } from 'vue';
import { toastError } from '@/console/lib/errors.js';
import { replaceItem } from '../lib/learning.js';

export function useRevocableList({ list, params, setRevoked, changed = () => {} }) {
  const items = ref([]);
  const nextBefore = ref(null);
  const loading = ref(false);
  const busyId = ref(null);

  async function load(more = false) {
    loading.value = true;
    try {
      const r = await list({ ...params(), before: more ? nextBefore.value : undefined, limit: 50 });
      items.value = more ? [...items.value, ...r.items] : r.items;
      nextBefore.value = r.next_before;
    } catch (e) {
      toastError(e);
    } finally {
      loading.value = false;
    }
  }

  async function toggle(row) {
    busyId.value = row.id;
    try {
      const r = await setRevoked(row.id, !row.revoked_at);
      const item = r && (r.signal || r.pair || r);
      if (item && item.id === row.id) items.value = replaceItem(items.value, item);
      else await load();
      changed();
    } catch (e) {
      toastError(e);
    } finally {
      busyId.value = null;
    }
  }

  return { items, nextBefore, loading, busyId, load, toggle };
}
