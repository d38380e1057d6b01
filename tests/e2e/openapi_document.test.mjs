// docs/openapi.yaml is assembled from src/core/api/openapi.yaml and one fragment per
// capability (scripts/openapi.mjs). Here: the committed file is what the fragments give,
// a real OpenAPI validator (swagger-parser) accepts it, every schema compiles under the
// validator the response test uses, and each path sits in the fragment of its capability.
// No server needed.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assemble } from '../../scripts/openapi.mjs';
import { DOCUMENT, webRequire, fragmentsOnDisk, openapiAjv } from './lib/openapi.mjs';
import { SOURCE_DIR } from './lib/server.mjs';

// Which capability owns which paths (the brief of the split; a path is matched whole).
// In a pattern `*` is one path segment and (a|b) one of the alternatives; {id} and
// {token} are literal. Every path must match exactly one row, and the row's capability
// must be the fragment the path is written in.
const OWNERS = {
  core: ['/', '/healthz', '/metrics', '/api/v1/meta/vocabulary'],
  auth: [
    '/api/v1/auth/*',
    '/api/v1/auth/sessions/end-others',
    '/api/v1/api-tokens',
    '/api/v1/api-tokens/{id}/revoke',
    '/api/v1/staff/{id}/(password|deactivate|reactivate)',
    '/api/v1/staff/{id}/sessions/end',
  ],
  org: ['/api/v1/stores', '/api/v1/departments', '/api/v1/staff'],
  members: [
    '/api/v1/members', '/api/v1/members/lookup', '/api/v1/members/{id}', '/api/v1/members/(tier-rules)',
    '/api/v1/members/points/rewards', '/api/v1/members/{id}/identities/remove', '/api/v1/members/{id}/tier/evaluate',
    '/api/v1/members/{id}/(identities|merge-preview|merge|unmerge|merges|history|points|tags|care-flags|consents)',
    '/api/v1/members/{id}/points/(adjust|redeem)',
    '/api/v1/members/{id}/(overview|value)', '/api/v1/reports/value-at-risk',
  ],
  tickets: [
    '/api/v1/tickets',
    '/api/v1/tickets/{id}',
    '/api/v1/tickets/export',
    '/api/v1/tickets/{id}/(status|replies|notes|claim|handover|tasks|timeline|audit|attachments)',
    '/api/v1/tasks/{id}',
    '/api/v1/attachments/{id}',
  ],
  sla: [
    '/api/v1/sla/policies',
    '/api/v1/sla/policies/{id}',
    '/api/v1/tickets/{id}/sla',
    '/api/v1/stores/{id}/calendar',
    '/api/v1/stores/{id}/calendar/deadline',
    '/api/v1/reports/sla',
  ],
  notifications: ['/api/v1/notifications', '/api/v1/notifications/{id}/read', '/api/v1/notifications/read-all', '/api/v1/notifications/stream'],
  remedies: [
    '/api/v1/tickets/{id}/resolutions',
    '/api/v1/approvals',
    '/api/v1/resolutions/{id}/(approve|reject)',
    '/api/v1/authority-limits',
  ],
  callbacks: ['/api/v1/tickets/{id}/callback', '/api/v1/callbacks', '/api/v1/tickets/{id}/csat-link', '/api/v1/public/csat/{token}'],
  reports: [
    '/api/v1/reports/dashboard',
    '/api/v1/reports/(metrics|heatmap|live)',
    '/api/v1/reports/(monthly|schedules)',
    '/api/v1/reports/(metrics|monthly|sla)/export',
    '/api/v1/reports/schedules/{id}',
  ],
  public_tickets: [
    '/api/v1/public/stores',
    '/api/v1/public/tickets',
    '/api/v1/public/track',
    '/api/v1/public/tickets/{token}',
    '/api/v1/public/tickets/{token}/(replies|attachments)',
    '/api/v1/public/tickets/{token}/attachments/{id}',
    '/api/v1/tickets/{id}/tracking-slip',
    '/api/v1/tickets/{id}/customer-access/revoke',
  ],
  chat: [
    '/api/v1/public/chats',
    '/api/v1/public/chats/socket',
    '/api/v1/public/chats/{token}',
    '/api/v1/public/chats/{token}/(messages|photos|read|end|rating|leave-message|bot-feedback|handoff)',
    '/api/v1/public/chats/{token}/photos/{id}',
    '/api/v1/chat/*',
    '/api/v1/chat/conversations/{id}',
    '/api/v1/chat/conversations/export',
    '/api/v1/chat/conversations/{id}/(messages|photos|read|pick|assign|transfer|invite|end|member|ticket)',
    '/api/v1/chat/conversations/{id}/photos/{photo}',
    '/api/v1/staff/{id}/chat',
    '/api/v1/chat/canned',
    '/api/v1/chat/canned/{id}',
    '/api/v1/stores/{id}/chat-settings',
  ],
  bot: ['/api/v1/bot/(report|unanswered)', '/api/v1/bot/unanswered/(resolve|dismiss)'],
  feedback: [
    '/api/v1/feedback/(items|topics|places|import-mappings|imports|hot|journey)', '/api/v1/feedback/(items|places)/{id}',
    '/api/v1/feedback/items/{id}/labels', '/api/v1/feedback/imports/preview',
    '/api/v1/feedback/(classify|examples|models|review)', '/api/v1/feedback/examples/{id}', '/api/v1/feedback/items/classify',
    '/api/v1/feedback/nps', '/api/v1/feedback/nps/(campaigns|invitations)', '/api/v1/feedback/nps/campaigns/{id}',
    '/api/v1/feedback/nps/campaigns/{id}/sample', '/api/v1/feedback/nps/invitations/{id}/(link|recovery)', '/api/v1/public/nps/{token}',
    '/api/v1/public/feedback', '/api/v1/public/feedback/places/{code}', '/api/v1/feedback/items/{id}/photos',
    '/api/v1/feedback/items/{id}/photos/{n}', '/api/v1/feedback/places/{id}/(poster.pdf|poster.png)',
    '/api/v1/feedback/actions', '/api/v1/feedback/actions/(board|{id})',
    '/api/v1/feedback/actions/{id}/(updates|photos|done|verify|waive|reopen|tell)', '/api/v1/feedback/actions/{id}/photos/{photo}',
  ],
  privacy: [
    '/api/v1/privacy/(people/search|exports|requests|retention|retention/run|audit)',
    '/api/v1/privacy/exports/{token}', '/api/v1/privacy/requests/{id}', '/api/v1/privacy/requests/{id}/(confirm|refuse)',
    '/api/v1/privacy/retention/{kind}',
  ],
  purchases: ['/api/v1/purchases', '/api/v1/purchases/{id}', '/api/v1/purchases/(import-mappings|imports)', '/api/v1/purchases/imports/preview'],
  kb: [
    '/api/v1/kb/*',
    '/api/v1/kb/entries/move',
    '/api/v1/kb/entries/{id}',
    '/api/v1/kb/entries/{id}/(publish|draft|versions)',
    '/api/v1/kb/(categories|synonyms|small-talk|signals|paraphrases)/{id}',
  ],
  returns: [
    '/api/v1/returns/policy',
    '/api/v1/returns/policy/(history|check)',
    '/api/v1/returns/decide',
    '/api/v1/returns',
    '/api/v1/returns/lookup',
    '/api/v1/returns/{id}',
    '/api/v1/reports/returns',
  ],
  performance: [
    '/api/v1/performance/(kpi|my-kpi|rules|staff-records|cases|case-story)',
    '/api/v1/performance/(staff-records|cases)/{id}',
    '/api/v1/performance/staff-records/{id}/review',
    '/api/v1/tickets/{id}/staff-records',
  ],
  quality: [
    '/api/v1/quality/(scorecards|settings|samples|report|inspections|coaching|calibrations)',
    '/api/v1/quality/scorecards/history',
    '/api/v1/quality/inspections/{id}',
    '/api/v1/quality/inspections/{id}/(submit|comments|acknowledge|appeal|decision|coaching)',
    '/api/v1/quality/coaching/{id}/acknowledge',
    '/api/v1/quality/calibrations/{id}',
    '/api/v1/quality/calibrations/{id}/(score|close)',
    '/api/v1/quality/auto-rules', '/api/v1/quality/auto-rules/(try|{id})', '/api/v1/quality/auto-hits',
    '/api/v1/quality/auto-hits/counts',
  ],
};

function compile(pattern) {
  const parts = pattern.split(/(\*|\([^)]*\))/).map((part) => {
    if (part === '*') return '[^/]+';
    if (part.startsWith('(')) return `(?:${part.slice(1, -1).split('|').map(escape).join('|')})`;
    return escape(part);
  });
  return new RegExp(`^${parts.join('')}$`);
}
function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const RULES = Object.entries(OWNERS).flatMap(([capability, patterns]) =>
  patterns.map((pattern) => ({ capability, pattern, re: compile(pattern) })),
);
// The capabilities whose rows match a path.
const ownersOf = (p) => [...new Set(RULES.filter((r) => r.re.test(p)).map((r) => r.capability))];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe('docs/openapi.yaml and its fragments', () => {
  let YAML, committed, doc;

  before(() => {
    YAML = webRequire('yaml');
    committed = readFileSync(DOCUMENT, 'utf8');
    doc = YAML.parse(committed);
  });

  it('the committed docs/openapi.yaml is what scripts/openapi.mjs assembles from the fragments', () => {
    const assembled = assemble(SOURCE_DIR);
    assert.ok(
      assembled.text === committed,
      'docs/openapi.yaml is out of date or edited by hand: run node scripts/openapi.mjs (or --check to see which fragment)',
    );
    assert.match(committed.split('\n')[0], /^# Generated by scripts\/openapi\.mjs/);
  });

  it('is a valid OpenAPI 3.0 document for swagger-parser (the file itself, read with its own YAML parser)', async () => {
    const SwaggerParser = webRequire('@apidevtools/swagger-parser');
    const api = await SwaggerParser.validate(DOCUMENT);
    assert.equal(api.openapi, '3.0.3');
  });

  it('every fragment is strict YAML (no repeated key) and a capability fragment has only tags, paths and components', () => {
    for (const { file, abs, capability } of fragmentsOnDisk()) {
      const parsed = YAML.parseDocument(readFileSync(abs, 'utf8'), { uniqueKeys: true });
      assert.deepEqual(parsed.errors.map((e) => e.message), [], file);
      if (capability !== 'core') {
        const extra = Object.keys(parsed.toJS()).filter((k) => !['tags', 'paths', 'components'].includes(k));
        assert.deepEqual(extra, [], `${file}: top-level keys beyond tags, paths, components`);
      }
    }
  });

  it('each fragment holds only the paths of its capability, and each capability has its fragment', () => {
    const fragments = fragmentsOnDisk();
    assert.deepEqual(
      fragments.map((f) => f.capability).sort(),
      Object.keys(OWNERS).sort(),
      'a fragment for every capability of the table and none other',
    );
    const wrong = [];
    for (const { file, abs, capability } of fragments) {
      const paths = YAML.parse(readFileSync(abs, 'utf8')).paths || {};
      for (const p of Object.keys(paths)) {
        const owners = ownersOf(p);
        if (owners.length !== 1) wrong.push(`${file}: ${p} matches ${owners.length ? owners.join(' and ') : 'no capability'}`);
        else if (owners[0] !== capability) wrong.push(`${file}: ${p} belongs in src/${owners[0]}/api/openapi.yaml`);
      }
    }
    assert.deepEqual(wrong, []);
    // And the table itself is no dead letter: each row matches some documented path.
    const unused = RULES.filter((r) => !Object.keys(doc.paths).some((p) => r.re.test(p))).map((r) => `${r.capability}: ${r.pattern}`);
    assert.deepEqual(unused, [], 'rows of the table that match no path');
  });

  it('every operation has a unique operationId and only tags the document declares', () => {
    const declared = new Set((doc.tags || []).map((t) => t.name));
    const ids = new Map();
    const problems = [];
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const m of METHODS.filter((x) => item[x])) {
        const op = item[m];
        const where = `${m.toUpperCase()} ${p}`;
        if (!op.operationId) problems.push(`${where}: no operationId`);
        else if (ids.has(op.operationId)) problems.push(`${where}: operationId ${op.operationId} also on ${ids.get(op.operationId)}`);
        else ids.set(op.operationId, where);
        for (const t of op.tags || []) if (!declared.has(t)) problems.push(`${where}: tag ${t} is not declared`);
        if (!op.tags || !op.tags.length) problems.push(`${where}: no tag`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('every component is used, and every schema compiles under the response validator (OpenAPI 3.0.3 nullable rules)', async () => {
    const text = JSON.stringify(doc);
    const unused = [];
    for (const kind of ['schemas', 'parameters', 'responses', 'headers']) {
      for (const name of Object.keys(doc.components[kind] || {})) {
        if (!text.includes(`"#/components/${kind}/${name}"`)) unused.push(`components.${kind}.${name}`);
      }
    }
    assert.deepEqual(unused, [], 'components no path refers to (left behind by a move?)');

    // Compile each schema where it is used, refs resolved: request bodies, parameters and
    // responses alike, so that a defect surfaces before a response test reaches it.
    const SwaggerParser = webRequire('@apidevtools/swagger-parser');
    const deref = await SwaggerParser.dereference(structuredClone(doc));
    const ajv = openapiAjv();
    const failures = [];
    const tryCompile = (where, schema) => {
      try {
        ajv.compile(schema);
      } catch (e) {
        failures.push(`${where}: ${e.message.split('\n')[0]}`);
      }
    };
    for (const [name, schema] of Object.entries(deref.components.schemas)) tryCompile(`components.schemas.${name}`, schema);
    for (const [p, item] of Object.entries(deref.paths)) {
      for (const m of METHODS.filter((x) => item[x])) {
        const op = item[m];
        const where = `${m.toUpperCase()} ${p}`;
        for (const prm of [...(item.parameters || []), ...(op.parameters || [])]) {
          if (prm.schema) tryCompile(`${where} parameter ${prm.name}`, prm.schema);
        }
        for (const [type, media] of Object.entries(op.requestBody?.content || {})) {
          if (media.schema) tryCompile(`${where} request ${type}`, media.schema);
        }
        for (const [status, resp] of Object.entries(op.responses)) {
          for (const [type, media] of Object.entries(resp.content || {})) {
            if (media.schema) tryCompile(`${where} ${status} ${type}`, media.schema);
          }
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
