// The desk's member step: the phone is looked up; when nobody has it, the member can be
// created right there (with an Idempotency-Key kept for retries of the same attempt).
import { computed, ref } from 'vue';
import { newIdempotencyKey } from '@/shared/ids.js';
import { useAction } from '@/console/composables/useAction.js';
import { createMember, findMembers } from '../../members/api.js';

// form: the desk form ({ phone, store_id }); focusTypes / focusName move the keyboard on.
export function useDeskMember(form, { focusTypes, focusName }) {
  const member = ref(null);
  const notFound = ref(false);
  const newMemberName = ref('');
  let key = newIdempotencyKey();

  const lookup = useAction(async () => {
    create.clear();
    member.value = null;
    notFound.value = false;
    const phone = form.phone.trim();
    if (!phone) return focusTypes();
    const r = await findMembers({ phone });
    if (r.items && r.items.length) {
      member.value = r.items[0];
      focusTypes();
    } else {
      notFound.value = true;
      key = newIdempotencyKey();
      focusName();
    }
  });

  const create = useAction(async () => {
    const body = { name: newMemberName.value.trim(), phone: form.phone.trim() };
    if (form.store_id) body.home_store_id = form.store_id;
    try {
      member.value = await createMember(body, key);
    } catch (e) {
      if (e && e.status) key = newIdempotencyKey(); // the server answered: nothing was created
      throw e;
    }
    notFound.value = false;
    newMemberName.value = '';
    focusTypes();
  });

  function clear() {
    member.value = null;
    notFound.value = false;
    lookup.clear();
    create.clear();
  }
  function reset() {
    clear();
    newMemberName.value = '';
  }

  return {
    member,
    notFound,
    newMemberName,
    error: computed(() => lookup.error.value || create.error.value),
    looking: lookup.busy,
    creating: create.busy,
    lookup: lookup.run,
    create: create.run,
    clear,
    reset,
  };
}
