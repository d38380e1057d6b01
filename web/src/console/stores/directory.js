// Names for ids: stores, staff and departments of the caller's stores, loaded once.
import { defineStore } from 'pinia';
import { listStores, listStaff, listDepartments } from '../features/org/api.js';

const LOADERS = { stores: listStores, staff: listStaff, departments: listDepartments };

export const useDirectory = defineStore('directory', {
  state: () => ({ stores: [], staff: [], departments: [], loaded: {} }),
  getters: {
    storeName: (s) => (id) => s.stores.find((x) => x.id === id)?.name || (id ? `#${id}` : ''),
    staffName: (s) => (id) => s.staff.find((x) => x.id === id)?.display_name || (id ? `#${id}` : ''),
    departmentName: (s) => (id) => s.departments.find((x) => x.id === id)?.name || (id ? `#${id}` : ''),
  },
  actions: {
    async ensure(what = ['stores', 'staff', 'departments'], force = false) {
      await Promise.all(
        what.map(async (k) => {
          if (this.loaded[k] && !force) return;
          try {
            this[k] = (await LOADERS[k]()).items || [];
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
