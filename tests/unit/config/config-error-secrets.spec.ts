import { ConfigError, describeReceived, loadConfig, loadConfigOrExit, redactSecrets } from '@subsidy/config';

function messageOf(source: NodeJS.ProcessEnv): string {
  try {
    loadConfig(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

const GOOD_SECRET = 'kR3v9Qz7XbLm2TfYw8NcHs5GdPa1JeUq';

describe('configuration errors never print a secret', () => {
  it.each([
    ['a short JWT_SECRET', { JWT_SECRET: 'hunter2-is-short' }, 'JWT_SECRET', ['hunter2-is-short'], /at least 32 characters \(got a value of 16 characters, not shown\)/],
    ['a weak production JWT_SECRET', { NODE_ENV: 'production', JWT_SECRET: 'Z'.repeat(40) }, 'JWT_SECRET', ['Z'.repeat(40)], /distinct characters/],
    ['REDIS_URL with a password that is not a URL', { REDIS_URL: 'redis//:s3cr3t-redis-pw@cache:6379' }, 'REDIS_URL', ['s3cr3t-redis-pw'], /not shown/],
    ['SMTP_URL of the wrong scheme, with a password', { SMTP_URL: 'http://mailer:s3cr3t-smtp-pw@mail.example.cn' }, 'SMTP_URL', ['s3cr3t-smtp-pw'], /\*\*\*/],
    [
      'another variable wrong while secrets are set',
      { DATABASE_PORT: 'not-a-port', DATABASE_APP_PASSWORD: 'not-a-port', JWT_SECRET: GOOD_SECRET },
      'DATABASE_PORT',
      ['not-a-port', GOOD_SECRET],
      /DATABASE_PORT/,
    ],
    [
      'a value equal to a database password',
      { NODE_ENV: 'staging-app-pw', DATABASE_APP_PASSWORD: 'staging-app-pw' },
      'NODE_ENV',
      ['staging-app-pw'],
      /NODE_ENV/,
    ],
  ])('%s', (_what, source, variable, secrets, expected) => {
    const message = messageOf(source as NodeJS.ProcessEnv);
    expect(message).toMatch(new RegExp(`^Invalid environment variable ${variable}: `));
    expect(message).toMatch(expected);
    for (const secret of secrets) expect(message).not.toContain(secret);
    expect(message).not.toContain('\n');
  });

  it.each([
    ['PORT', 'eighty', 'got "eighty"'],
    ['JWT_SECRET', 'short', 'got a value of 5 characters, not shown'],
    ['DATABASE_OWNER_PASSWORD', 'pw', 'got a value of 2 characters, not shown'],
    ['REDIS_URL', 'redis://:p%40ss@cache:6379/0', 'got "redis://:***@cache:6379/0"'],
    ['REDIS_URL', 'redis://cache:6379', 'got "redis://cache:6379"'],
    ['SMTP_URL', 'smtp://user:pw@mail', 'got "smtp://user:***@mail"'],
    ['SMTP_URL', 'not a url with pw', 'got a value of 17 characters, not shown'],
    ['PORT', undefined, 'got nothing'],
  ])('describes %s=%j as %j', (name, value, described) => {
    expect(describeReceived(name, value)).toBe(described);
  });

  it.each([
    ['the JWT secret', 'token kR3v9Qz7XbLm2TfYw8NcHs5GdPa1JeUq leaked', { JWT_SECRET: GOOD_SECRET }, 'token *** leaked'],
    ['a Redis password, raw and decoded', 'a p%40ss b p@ss', { REDIS_URL: 'redis://:p%40ss@cache:6379' }, 'a *** b ***'],
    ['an SMTP password', 'x mail-pw-123 y', { SMTP_URL: 'smtps://bot:mail-pw-123@mail.example.cn' }, 'x *** y'],
    ['the longer of two overlapping secrets first', 'abcd-efgh', { DATABASE_APP_PASSWORD: 'abcd', DATABASE_OWNER_PASSWORD: 'abcd-efgh' }, '***'],
    ['nothing for secrets too short to search', 'e is a letter', { DATABASE_APP_PASSWORD: 'e' }, 'e is a letter'],
  ])('redacts %s', (_what, text, source, expected) => {
    expect(redactSecrets(text, source)).toBe(expected);
  });

  it('loadConfigOrExit prints the one redacted line and exits 1', () => {
    const written: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const exit = jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    try {
      expect(() => loadConfigOrExit({ JWT_SECRET: 'my-own-too-short-secret' })).toThrow('exit 1');
    } finally {
      write.mockRestore();
      exit.mockRestore();
    }
    expect(written).toEqual(['Invalid environment variable JWT_SECRET: at least 32 characters (got a value of 23 characters, not shown)\n']);
  });
});
