import { ConfigError, loadConfig } from '@subsidy/config';

describe('IDEMPOTENCY_LEASE_SECONDS', () => {
  it('defaults to a 30-second lease and takes another length', () => {
    expect(loadConfig({}).idempotency).toEqual({ leaseSeconds: 30 });
    expect(loadConfig({ IDEMPOTENCY_LEASE_SECONDS: '90' }).idempotency).toEqual({ leaseSeconds: 90 });
  });

  it('refuses a lease too short to be renewed in time, naming the variable', () => {
    expect(() => loadConfig({ IDEMPOTENCY_LEASE_SECONDS: '1' })).toThrow(ConfigError);
    expect(() => loadConfig({ IDEMPOTENCY_LEASE_SECONDS: '1' })).toThrow(/IDEMPOTENCY_LEASE_SECONDS/);
  });
});
