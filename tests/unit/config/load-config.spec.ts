import { ConfigError, loadConfig } from '@subsidy/config';

describe('loadConfig', () => {
  it('gives working local defaults', () => {
    const config = loadConfig({});
    expect(config.database).toMatchObject({ host: '127.0.0.1', port: 5432, name: 'subsidy_hub' });
    expect(config.database.app.user).toBe('subsidy_app');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
  });

  it.each([
    ['DATABASE_PORT', 'not-a-port', /DATABASE_PORT/],
    ['DATABASE_PORT', '70000', /DATABASE_PORT/],
    ['REDIS_URL', 'localhost', /REDIS_URL/],
    ['JWT_SECRET', 'short', /JWT_SECRET: at least 32 characters/],
    ['NODE_ENV', 'staging', /NODE_ENV/],
    ['DATABASE_NAME', 'Bad-Name', /DATABASE_NAME/],
  ])('rejects %s=%s with one line naming the variable', (name, value, message) => {
    let thrown: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set in production/);
  });
});
