// A tripwire: the API's paths live in the API modules only (one per resource:
// console/features/<feature>/api.js, mobile/api.js) and in the shared client (shared/api.js).
// Views, components, stores and helpers call those modules' functions; a `/api/v1/` anywhere
// else under web/src (code or comment) fails here.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../src');
const API_MODULE = /^(console\/features\/[a-z_]+\/api\.js|mobile\/api\.js|shared\/api\.js)$/;

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return files(p);
    return /\.(vue|js)$/.test(d.name) ? [path.relative(SRC, p).split(path.sep).join('/')] : [];
  });
}

describe('/api/v1/ paths', () => {
  const all = files(SRC);
  const hasPath = (f) => fs.readFileSync(path.join(SRC, f), 'utf8').includes('/api/v1/');

  it('appear in no file but the API modules', () => {
    expect(all.length).toBeGreaterThan(60);
    const offenders = all.filter((f) => !API_MODULE.test(f) && hasPath(f));
    expect(offenders).toEqual([]);
  });

  it('are what the API modules are for', () => {
    const modules = all.filter((f) => API_MODULE.test(f));
    expect(modules).toContain('mobile/api.js');
    expect(modules).toContain('console/features/tickets/api.js');
    expect(modules.filter((f) => f.startsWith('console/')).length).toBeGreaterThanOrEqual(9);
    for (const f of modules.filter((x) => x !== 'shared/api.js')) expect(hasPath(f), f).toBe(true);
  });
});
