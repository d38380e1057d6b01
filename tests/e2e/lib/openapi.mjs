// OpenAPI helpers for the openapi_*.test.mjs files: the npm packages they need (from
// web/node_modules, devDependencies of web/), the assembled document, and a check of a
// real response against what the document declares for its route and status.
import { createRequire } from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_DIR } from './server.mjs';

export const DOCUMENT = path.join(SOURCE_DIR, 'docs', 'openapi.yaml');

const webPackage = path.join(SOURCE_DIR, 'web', 'package.json');
// A package from web/node_modules (npm ci in web/ installs them; scripts/web.sh does).
export function webRequire(name) {
  if (!existsSync(path.join(SOURCE_DIR, 'web', 'node_modules', name))) {
    throw new Error(`npm package ${name} not found in web/node_modules: run npm ci in web/ (scripts/web.sh)`);
  }
  return createRequire(webPackage)(name);
}

// The fragments on disk: [{ capability, file (relative), abs }], the core first.
export function fragmentsOnDisk() {
  const src = path.join(SOURCE_DIR, 'src');
  return readdirSync(src, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(src, d.name, 'api', 'openapi.yaml')))
    .map((d) => ({
      capability: d.name,
      file: `src/${d.name}/api/openapi.yaml`,
      abs: path.join(src, d.name, 'api', 'openapi.yaml'),
    }))
    .sort((a, b) => (a.capability === 'core' ? -1 : b.capability === 'core' ? 1 : a.capability < b.capability ? -1 : 1));
}

// The committed document with every $ref replaced by its target (swagger-parser).
export async function dereferencedDocument() {
  const SwaggerParser = webRequire('@apidevtools/swagger-parser');
  return SwaggerParser.dereference(DOCUMENT);
}

// Why ajv and not an OpenAPI-specific validator: Ajv 8 implements OpenAPI 3.0's
// `nullable` itself, with the 3.0.3 meaning (it adds null to the `type` of the same
// schema and nothing else: `nullable` without `type` is refused at compile time, and an
// `enum` has to list null to allow it), it reports every error with its JSON path, and
// it is the validator swagger-parser already brings in. What OpenAPI adds on top is
// declared here: its formats (int32, int64, float, double, byte, binary, password) and
// the annotation keywords that JSON Schema draft 7 lacks (example, xml, externalDocs).
export function openapiAjv() {
  const Ajv = webRequire('ajv');
  const addFormats = webRequire('ajv-formats');
  const ajv = new Ajv({ strict: true, strictTypes: false, allErrors: true, discriminator: true });
  addFormats(ajv); // date, date-time, email, uri, …
  ajv.addFormat('int32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('byte', /^[A-Za-z0-9+/]*={0,2}$/);
  ajv.addFormat('binary', true);
  ajv.addFormat('password', true);
  for (const keyword of ['example', 'xml', 'externalDocs']) ajv.addKeyword({ keyword });
  return ajv;
}

const JSON_TYPE = /^application\/(.+\+)?json$/;

// The media type entry of `content` that a response's Content-Type falls under (exact,
// then type/*, then */*), or undefined.
function mediaFor(content, contentType) {
  if (!content) return undefined;
  if (content[contentType]) return content[contentType];
  const [type] = contentType.split('/');
  return content[`${type}/*`] ?? content['*/*'];
}

// Checks real responses against a dereferenced document and remembers which operations
// and statuses it saw.
export class ResponseChecker {
  constructor(doc, ajv = openapiAjv()) {
    this.doc = doc;
    this.ajv = ajv;
    this.compiled = new WeakMap();
    this.seen = new Map(); // "GET /api/v1/x" -> Set of statuses checked
  }

  operation(method, template) {
    const item = this.doc.paths[template];
    const op = item && item[method.toLowerCase()];
    if (!op) throw new Error(`${method} ${template} is not in the document`);
    return op;
  }

  validator(schema) {
    let v = this.compiled.get(schema);
    if (!v) {
      v = this.ajv.compile(schema);
      this.compiled.set(schema, v);
    }
    return v;
  }

  // The ways the response { status, headers, json, text, buf } differs from the document
  // (an empty list when it conforms).
  problems(method, template, res) {
    const op = this.operation(method, template);
    const key = `${method.toUpperCase()} ${template}`;
    if (!this.seen.has(key)) this.seen.set(key, new Set());
    this.seen.get(key).add(res.status);

    const status = String(res.status);
    const declared = op.responses[status] ?? op.responses[`${status[0]}XX`] ?? op.responses.default;
    if (!declared) return [`status ${status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`];
    const contentType = (res.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
    const length = res.buf ? res.buf.length : (res.text || '').length;
    if (!declared.content) return length ? [`status ${status} is documented without a body, got ${contentType}`] : [];
    const media = mediaFor(declared.content, contentType);
    if (!media) {
      return [`content type "${contentType}" is not documented for ${status} (documented: ${Object.keys(declared.content).join(', ')})`];
    }
    if (!JSON_TYPE.test(contentType) || !media.schema) return [];
    let body;
    try {
      body = JSON.parse(res.text);
    } catch (e) {
      return [`the body is not JSON: ${e.message}`];
    }
    const validate = this.validator(media.schema);
    if (validate(body)) return [];
    return validate.errors.map((e) => {
      const at = e.instancePath || '(the body)';
      const extra = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '';
      return `${at} ${e.message}${extra} [schema ${e.schemaPath}]`;
    });
  }
}
