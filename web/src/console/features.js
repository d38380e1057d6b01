// The console's capabilities, gathered. Each lives in features/<name>/ and says in its
// index.js what it contributes (features/README.md): routes, menu entries, admin-menu
// entries, panels of the ticket page and the dashboard, and locale messages. router.js, the
// layout, i18n.js and the pages with panels read what is gathered here and name no feature.
//
// index.js files are loaded eagerly (they are small: paths, labels, loaders); every view and
// panel they name stays a dynamic import, so a page downloads only what it shows.

export const PANEL_AREAS = ['header', 'main', 'side'];

const byOrder = (a, b) => (a.order ?? 100) - (b.order ?? 100) || a.key.localeCompare(b.key);

// { './features/tickets/index.js': module } → [{ name: 'tickets', ...module }], by name.
export function gatherFeatures(modules) {
  return Object.entries(modules)
    .map(([path, mod]) => ({ ...mod, name: /features\/([^/]+)\/index\.js$/.exec(path)[1] }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function unique(list, what, id) {
  const seen = new Map();
  for (const { item, feature } of list) {
    const k = id(item);
    if (seen.has(k)) throw new Error(`${what} "${k}" of feature ${feature} is already taken by ${seen.get(k)}`);
    seen.set(k, feature);
  }
  return list.map((x) => x.item);
}

function collect(features, key) {
  return features.flatMap((f) => (f[key] || []).map((item) => ({ item, feature: f.name })));
}

// Routes inside the console's layout (`routes`) and routes without it (`bareRoutes`, e.g.
// the sign-in page). Names and paths are unique across features.
export function gatherRoutes(features) {
  const all = [...collect(features, 'routes'), ...collect(features, 'bareRoutes')];
  unique(all, 'route name', (r) => r.name);
  unique(all, 'route path', (r) => r.path);
  return {
    routes: collect(features, 'routes').map((x) => x.item),
    bareRoutes: collect(features, 'bareRoutes').map((x) => x.item),
  };
}

// Menu entries { key, path, label, icon?, order, minRole?, badge? } of `menu` or `adminMenu`, by order.
export function gatherMenu(features, key = 'menu') {
  return unique(collect(features, key), `${key} entry`, (e) => e.key).sort(byOrder);
}

// The entries a role may see (atLeast from shared/vocab.js decides the ranks).
export function visibleMenu(entries, role, atLeast) {
  if (!role) return [];
  return entries.filter((e) => !e.minRole || atLeast(role, e.minRole));
}

// Panels { key, area, order, component: () => import(…) } of `ticketPanels` (areas header,
// main, side; side by default), `dashboardPanels` (area main) or `chatPanels` (area composer:
// above the chat workspace's composer), grouped by area and ordered.
// Each gets load(), which imports the component once and then keeps it in `resolved` (a page
// shown again renders at once).
export function gatherPanels(features, key = 'ticketPanels', areas = PANEL_AREAS) {
  const panels = unique(collect(features, key), `${key} key`, (p) => p.key).map((p) => {
    if (typeof p.component !== 'function') throw new Error(`panel ${p.key}: component must be () => import(…)`);
    const area = p.area || areas[areas.length - 1];
    if (!areas.includes(area)) throw new Error(`panel ${p.key}: unknown area ${area}`);
    const panel = { ...p, area, resolved: null };
    panel.load = () =>
      panel.resolved
        ? Promise.resolve(panel.resolved)
        : p.component().then((m) => (panel.resolved = m.default || m));
    return panel;
  });
  const out = Object.fromEntries(areas.map((a) => [a, []]));
  for (const p of panels.sort(byOrder)) out[p.area].push(p);
  return out;
}

// Every panel's component, imported (tests call this so a page renders its panels at once).
export function loadPanels(areas) {
  return Promise.all(Object.values(areas).flat().map((p) => p.load()));
}

// The shared messages plus every feature's { 'zh-CN': {…}, en: {…} }. A feature owns its
// top-level namespaces: two owners of one namespace is an error, not a silent overwrite.
export function gatherMessages(shared, features) {
  const out = {};
  const owner = {};
  for (const lang of Object.keys(shared)) {
    out[lang] = { ...shared[lang] };
    for (const ns of Object.keys(shared[lang])) owner[ns] = 'shared';
  }
  for (const f of features) {
    const msgs = f.messages || {};
    for (const lang of Object.keys(msgs)) {
      out[lang] ||= {};
      for (const [ns, tree] of Object.entries(msgs[lang])) {
        if (owner[ns] && owner[ns] !== f.name) throw new Error(`message namespace "${ns}" of feature ${f.name} is already taken by ${owner[ns]}`);
        owner[ns] = f.name;
        out[lang][ns] = tree;
      }
    }
  }
  return out;
}

export const features = gatherFeatures(import.meta.glob('./features/*/index.js', { eager: true }));
export const featureRoutes = gatherRoutes(features);
export const mainMenu = gatherMenu(features, 'menu');
export const adminMenu = gatherMenu(features, 'adminMenu');
export const ticketPanels = gatherPanels(features, 'ticketPanels');
export const dashboardPanels = gatherPanels(features, 'dashboardPanels', ['main']);
export const chatPanels = gatherPanels(features, 'chatPanels', ['composer']);
