// Names for ids: stores, staff and departments of the caller's stores, loaded once.
import { defineStore } from 'pinia';
import { get } from '../../shared/api.js';

export const useDirectory = defineStore('directory', {
  state: () => ({ stores: [], staff: [], departments: [], loaded: {} }),
  getters: {
    storeName: (s) => (id) => s.stores.find((x) => x.id === id)?.name || (id ? `#${id}` : ''),
    staffName: (s) => (id) => s.staff.find((x) => x.id === id)?.display_name || (id ? `#${id}` : ''),
    departmentName: (s) => (id) => s.departments.find((x) => x.id === id)?.name || (id ? `#${id}` : ''),
  },
  actions: {
    async ensure(what = ['stores', 'staff', 'departments'], force = false) {
      const paths = { stores: '/api/v1/stores', staff: '/api/v1/staff', departments: '/api/v1/departments' };
      await Promise.all(
        what.map(async (k) => {
          if (this.loaded[k] && !force) return;
          try {
            this[k] = (await get(paths[k])).items || [];
            this.loaded[k] = true;
          } catch (e) {
            console.warn(k, e);
          }
        }),
      );
    },
    reset() {
      this.stores = [];
      this.staff = [];
      this.departments = [];
      this.loaded = {};
    },
  },
});
