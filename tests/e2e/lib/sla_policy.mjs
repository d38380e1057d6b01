// Test helper: puts an SLA policy straight into a running server's database, beside the
// demo's (the API would refuse its duplicate position). The server notices the change
// through the SLA config version the database's triggers bump, so tickets created
// afterwards get SLA clocks. Uses the sqlite3 CLI (the file is in WAL mode, so this
// works while the server runs) or psql.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

// Every ticket: first response 30 min, resolution 240 min, callback 1440 min, calendar time.
export async function insertCatchAllPolicy(server, name = '测试策略') {
  const targets = JSON.stringify({
    first_response: { minutes: 30, mode: 'calendar' },
    resolution: { minutes: 240, mode: 'calendar' },
    callback: { minutes: 1440, mode: 'calendar' },
  });
  const q = (s) => `'${s.replaceAll("'", "''")}'`;
  const sql =
    'INSERT INTO sla_policies(name, position, conditions_json, targets_json, ladder_json, active, updated_at, version) ' +
    `VALUES (${q(name)}, 1, '{}', ${q(targets)}, '[]', 1, 0, 1)`;
  if (server.dbUrl.startsWith('sqlite://'))
    await execFileP('sqlite3', ['-cmd', '.timeout 5000', server.dbUrl.slice('sqlite://'.length), sql]);
  else await execFileP('psql', [server.dbUrl, '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
}

// Suggestions get a 2-minute first-response target (2 s at the tests' 60× clock): the
// owner hears at 50 %, the store's supervisors at the breach. Returns the policy's id.
export async function addShortSuggestionPolicy(admin, name) {
  const r = await admin.post('/api/v1/sla/policies', {
    name,
    position: 1,
    conditions: { types: ['suggestion'] },
    targets: { first_response: { minutes: 2, mode: 'calendar' } },
    ladder: [
      { anchor: 'percent_of_target', value: 50, notify: 'owner' },
      { anchor: 'percent_of_target', value: 100, notify: 'supervisor' },
    ],
  });
  if (r.status !== 201) throw new Error(`policy not created: ${r.status} ${r.text}`);
  return r.json.id;
}
