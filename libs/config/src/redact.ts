/**
 * Configuration errors go to stderr and into process supervisors' logs, so they must never carry a secret. These are
 * the variables whose values are secret, and those whose URLs may hold a password.
 */
export const SECRET_VARIABLES: readonly string[] = [
  'JWT_SECRET',
  'DATABASE_ADMIN_PASSWORD',
  'DATABASE_OWNER_PASSWORD',
  'DATABASE_APP_PASSWORD',
  'DATABASE_RELAY_PASSWORD',
];

export const CREDENTIAL_URL_VARIABLES: readonly string[] = ['REDIS_URL', 'SMTP_URL'];

/** Secret values shorter than this are not searched for in messages: replacing "e" everywhere would garble them. */
const MIN_REDACTED_LENGTH = 4;

/** The password of a `scheme://user:password@host` value, also when the rest of it does not parse as a URL. */
function urlPassword(value: string): string | undefined {
  const match = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]*)@/.exec(value);
  return match?.[1] || undefined;
}

/** What an error may say about the value it received: the value itself only when the variable holds no secret. */
export function describeReceived(name: string, value: string | undefined): string {
  if (value === undefined) return 'got nothing';
  if (SECRET_VARIABLES.includes(name)) return `got a value of ${[...value].length} characters, not shown`;
  if (CREDENTIAL_URL_VARIABLES.includes(name)) {
    try {
      const url = new URL(value);
      if (url.password) url.password = '***';
      return `got ${JSON.stringify(url.toString())}`;
    } catch {
      return `got a value of ${[...value].length} characters, not shown`;
    }
  }
  return `got ${JSON.stringify(value)}`;
}

/** Every secret of `source` (and every password inside its URLs) replaced by `***` wherever it occurs in `text`. */
export function redactSecrets(text: string, source: NodeJS.ProcessEnv): string {
  const secrets = new Set<string>();
  for (const name of SECRET_VARIABLES) {
    const value = source[name];
    if (value) secrets.add(value);
  }
  for (const name of CREDENTIAL_URL_VARIABLES) {
    const value = source[name];
    const password = value ? urlPassword(value) : undefined;
    if (password) {
      secrets.add(password);
      // The percent-decoded form too, which is what a URL parser would echo.
      try {
        secrets.add(decodeURIComponent(password));
      } catch {
        // Not valid percent-encoding: the raw form is already covered.
      }
    }
  }
  let redacted = text;
  // Longest first, so a secret containing another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= MIN_REDACTED_LENGTH) redacted = redacted.split(secret).join('***');
  }
  return redacted;
}
