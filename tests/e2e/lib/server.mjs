// Starts the real kefu binary for black-box tests: a fresh temp SQLite file (or, with
// KEFU_E2E_DB=postgresql, a fresh schema on the server KEFU_TEST_PG names) with a
// small demo data set, a temp attachments folder, port 0 (the port is read from the
// log line "kefu listening on http://127.0.0.1:PORT/"), and SIGTERM at the end.
// Also an HTTP client and login helpers. No npm dependencies: Node 20 built-ins only.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, link, copyFile, chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

// One value from a server's database (sqlite3 CLI or psql), for tests that check what was stored.
export async function sqlValue(server, sql) {
  const { stdout } = server.dbUrl.startsWith('sqlite://')
    ? await execFileP('sqlite3', ['-cmd', '.timeout 5000', server.dbUrl.slice('sqlite://'.length), sql])
    : await execFileP('psql', [server.dbUrl, '-At', '-c', sql]);
  return stdout.trim();
}
const here = path.dirname(fileURLToPath(import.meta.url));

export const SOURCE_DIR = process.env.KEFU_SOURCE_DIR || path.resolve(here, '../../..');
export const KEFU_BIN = path.resolve(process.env.KEFU_BIN || path.join(SOURCE_DIR, 'build', 'kefu'));
export const PASSWORD = 'kefu2026'; // every demo account's password

const LISTENING = /kefu listening on http:\/\/[0-9.]+:(\d+)\//;

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// A private hard link (or copy) of the binary in the server's temp folder, so that a
// rebuild of build/kefu while the tests run cannot swap the program between a crash and
// its restart, or make a spawn fail half-way through a link step.
async function pinBinary(dir) {
  if (!existsSync(KEFU_BIN)) throw new Error(`kefu binary not found at ${KEFU_BIN} (set KEFU_BIN)`);
  const pinned = path.join(dir, 'kefu');
  try {
    await link(KEFU_BIN, pinned);
  } catch {
    await copyFile(KEFU_BIN, pinned);
    await chmod(pinned, 0o755);
  }
  return pinned;
}

export const PG_BASE = process.env.KEFU_TEST_PG || '';
export const ON_POSTGRES = process.env.KEFU_E2E_DB === 'postgresql';

// A database URL for a new server: a temp SQLite file in dir, or an empty schema of its
// own on the test PostgreSQL server (created with psql; connections select it through
// the URL's options).
export async function freshDatabase(dir, backend = ON_POSTGRES ? 'postgresql' : 'sqlite') {
  if (backend !== 'postgresql') return `sqlite://${path.join(dir, 'kefu.db')}`;
  if (!PG_BASE) throw new Error('KEFU_TEST_PG is not set (scripts/pg.sh start)');
  const schema = `e2e_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await execFileP('psql', [PG_BASE, '-q', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE SCHEMA ${schema}`]);
  return `${PG_BASE}${PG_BASE.includes('?') ? '&' : '?'}options=-csearch_path%3D${schema}`;
}

// Runs a kefu subcommand against the given database (a URL, or a SQLite file path) to completion.
export async function kefu(db, args, { cwd, bin = KEFU_BIN, env = {} } = {}) {
  if (!existsSync(bin)) throw new Error(`kefu binary not found at ${bin} (set KEFU_BIN)`);
  const url = db.includes('://') ? db : `sqlite://${db}`;
  return execFileP(bin, ['--db', url, ...args], {
    cwd,
    env: { ...process.env, KEFU_LOG_ACCESS_LOG: '0', ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
}

// One running server. `restart()` starts a new process on the same database.
export class KefuServer {
  constructor(dir, dbUrl, attachmentsDir, bin, env = {}) {
    this.bin = bin;
    this.env = env;
    this.dir = dir;
    this.dbUrl = dbUrl;
    this.attachmentsDir = attachmentsDir;
    this.proc = null;
    this.port = 0;
    this.base = '';
    this.log = '';
  }

  async #spawn() {
    this.log = '';
    const proc = spawn(
      this.bin,
      ['--db', this.dbUrl, 'serve', '--port', '0', '--address', this.env.KEFU_E2E_ADDRESS || '127.0.0.1'],
      {
        cwd: this.dir, // no stray ./kefu.toml gets read
        env: {
          ...process.env,
          KEFU_STORAGE_ATTACHMENTS_DIR: this.attachmentsDir,
          KEFU_LOG_ACCESS_LOG: '0',
          ...this.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.proc = proc;
    this.exited = new Promise((resolve) => {
      proc.once('exit', (code, signal) => resolve({ code, signal }));
      proc.once('error', (error) => resolve({ code: null, signal: null, error })); // never started
    });
    this.spawnFailed = false;
    proc.once('error', () => (this.spawnFailed = true));
    const port = await withTimeout(
      new Promise((resolve, reject) => {
        const onData = (chunk) => {
          this.log += chunk.toString('utf8');
          const m = LISTENING.exec(this.log);
          if (m) resolve(Number(m[1]));
        };
        proc.stdout.on('data', onData);
        proc.stderr.on('data', onData);
        proc.once('error', reject);
        proc.once('exit', (code, signal) =>
          reject(new Error(`kefu serve exited (${code ?? signal}) before listening:\n${this.log}`)),
        );
      }),
      20000,
      'kefu serve start',
    );
    // Keep reading so the pipe never fills up; remember only the tail.
    proc.stdout.on('data', () => {
      if (this.log.length > 200000) this.log = this.log.slice(-100000);
    });
    this.port = port;
    this.base = `http://127.0.0.1:${port}`;
    return this;
  }

  // env: extra environment for `kefu serve` (e.g. KEFU_SMTP_URL, KEFU_TEST_CLOCK).
  // backend: 'sqlite' or 'postgresql' (default: KEFU_E2E_DB, else sqlite).
  static async start({ tickets = 200, members = 50, demo = true, env = {}, backend } = {}) {
    const dir = await mkdtemp(path.join(tmpdir(), 'kefu-e2e-'));
    const dbUrl = await freshDatabase(dir, backend);
    const attachmentsDir = path.join(dir, 'attachments');
    await mkdir(attachmentsDir, { recursive: true });
    const bin = await pinBinary(dir);
    const args = demo ? ['demo', '--tickets', String(tickets), '--members', String(members)] : ['migrate'];
    await kefu(dbUrl, args, { cwd: dir, bin });
    const server = new KefuServer(dir, dbUrl, attachmentsDir, bin, env);
    return server.#spawn();
  }

  // Another node on this server's database (and attachments folder), like a second
  // `kefu serve` of a chain behind a load balancer.
  async join(env = this.env) {
    const dir = await mkdtemp(path.join(tmpdir(), 'kefu-e2e-node-'));
    const node = new KefuServer(dir, this.dbUrl, this.attachmentsDir, await pinBinary(dir), env);
    return node.#spawn();
  }

  // A new process on the same database (after stop() or kill9()).
  async restart() {
    if (this.proc && this.proc.exitCode === null && this.proc.signalCode === null) await this.stop();
    return this.#spawn();
  }

  get running() {
    return !!this.proc && !this.spawnFailed && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  // Graceful: SIGTERM, wait for the process to drain and exit. Returns {code, signal}.
  async stop() {
    if (!this.proc) return { code: null, signal: null };
    if (this.running) this.proc.kill('SIGTERM');
    try {
      return await withTimeout(this.exited, 15000, 'kefu stop');
    } catch (e) {
      this.proc.kill('SIGKILL');
      await this.exited;
      throw e;
    }
  }

  // The crash: SIGKILL, no chance to flush anything.
  async kill9() {
    if (this.running) this.proc.kill('SIGKILL');
    return this.exited;
  }

  // Stops the process and deletes the temp folder (unless KEFU_E2E_KEEP=1).
  async dispose() {
    try {
      await this.stop();
    } finally {
      if (process.env.KEFU_E2E_KEEP !== '1') await rm(this.dir, { recursive: true, force: true });
      else console.log(`kept ${this.dir}`);
    }
  }

  client(token) {
    return new Client(this.base, token);
  }

  async login(username, password = PASSWORD) {
    return login(this.base, username, password);
  }
}

// A small JSON-over-HTTP client. Every call resolves to
// { status, headers, text, json, buf } and never throws for an HTTP error status.
export class Client {
  constructor(base, token) {
    this.base = base;
    this.token = token;
  }

  with(token) {
    return new Client(this.base, token);
  }

  async request(method, urlPath, { body, headers = {}, token = this.token, raw = false } = {}) {
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let payload;
    if (body !== undefined) {
      if (typeof body === 'string' || Buffer.isBuffer(body) || body instanceof Uint8Array) {
        payload = body;
      } else {
        payload = JSON.stringify(body);
      }
      if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['content-type'] = 'application/json';
    }
    const res = await fetch(this.base + urlPath, { method, headers: h, body: payload });
    const buf = Buffer.from(await res.arrayBuffer());
    const text = raw ? '' : buf.toString('utf8');
    let json;
    const type = res.headers.get('content-type') || '';
    if (!raw && type.includes('json') && text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { status: res.status, headers: res.headers, text, json, buf };
  }

  get(p, opt) {
    return this.request('GET', p, opt);
  }
  post(p, body, opt = {}) {
    return this.request('POST', p, { ...opt, body });
  }
  patch(p, body, opt = {}) {
    return this.request('PATCH', p, { ...opt, body });
  }
}

// Logs in and returns the full answer { token, staff, expires_in, setCookie }; throws unless 200.
export async function loginFull(base, username, password = PASSWORD) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${text}`);
  return { ...JSON.parse(text), setCookie: res.headers.get('set-cookie') };
}

// Logs in and returns a Client carrying the session token (client.me is the staff).
export async function login(base, username, password = PASSWORD) {
  const answer = await loginFull(base, username, password);
  const c = new Client(base, answer.token);
  c.me = answer.staff;
  return c;
}

// Asserts-free lookups the tests share: stores by code, staff by username,
// departments by (store code, kind).
export async function directory(admin) {
  const stores = (await admin.get('/api/v1/stores')).json.items;
  const staff = (await admin.get('/api/v1/staff')).json.items;
  const departments = (await admin.get('/api/v1/departments')).json.items;
  const storeByCode = Object.fromEntries(stores.map((s) => [s.code, s]));
  const staffByName = Object.fromEntries(staff.map((s) => [s.username, s]));
  const dept = (storeCode, kind) =>
    departments.find((d) => d.store_id === storeByCode[storeCode].id && d.kind === kind);
  return { stores, staff, departments, storeByCode, staffByName, dept };
}

// Every ticket visible to the client, following next_cursor to the end.
export async function allTickets(client, query = '') {
  const out = [];
  let cursor = null;
  for (let page = 0; page < 10000; page++) {
    const sep = query ? '&' : '';
    const url = `/api/v1/tickets?${query}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const r = await client.get(url);
    if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${r.text}`);
    out.push(...r.json.items);
    cursor = r.json.next_cursor;
    if (!cursor) break;
  }
  return out;
}

// The body every test ticket starts from; override fields as needed.
export function newTicket(storeId, fields = {}) {
  return {
    store_id: storeId,
    type: 'inquiry',
    channel: 'service_desk',
    subject: '顾客询问营业时间',
    ...fields,
  };
}

// Asserts the JSON error shape and returns the code (for assert.equal).
export function errorCode(res) {
  const e = res.json && res.json.error;
  if (!e || typeof e.code !== 'string' || typeof e.message !== 'string') {
    throw new Error(`not the JSON error shape: ${res.status} ${res.text}`);
  }
  return e.code;
}

// Creates staff of one store and department (password kefu2026e2e): rows of
// [username, role, email?]. Throws unless each is created.
export const E2E_PASSWORD = 'kefu2026e2e';
export async function addStaff(admin, storeId, departmentId, rows) {
  for (const [username, role, email = ''] of rows) {
    const r = await admin.post('/api/v1/staff', {
      username,
      display_name: username,
      role,
      email,
      password: E2E_PASSWORD,
      store_ids: [storeId],
      department_ids: [departmentId],
    });
    if (r.status !== 201) throw new Error(`staff ${username} not created: ${r.status} ${r.text}`);
  }
}
