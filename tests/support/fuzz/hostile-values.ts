import fc from 'fast-check';

/**
 * Values a careless or hostile client sends: ill-formed Unicode, NUL, impossible dates, wrong types, huge and deeply
 * nested values. Each is a plain JavaScript value; JSON.stringify writes a lone surrogate as the escape `\udfff`, so
 * it reaches the server exactly as a hostile client would send it.
 */
export const HOSTILE_STRINGS = [
  '\udfff',
  'reason \ud800 with a lone high surrogate',
  '\ud83d',
  'a\u0000b',
  '\u0000',
  '2023-02-30',
  '2023-13-01',
  '2023-00-10',
  '0000-01-01',
  '2024-02-30T10:00:00+08:00',
  '2024-03-01T25:00:00+08:00',
  '2024-03-01T10:00:00+99:99',
  '99999-01-01',
  '2023-2-3',
  "' or 1=1 --",
  '../../etc/passwd',
  '%00',
  '%ED%BF%BF',
  '\u202eevil',
  'e\u0301',
  '\ufeff',
  '\u2028',
  ' ',
  '',
  'null',
  'a@b',
  'x'.repeat(70) + '@' + 'y'.repeat(250) + '.com',
  '"@"'.repeat(50),
  '中'.repeat(3000),
] as const;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'long'.repeat(Math.ceil(n / 4))) },
);

/** A value nested `depth` levels deep: `[[[...]]]` or `{"a":{"a":...}}`. */
export function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(1e308, -1, 0, -0, 0.5, 2 ** 53 + 2, -(2 ** 63), 123456789012345678901234567890, true, false, null),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([], {}, [null], [''], { x: 1 }, Array.from({ length: 3000 }, (_, i) => i)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 20, max: 300 }), fc.constantFrom<'array' | 'object'>('array', 'object')).map(([d, k]) => nested(d, k)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Path segments that are no id of anything: odd text, encoded NUL, an encoded lone surrogate, invalid UTF-8. */
export const HOSTILE_SEGMENTS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  '%00',
  '%ED%BF%BF',
  '%FF',
  '%E4%B8%AD%E6%96%87',
  '%F0%9F%98%80',
  '..',
  '%2E%2E',
  '%2F',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '1%20OR%201%3D1',
  'a'.repeat(300),
  '%25',
] as const;
