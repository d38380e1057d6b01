// The signed-in staff member (the session from features/auth/api.js), login and logout.
import { defineStore } from 'pinia';
import * as auth from '../features/auth/api.js';
import { atLeast } from '../../shared/vocab.js';
import { applyUserLanguage } from '../lib/lang.js';

export const useSession = defineStore('session', {
  // demo: the server runs the demo data (its passwords are public): the console says so.
  state: () => ({ me: null, loaded: false, demo: false }),
  getters: {
    role: (s) => (s.me ? s.me.role : null),
    isSupervisor: (s) => !!s.me && atLeast(s.me.role, 'supervisor'),
    isManager: (s) => !!s.me && atLeast(s.me.role, 'manager'),
    isAdmin: (s) => !!s.me && s.me.role === 'admin',
    // An admin reset the password: the router keeps the person on /account until they set one.
    mustChangePassword: (s) => !!s.me && !!s.me.must_change_password,
    storeIds: (s) => (s.me ? s.me.store_ids || [] : []),
    departmentIds: (s) => (s.me ? s.me.department_ids || [] : []),
    homePath: (s) => {
      if (!s.me) return '/login';
      return atLeast(s.me.role, 'supervisor') ? '/dashboard' : '/workbench';
    },
  },
  actions: {
    async load() {
      try {
        const s = await auth.getSession(); // 200 whether signed in or not
        this.me = s.authenticated ? s.staff : null;
        this.demo = !!s.demo;
        if (this.me) applyUserLanguage(this.me.username);
      } catch (e) {
        console.warn('auth/session', e);
        this.me = null;
      }
      this.loaded = true;
      return this.me;
    },
    async login(username, password) {
      const r = await auth.login(username, password);
      this.me = r.staff;
      this.loaded = true;
      await this.load(); // must_change_password and demo come with the session
      applyUserLanguage(this.me.username);
      return this.me;
    },
    async logout() {
      try {
        await auth.logout();
      } catch {
        /* the session may already be gone */
      }
      this.me = null;
    },
    expired() {
      this.me = null;
    },
  },
});
