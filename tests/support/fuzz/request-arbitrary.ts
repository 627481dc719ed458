import fc from 'fast-check';
import { dtoArbitrary, WorldHints } from './dto-arbitrary';
import { paramKind } from './id-registry';
import { HOSTILE_SEGMENTS, hostileString, hostileValue, nested } from './hostile-values';
import { HandlerFacts } from './route-catalogue';

/** One operation of the OpenAPI document, as the fuzz needs it. */
export interface FuzzOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path with the global prefix: `/api/v1/programs/{id}`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  headerParams: string[];
  body: 'json' | 'multipart' | 'none';
  facts?: HandlerFacts;
}

/** A way of calling: a signed-in role, nobody, or a forged token. */
export interface Caller {
  name: string;
  role?: string;
  headers: Record<string, string>;
}

/** One request, ready to send. */
export interface FuzzCase {
  caller: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What the case does, for the failure report. */
  summary: string;
}

/**
 * The bytes of a text in UTF-8, writing a lone surrogate as the three bytes a careless encoder produces (WTF-8:
 * `\udfff` -> ED BF BF), which are no valid UTF-8: exactly what a client that ignores well-formedness sends.
 */
export function wtf8(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(...Buffer.from(char, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** Percent-encoding of those bytes (encodeURIComponent refuses lone surrogates; a hostile client does not). */
export function percentEncode(text: string): string {
  return [...wtf8(text)].map((byte) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** The value in `percent` requests out of a hundred, else nothing. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: percent, arbitrary }, { weight: 100 - percent, arbitrary: fc.constant(undefined) });
}

type JsonObject = Record<string, unknown>;

/** Every path into a JSON value, containers included (the empty path is the value itself). */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => found.push(...paths(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) found.push(...paths(item, [...prefix, key]));
  return found;
}

function replaceAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
  const object = value as JsonObject;
  return { ...object, [head]: replaceAt(object[head as string], rest, replacement) };
}

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');

/** JSON texts no serializer writes, but a hostile client can: prototype keys, depth, broken syntax, bad bytes. */
function rawJsonBodies(plausible: fc.Arbitrary<unknown>): fc.Arbitrary<{ body: Buffer; summary: string }> {
  const withKey = (key: string, inner: string) =>
    plausible.map((value) => {
      const rest = JSON.stringify(value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {});
      return { body: Buffer.from(`{"${key}":${inner}${rest.length > 2 ? `,${rest.slice(1)}` : '}'}`), summary: `raw key ${key}` };
    });
  return fc.oneof(
    withKey('__proto__', '{"polluted":true,"role":"platform_admin"}'),
    withKey('constructor', '{"prototype":{"polluted":true}}'),
    withKey('prototype', '{"polluted":true}'),
    withKey('items', '[{"__proto__":{"polluted":true}}]'),
    fc.constantFrom(40, 500, 20_000, 200_000).map((depth) => ({ body: Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`), summary: `raw depth ${depth}` })),
    fc.constantFrom(40, 3_000).map((depth) => ({ body: json(nested(depth, 'object')), summary: `object depth ${depth}` })),
    fc
      .constantFrom('{"a":', '{"a":1,}', "{'a':1}", '{"a":1}}', 'nul', '\ufeff{}', '{"a":"\u0000"}', '{"a":1,"a":2}', '{"reason":"\\ud800\\udc00\\udfff"}', '')
      .map((text) => ({ body: Buffer.from(text, 'utf8'), summary: `raw text ${JSON.stringify(text)}` })),
    fc.constantFrom('null', '"text"', '42', 'true', '[]', '[{}]', '{}').map((text) => ({ body: Buffer.from(text), summary: `top-level ${text}` })),
    fc.constantFrom([0xff, 0xfe], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf]).map((bytes) => ({
      body: Buffer.concat([Buffer.from('{"reason":"'), Buffer.from(bytes), Buffer.from('"}')]),
      summary: `invalid UTF-8 ${bytes.map((b) => b.toString(16)).join(' ')}`,
    })),
  );
}

const CONTENT_TYPES = [
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; charset=utf-8; boundary=x',
  'application/json;charset=UTF-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/merge-patch+json',
  'multipart/form-data; boundary=zzz',
  'application/octet-stream',
  'application/*',
];

type BodyCase = { body: Buffer; headers: Record<string, string>; summary: string };

function plausibleJson(operation: FuzzOperation, hints: WorldHints): fc.Arbitrary<unknown> {
  const bodyType = operation.facts?.bodyType;
  return bodyType ? dtoArbitrary(bodyType, hints) : fc.jsonValue({ maxDepth: 3 });
}

const asJson = (summary: string) => (body: Buffer): BodyCase => ({ body, headers: { 'content-type': 'application/json' }, summary });

/** A JSON body the route would most likely accept. */
function plausibleJsonBody(operation: FuzzOperation, hints: WorldHints): fc.Arbitrary<BodyCase> {
  return plausibleJson(operation, hints).map((value) => asJson('plausible body')(json(value)));
}

/** A JSON body broken in one place: one value hostile, an extra field, raw text no serializer writes, odd headers. */
function hostileJsonBody(operation: FuzzOperation, hints: WorldHints): fc.Arbitrary<BodyCase> {
  const plausible = plausibleJson(operation, hints);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(plausible, fc.nat(), hostileValue).map(([value, pick, hostile]) => {
        const candidates = paths(value).filter((path) => path.length > 0);
        const path = candidates.length ? candidates[pick % candidates.length] : [];
        return asJson(`${path.join('.') || '(body)'} = ${JSON.stringify(hostile)?.slice(0, 80)}`)(json(replaceAt(value, path, hostile)));
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(plausible, fc.constantFrom('extra', 'role', 'tenantId', 'isAdmin', 'id'), hostileValue).map(([value, key, hostile]) =>
        asJson(`extra field ${key}`)(json(value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, [key]: hostile } : { [key]: hostile })),
      ),
    },
    { weight: 3, arbitrary: rawJsonBodies(plausible).map(({ body, summary }) => asJson(summary)(body)) },
    {
      weight: 1,
      arbitrary: fc.tuple(plausible, fc.constantFrom(...CONTENT_TYPES)).map(([value, contentType]) => ({
        body: json(value),
        headers: { 'content-type': contentType },
        summary: `content-type ${contentType}`,
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(plausible, fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'identity', 'gzip, gzip')).map(([value, encoding]) => ({
        body: json(value),
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        summary: `content-encoding ${encoding} (body not encoded)`,
      })),
    },
  );
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const FILE_NAMES: Array<string | Buffer> = [
  '标准文本.pdf',
  'evidence.pdf',
  'a\u0000b.pdf',
  '../../../etc/passwd',
  `${'x'.repeat(400)}.pdf`,
  '',
  '\u202efdp.exe',
  Buffer.from([0x61, 0xff, 0xfe, 0x2e, 0x70, 0x64, 0x66]),
  wtf8('\udfff.pdf'),
];

/** A multipart upload written by hand, so part names, file names and field values can carry any bytes at all. */
function multipartBody(hints: WorldHints, hostile: boolean): fc.Arbitrary<BodyCase> {
  const boundary = 'fuzzboundary7MA4YWxkTrZu0gW';
  const plausibleField = fc.constantFrom(...hints.achievementIds, '标准文本', '发布公告');
  const fieldValue = hostile ? fc.oneof(plausibleField, hostileString) : plausibleField;
  const part = (disposition: Buffer, content: Buffer, type?: string) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; `), disposition, Buffer.from(`${type ? `\r\nContent-Type: ${type}` : ''}\r\n\r\n`), content, Buffer.from('\r\n')]);
  return fc
    .record({
      achievementId: sometimes(fieldValue, 60),
      material: sometimes(fieldValue, 60),
      extraField: hostile ? sometimes(fc.constantFrom('__proto__', 'constructor', 'file', 'extra', 'achievementId'), 25) : fc.constant(undefined),
      fileName: hostile ? sometimes(fc.constantFrom(...FILE_NAMES), 85) : fc.constantFrom('标准文本.pdf', 'evidence.pdf'),
      content: hostile ? fc.constantFrom(PDF, Buffer.alloc(0), Buffer.from([0, 1, 2, 3, 0xff]), Buffer.from('<html><script>alert(1)</script>')) : fc.constant(PDF),
      files: hostile ? fc.constantFrom(1, 1, 1, 2) : fc.constant(1),
      truncated: hostile ? fc.constantFrom(false, false, false, true) : fc.constant(false),
    })
    .map((spec) => {
      const parts: Buffer[] = [];
      for (const name of ['achievementId', 'material'] as const) {
        const value = spec[name];
        if (value !== undefined) parts.push(part(Buffer.from(`name="${name}"`), wtf8(value)));
      }
      if (spec.extraField) parts.push(part(Buffer.from(`name="${spec.extraField}"`), Buffer.from('{"polluted":true}')));
      if (spec.fileName !== undefined) {
        const name = typeof spec.fileName === 'string' ? wtf8(spec.fileName) : spec.fileName;
        for (let i = 0; i < spec.files; i += 1) parts.push(part(Buffer.concat([Buffer.from('name="file"; filename="'), name, Buffer.from('"')]), spec.content, 'application/pdf'));
      }
      const body = Buffer.concat([...parts, Buffer.from(spec.truncated ? `--${boundary}` : `--${boundary}--\r\n`)]);
      const summary = `multipart fields=${JSON.stringify({ a: spec.achievementId?.slice(0, 40), m: spec.material?.slice(0, 40), x: spec.extraField })} file=${JSON.stringify(spec.fileName?.toString().slice(0, 40))} x${spec.files}${spec.truncated ? ' truncated' : ''}`;
      return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, summary };
    });
}

/** A path parameter that names something that exists (mostly of the kind the path is about), or nothing at all. */
function plausibleParam(path: string, name: string, hints: WorldHints): fc.Arbitrary<string> {
  if (name === 'tenantId') return fc.constantFrom(...hints.tenants, 'no-such-tenant');
  if (name === 'achievementId') return fc.constantFrom(...hints.achievementIds);
  const sameKind = hints.idsByKind[paramKind(path, name) ?? ''] ?? [];
  return fc.oneof(
    { weight: sameKind.length ? 8 : 0, arbitrary: fc.constantFrom(...(sameKind.length ? sameKind : hints.ids)) },
    { weight: 3, arbitrary: fc.constantFrom(...hints.ids) },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

/** A path parameter no route could mean: odd text, encoded NUL, an encoded lone surrogate, invalid UTF-8. */
function hostileParam(name: string): fc.Arbitrary<string> {
  const segments = fc.constantFrom(...HOSTILE_SEGMENTS);
  const text = hostileString.filter((s) => s.length < 2000).map(percentEncode);
  return name === 'tenantId' ? fc.oneof(segments, text, fc.constant('WEIHAI')) : fc.oneof(segments, text);
}

const EXTRA_QUERIES = [
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  '__proto__=x',
  'a[b][c][d][e][f][g][h]=1',
  '%ED%BF%BF=1',
  'x=%00',
  '%FF=%FE',
  'limit=1&limit=2',
  'status[]=x',
  'programId[$ne]=x',
  `q=${'y'.repeat(5000)}`,
];

function queryString(entries: Array<[string, string]>, extra?: string): string {
  const pairs = entries.filter(([, value]) => value !== '').map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`);
  if (extra) pairs.push(extra);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

function plausibleQueryValues(operation: FuzzOperation, hints: WorldHints): fc.Arbitrary<Array<[string, string]>> {
  const queryType = operation.facts?.queryType;
  const plausible: fc.Arbitrary<Record<string, unknown>> = queryType ? dtoArbitrary(queryType, hints) : fc.constant({});
  return plausible.map((values) => {
    const entries = Object.entries(values).map(([key, value]) => [key, String(value)] as [string, string]);
    for (const name of operation.queryParams) if (!entries.some(([key]) => key === name)) entries.push([name, '']);
    return entries;
  });
}

/** The query parameters the route reads (from its query class and the document), with plausible values. */
function plausibleQuery(operation: FuzzOperation, hints: WorldHints): fc.Arbitrary<string> {
  return plausibleQueryValues(operation, hints).map((entries) => queryString(entries));
}

/** The same parameters with one value hostile, or a parameter no parser should let through. */
function hostileQuery(operation: FuzzOperation, hints: WorldHints): fc.Arbitrary<{ query: string; summary: string }> {
  return fc.oneof(
    fc.tuple(plausibleQueryValues(operation, hints), fc.nat(), hostileString.filter((s) => s.length < 2000)).map(([entries, pick, value]) => {
      const all = entries.length ? entries : [['q', ''] as [string, string]];
      const index = pick % all.length;
      all[index] = [all[index][0], value];
      return { query: queryString(all), summary: `query ${all[index][0]} = ${JSON.stringify(value).slice(0, 60)}` };
    }),
    fc.tuple(plausibleQueryValues(operation, hints), fc.constantFrom(...EXTRA_QUERIES)).map(([entries, extra]) => ({ query: queryString(entries, extra), summary: `query ${extra.slice(0, 40)}` })),
  );
}

const TENANT_HEADERS = ['platform', 'no-such-tenant', 'WEIHAI', ' weihai ', 'weihai, platform', 'x'.repeat(300), '\u00ff\u00fe', '%00', 'weihai\t'];
const IDEMPOTENCY_KEYS = ['short', 'x'.repeat(200), '\u00ff'.repeat(12), 'has a space in it', 'fuzz-reused-key-0001'];
const LANGUAGES = ['en', 'zh-CN', 'en-US,en;q=0.9', '*', '\u00ff', 'x'.repeat(500), ''];

/** Headers the application reads, each hostile in its own way. */
function hostileHeaders(): fc.Arbitrary<{ headers: Record<string, string>; summary: string }> {
  return fc.oneof(
    fc.constantFrom(...TENANT_HEADERS).map((value) => ({ headers: { 'x-tenant-id': value }, summary: `X-Tenant-Id ${JSON.stringify(value.slice(0, 30))}` })),
    fc.constantFrom(...IDEMPOTENCY_KEYS).map((value) => ({ headers: { 'idempotency-key': value }, summary: `Idempotency-Key ${JSON.stringify(value.slice(0, 30))}` })),
    fc.constantFrom(...LANGUAGES).map((value) => ({ headers: { 'accept-language': value }, summary: `Accept-Language ${JSON.stringify(value.slice(0, 30))}` })),
  );
}

type Focus = 'none' | 'caller' | 'path' | 'query' | 'headers' | 'body';

/**
 * Requests to one operation, each breaking one thing at a time so the rest of the request is plausible and the
 * broken part reaches as far into the application as it can: the body (most often), a path parameter, the query
 * string, a header, or the caller (a role the route does not admit, nobody, a forged token); some requests break
 * nothing. Callers are otherwise ones the route admits, path parameters name things that exist.
 */
export function caseArbitrary(operation: FuzzOperation, callers: Caller[], hints: WorldHints): fc.Arbitrary<FuzzCase> {
  const facts = operation.facts;
  const admits = (caller: Caller) => (facts?.isPublic ? caller.name === 'anonymous' : facts?.roles ? facts.roles.includes(caller.role as never) : caller.role !== undefined);
  const admitted = callers.filter(admits);
  const others = callers.filter((caller) => !admits(caller));
  const admittedCaller = fc.constantFrom(...(admitted.length ? admitted : callers));
  const otherCaller = fc.constantFrom(...(others.length ? others : callers));
  const needsKey = operation.headerParams.includes('Idempotency-Key');
  const hasBody = operation.body !== 'none';
  const body = (hostile: boolean): fc.Arbitrary<BodyCase | undefined> =>
    operation.body === 'json'
      ? hostile
        ? hostileJsonBody(operation, hints)
        : plausibleJsonBody(operation, hints)
      : operation.body === 'multipart'
        ? multipartBody(hints, hostile)
        : hostile
          ? rawJsonBodies(fc.constant({})).map(({ body: bytes, summary }) => ({ body: bytes, headers: { 'content-type': 'application/json' }, summary: `unexpected body: ${summary}` }))
          : fc.constant(undefined);
  const focus = fc.oneof(
    { weight: 2, arbitrary: fc.constant<Focus>('none') },
    { weight: 2, arbitrary: fc.constant<Focus>('caller') },
    { weight: operation.pathParams.length ? 3 : 0, arbitrary: fc.constant<Focus>('path') },
    { weight: 2, arbitrary: fc.constant<Focus>('query') },
    { weight: 2, arbitrary: fc.constant<Focus>('headers') },
    { weight: hasBody ? 8 : 1, arbitrary: fc.constant<Focus>('body') },
  );
  return focus.chain((broken) =>
    fc
      .record({
        caller: broken === 'caller' ? otherCaller : admittedCaller,
        params: fc.tuple(...operation.pathParams.map((name) => (broken === 'path' ? fc.oneof(plausibleParam(operation.path, name, hints), hostileParam(name)) : plausibleParam(operation.path, name, hints)))),
        query: broken === 'query' ? hostileQuery(operation, hints) : plausibleQuery(operation, hints).map((query) => ({ query, summary: '' })),
        body: body(broken === 'body'),
        headers: broken === 'headers' ? hostileHeaders() : fc.constant({ headers: {}, summary: '' }),
        idempotencyKey: needsKey ? fc.uuid() : fc.constant(undefined),
      })
      .map((c) => {
        let url = operation.path;
        operation.pathParams.forEach((name, index) => (url = url.replace(`{${name}}`, c.params[index])));
        const headers: Record<string, string> = { ...c.caller.headers, ...(c.body?.headers ?? {}) };
        if (c.idempotencyKey !== undefined) headers['idempotency-key'] = c.idempotencyKey;
        Object.assign(headers, c.headers.headers);
        const summary = [`breaks ${broken}`, c.body?.summary, c.query.summary, c.headers.summary].filter(Boolean).join('; ');
        return { caller: c.caller.name, url: `${url}${c.query.query}`, headers, body: c.body?.body, summary };
      }),
  );
}
