// Mount helpers for console components: the console's i18n, a fresh pinia, a RouterLink stub
// and a fetch mock that answers by method + path.
import { vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { i18n } from '../../src/console/i18n.js';

export const RouterLinkStub = { props: ['to'], template: '<a :href="typeof to === \'string\' ? to : \'\'"><slot /></a>' };

export function globalOptions() {
  const pinia = createPinia();
  setActivePinia(pinia);
  return { plugins: [pinia, i18n], stubs: { RouterLink: RouterLinkStub, 'router-link': RouterLinkStub, transition: false, 'transition-group': false } };
}

// routes: { 'GET /api/v1/x': body | (req) => [status, body] }
export function mockFetch(routes) {
  const calls = [];
  const fn = vi.fn(async (url, opts = {}) => {
    const method = opts.method || 'GET';
    const path = String(url).split('?')[0];
    const call = { method, url: String(url), path, headers: opts.headers || {}, body: opts.body ? JSON.parse(opts.body) : undefined };
    calls.push(call);
    let h = routes[`${method} ${path}`];
    let status = 200;
    let body = {};
    if (typeof h === 'function') [status, body] = h(call);
    else if (h !== undefined) body = h;
    else status = 404;
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  globalThis.fetch = fn;
  return { fn, calls };
}

export const flush = () => new Promise((r) => setTimeout(r, 0));

// Stands in for the browser's EventSource: FakeEventSource.last is the newest one; emit() sends
// a named event with a JSON body, as the server's stream does.
export class FakeEventSource {
  static last = null;
  constructor(url) {
    this.url = url;
    this.readyState = 1;
    this.listeners = {};
    FakeEventSource.last = this;
  }
  addEventListener(type, fn) {
    (this.listeners[type] ||= []).push(fn);
  }
  emit(type, data) {
    for (const fn of this.listeners[type] || []) fn({ data: JSON.stringify(data) });
  }
  close() {
    this.readyState = 2;
  }
}
