import { ConfigError, DEVELOPMENT_JWT_SECRET, editDistance, estimatedEntropyBits, loadConfig, weakJwtSecretReason } from '@subsidy/config';
import { randomBytes } from 'node:crypto';

const production = (secret: string) => loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret });

function thrownBy(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('JWT secret strength in production', () => {
  it.each([
    ['32 equal characters', 'a'.repeat(32), /only 1 distinct characters/],
    ['two characters alternating', 'ab'.repeat(16), /only 2 distinct characters/],
    ['a repeated short cycle', '13579'.repeat(7), /only 5 distinct characters/],
    ['the alphabet in order (a run)', 'abcdefghijklmnopqrstuvwxyzabcdef', /estimated 6 bits of entropy/],
    ['a keyboard walk', 'qwertyuiopasdfghjklzxcvbnmqwerty', /estimated 125 bits of entropy/],
    ['a passphrase of common words', 'correct horse battery staple!!!!', /estimated 115 bits of entropy/],
    ['a repeated word', 'Tr0ub4dor&3-Tr0ub4dor&3-Tr0ub4dor&3', /estimated 119 bits of entropy/],
    ['32 hex digits (at most 128 bits, estimated below)', 'a8308daed38ddab1d414b7007a56913a', /estimated 111 bits of entropy/],
    ['the development secret with one character changed', DEVELOPMENT_JWT_SECRET.replace('dev', 'deV'), /variation of/],
    ['the development secret with one character added', `${DEVELOPMENT_JWT_SECRET}!`, /variation of/],
    ['the development secret with a few characters swapped', DEVELOPMENT_JWT_SECRET.replace('0123456789', '9876543210'), /variation of/],
    ['the development secret upper-cased in part', DEVELOPMENT_JWT_SECRET.replace('secret', 'SECRET'), /variation of/],
  ])('refuses %s, naming the measure and never the secret', (_what, secret, reason) => {
    expect(weakJwtSecretReason(secret)).toMatch(reason);
    const error = thrownBy(() => production(secret));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^Invalid environment variable JWT_SECRET: /);
    expect(error.message).toMatch(reason);
    expect(error.message).toContain('openssl rand -base64 48');
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('\n');
  });

  it.each([
    ['a hand-picked random 32 characters', 'kR3v9Qz7XbLm2TfYw8NcHs5GdPa1JeUq'],
    ['openssl rand -base64 24', randomBytes(24).toString('base64')],
    ['openssl rand -base64 48', randomBytes(48).toString('base64')],
    ['openssl rand -hex 32', randomBytes(32).toString('hex')],
  ])('accepts %s', (_what, secret) => {
    expect(weakJwtSecretReason(secret)).toBeUndefined();
    expect(production(secret).auth.jwtSecret).toBe(secret);
  });

  it('still names an unset secret as unset, and checks only in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set in production/);
    expect(loadConfig({ NODE_ENV: 'development', JWT_SECRET: 'a'.repeat(32) }).auth.jwtSecret).toBe('a'.repeat(32));
    expect(loadConfig({ NODE_ENV: 'test', JWT_SECRET: `${DEVELOPMENT_JWT_SECRET}!` }).auth.jwtSecret).toBe(`${DEVELOPMENT_JWT_SECRET}!`);
  });

  it.each([
    ['', '', 0],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['标准化资助', '标准资助', 1],
    [DEVELOPMENT_JWT_SECRET, DEVELOPMENT_JWT_SECRET.replace('dev', 'deV'), 1],
  ])('edit distance of %j and %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  const h = (...ps: number[]) => -ps.reduce((sum, p) => sum + p * Math.log2(p), 0);
  it.each([
    ['', 0],
    ['aaaa', 0],
    // characters: 1 bit each; steps (+1, -1, +1): h(2/3, 1/3) = 0.918 bits each; the lower wins, times 4 characters
    ['abab', 4 * h(2 / 3, 1 / 3)],
    // characters: log2(4) = 2 bits; steps all +1: 0 bits
    ['abcd', 0],
    // characters 2 bits, steps (+2, -1, +2): 0.918 bits
    ['acbd', 4 * h(2 / 3, 1 / 3)],
  ])('estimates %j at %d bits, the lower of character and step entropy', (value, bits) => {
    expect(estimatedEntropyBits(value)).toBeCloseTo(bits, 9);
  });
});
