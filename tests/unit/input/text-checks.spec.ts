import {
  inspectHeaders,
  inspectJson,
  inspectQueryString,
  inspectTextFields,
  inspectUrlPath,
  isWellFormedText,
  jsonDepthExceeds,
  jsonPath,
  MAX_JSON_DEPTH,
  textProblem,
} from '@subsidy/common';
import fc from 'fast-check';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const problems = (issues: Array<{ problem: string; path: string }>) => issues.map(({ problem, path }) => [problem, path]);

describe('text problems', () => {
  it.each([
    ['plain text', null],
    ['中文与 emoji 😀', null],
    ['\udfff', 'invalid_unicode'],
    ['reason \ud800 alone', 'invalid_unicode'],
    ['\ud83d', 'invalid_unicode'],
    ['\udc00\ud800', 'invalid_unicode'],
    ['\ud83d\ude00', null],
    ['a\u0000b', 'nul_character'],
    ['', null],
  ])('%j -> %s', (text, expected) => {
    expect(textProblem(text)).toBe(expected);
    expect(isWellFormedText(text)).toBe(expected !== 'invalid_unicode');
  });
});

describe('JSON paths', () => {
  it.each([
    [['reason'], 'reason'],
    [['achievements', 0, 'title'], 'achievements[0].title'],
    [[0, 'a'], '[0].a'],
    [['scores', 'a b'], 'scores["a b"]'],
    [['x', '\udfff'], 'x["\\udfff"]'],
    [['x', '中'], 'x["\\u4e2d"]'],
  ])('%j -> %s', (segments, expected) => {
    expect(jsonPath(segments)).toBe(expected);
  });
});

describe('JSON depth, read from the bytes', () => {
  it('counts arrays and objects, not brackets inside strings or escaped quotes', () => {
    expect(jsonDepthExceeds(bytes('{"a":[{"b":1}]}'), 3)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":[{"b":1}]}'), 2)).toBe(true);
    expect(jsonDepthExceeds(bytes(`{"a":"${'['.repeat(100)}"}`), 1)).toBe(false);
    expect(jsonDepthExceeds(bytes(`{"a":"\\"${'{'.repeat(100)}"}`), 1)).toBe(false);
  });

  it('allows exactly the limit and refuses one more', () => {
    const deep = (n: number) => bytes(`${'['.repeat(n)}${']'.repeat(n)}`);
    expect(jsonDepthExceeds(deep(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonDepthExceeds(deep(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonDepthExceeds(deep(500_000), MAX_JSON_DEPTH)).toBe(true);
  });
});

describe('inspectJson', () => {
  it('names every reserved key, ill-formed string and NUL by its path', () => {
    const body = JSON.parse('{"reason":"\\udfff","achievements":[{"title":"a\\u0000b"},{"__proto__":{"x":1}}],"constructor":1,"ok":"fine"}');
    expect(problems(inspectJson(body).issues)).toEqual([
      ['invalid_unicode', 'reason'],
      ['nul_character', 'achievements[0].title'],
      ['forbidden_key', 'achievements[1].__proto__'],
      ['forbidden_key', 'constructor'],
    ]);
  });

  it('refuses an ill-formed key and a prototype key anywhere', () => {
    expect(problems(inspectJson(JSON.parse('{"a":{"\\ud800":1}}')).issues)).toEqual([['invalid_unicode', 'a["\\ud800"]']]);
    expect(problems(inspectJson(JSON.parse('{"a":{"prototype":{}}}')).issues)).toEqual([['forbidden_key', 'a.prototype']]);
  });

  it('refuses nesting deeper than the limit', () => {
    let value: unknown = 1;
    for (let i = 0; i < MAX_JSON_DEPTH + 1; i += 1) value = [value];
    expect(inspectJson(value).issues.map((issue) => issue.problem)).toEqual(['json_too_deep']);
    expect(inspectJson([[[1]]], 3).issues).toEqual([]);
    expect(inspectJson([[[[1]]]], 3).issues.map((issue) => issue.problem)).toEqual(['json_too_deep']);
  });

  it('returns a copy whose strings are NFC, keys and other values untouched', () => {
    const { value, issues } = inspectJson({ name: 'Cafe\u0301', list: ['e\u0301', 1, true, null], 'Cafe\u0301': 'x' });
    expect(issues).toEqual([]);
    expect(value).toEqual({ name: 'Café', list: ['é', 1, true, null], 'Cafe\u0301': 'x' });
  });

  it('gives a Chinese and an English message for every issue', () => {
    const [issue] = inspectJson({ reason: '\udfff' }).issues;
    expect(issue).toEqual({ problem: 'invalid_unicode', path: 'reason', message: expect.stringContaining('reason'), messageZh: expect.stringContaining('reason') });
    expect(issue.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('never throws, and whatever it accepts holds only well-formed text without NUL', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.string({ unit: 'binary' }), (value, text) => {
        for (const candidate of [value, { text }, [text], { [text]: value }]) {
          const { value: normalized, issues } = inspectJson(candidate);
          if (issues.length === 0) {
            const serialized = JSON.stringify(normalized);
            expect(isWellFormedText(serialized)).toBe(true);
            expect(serialized).not.toContain('\\u0000');
          }
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('checks multipart text fields the same way, whatever their object (multer gives one without a prototype)', () => {
    const fields = Object.assign(Object.create(null) as Record<string, unknown>, { material: 'a\u0000', achievementId: 'a1' });
    Object.defineProperty(fields, '__proto__', { value: 'x', enumerable: true });
    expect(problems(inspectTextFields(fields).issues)).toEqual([
      ['nul_character', 'material'],
      ['forbidden_key', '__proto__'],
    ]);
  });
});

describe('query strings, URL paths and headers', () => {
  it.each([
    ['programId=6f1c2a4e-0000-4000-8000-000000000000&status=draft', []],
    ['q=%E4%B8%AD%E6%96%87&r=a+b', []],
    ['q=%ED%BF%BF', [['invalid_unicode', 'q']]],
    ['q=%FF', [['invalid_unicode', 'q']]],
    ['%FF=1', [['invalid_unicode', '%FF']]],
    ['q=a%00b', [['nul_character', 'q']]],
    ['__proto__[polluted]=1', [['forbidden_key', '__proto__[polluted]']]],
    ['a[constructor][prototype]=1', [['forbidden_key', 'a[constructor][prototype]']]],
    ['a.prototype=1', [['forbidden_key', 'a.prototype']]],
    ['&&flag&', []],
  ])('query %s', (raw, expected) => {
    expect(problems(inspectQueryString(raw))).toEqual(expected);
  });

  it.each([
    ['/api/v1/programs/6f1c2a4e-0000-4000-8000-000000000000', []],
    ['/api/v1/public/tenants/%E4%B8%AD/publicities', []],
    ['/api/v1/programs/%ED%BF%BF', [['invalid_unicode', 'url']]],
    ['/api/v1/programs/%FF/schedule', [['invalid_unicode', 'url']]],
    ['/api/v1/programs/a%00', [['nul_character', 'url']]],
  ])('path %s', (raw, expected) => {
    expect(problems(inspectUrlPath(raw))).toEqual(expected);
  });

  it('accepts printable ASCII headers matching their pattern, and refuses the rest by name', () => {
    const patterns = { 'x-tenant-id': /^[a-z][a-z0-9-]{1,62}$/ };
    const names = ['X-Tenant-Id', 'Accept-Language'];
    expect(inspectHeaders({ 'x-tenant-id': ' weihai ', 'accept-language': 'en-US,en;q=0.9' }, patterns, names)).toEqual([]);
    expect(inspectHeaders({}, patterns, names)).toEqual([]);
    expect(problems(inspectHeaders({ 'x-tenant-id': 'WEIHAI' }, patterns, names))).toEqual([['invalid_header', 'X-Tenant-Id']]);
    expect(problems(inspectHeaders({ 'x-tenant-id': 'weihai, platform' }, patterns, names))).toEqual([['invalid_header', 'X-Tenant-Id']]);
    expect(problems(inspectHeaders({ 'accept-language': '\u00e4\u00b8\u00ad' }, patterns, names))).toEqual([['invalid_header', 'Accept-Language']]);
  });
});
