/**
 * Whether a production JWT secret is worth the name. Signing keys are usually pasted by hand, so the mistakes to catch
 * are the human ones: a short phrase, a run of one character, a keyboard walk, or the development default with a
 * character changed. Checked without printing the secret.
 */

/** The development default; refused in production, and so is anything a few edits away from it. */
export const DEVELOPMENT_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

export const JWT_SECRET_RULES = {
  minLength: 32,
  /** Estimated bits (see estimatedEntropyBits); `openssl rand -base64 48` gives about 330. */
  minEntropyBits: 128,
  minDistinctCharacters: 10,
  /** Levenshtein distance to the development default at or below which a secret counts as a copy of it. */
  maxEditsFromDevelopmentSecret: 10,
} as const;

/** Shannon entropy of a sequence's own distribution, in bits per element. */
function shannonBits(elements: ReadonlyArray<string | number>): number {
  if (elements.length === 0) return 0;
  const counts = new Map<string | number, number>();
  for (const element of elements) counts.set(element, (counts.get(element) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / elements.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Shannon entropy of the string's own character distribution, in bits per character. */
export function shannonBitsPerCharacter(value: string): number {
  return shannonBits([...value]);
}

/**
 * An estimate of the secret's entropy in bits: bits per character × characters, where bits per character is the lower
 * of the Shannon entropy of the characters and of the steps between neighbours. The second measure catches runs and
 * keyboard walks ("abcdefgh…", "13579…") whose characters alone look varied.
 */
export function estimatedEntropyBits(value: string): number {
  const points = [...value].map((character) => character.codePointAt(0) ?? 0);
  const steps = points.slice(1).map((point, index) => point - points[index]);
  const perCharacter = Math.min(shannonBits(points), points.length > 1 ? shannonBits(steps) : 0);
  return perCharacter * points.length;
}

/** Levenshtein distance (insertions, deletions, substitutions), by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}

/**
 * Why the secret is too weak for production, or undefined when it is acceptable. The reason never quotes the secret;
 * it states the measure that failed and how to make a good one.
 */
export function weakJwtSecretReason(secret: string): string | undefined {
  const rules = JWT_SECRET_RULES;
  const advice = 'generate one with `openssl rand -base64 48`';
  const length = [...secret].length;
  if (length < rules.minLength) return `must be at least ${rules.minLength} characters (it has ${length}); ${advice}`;
  if (editDistance(secret, DEVELOPMENT_JWT_SECRET) <= rules.maxEditsFromDevelopmentSecret) {
    return `must not be the development secret or a variation of it; ${advice}`;
  }
  const distinct = new Set([...secret]).size;
  if (distinct < rules.minDistinctCharacters) {
    return `has only ${distinct} distinct characters (at least ${rules.minDistinctCharacters} needed); ${advice}`;
  }
  const bits = Math.floor(estimatedEntropyBits(secret));
  if (bits < rules.minEntropyBits) return `has an estimated ${bits} bits of entropy (at least ${rules.minEntropyBits} needed); ${advice}`;
  return undefined;
}
