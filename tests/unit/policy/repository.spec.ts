import { join } from 'path';
import { calculate, findPolicyDir, httpStatusFor, loadPolicyRepository, policyInForce, PolicyEngineError, type PolicyErrorCode } from '@subsidy/policy';

const repo = loadPolicyRepository(join(__dirname, 'fixtures', 'valid'));

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicyEngineError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('effective dating', () => {
  it('uses the version in force on the application date', () => {
    expect(policyInForce(repo, 'acme', '2020-01-01').id).toBe('acme-2020');
    expect(policyInForce(repo, 'acme', '2022-12-31').id).toBe('acme-2020');
    expect(policyInForce(repo, 'acme', '2023-01-01').id).toBe('acme-2023');
    expect(policyInForce(repo, 'acme', '2099-01-01').id).toBe('acme-2023');
  });

  it('fails with no_policy_in_force before the first version', () => {
    expect(codeOf(() => policyInForce(repo, 'acme', '2019-12-31'))).toMatch(/^no_policy_in_force: no policy of acme is in force on 2019-12-31/);
  });

  it('fails with unknown_tenant listing the known tenants', () => {
    expect(codeOf(() => policyInForce(repo, 'nowhere', '2020-01-01'))).toBe('unknown_tenant: unknown tenant "nowhere"; known tenants: acme');
  });

  it('calculate reports the version used with its hash', () => {
    const request = {
      applicationDate: '2023-05-01',
      applicants: [{ uscc: '91370000MA00000001', kind: 'enterprise', achievements: [{ id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', publishedOn: '2023-01-01' }] }],
    };
    const result = calculate(repo, 'acme', request);
    expect(result.policy).toMatchObject({ id: 'acme-2023', effectiveFrom: '2023-01-01', effectiveTo: null });
    expect(result.policy.hash).toBe(repo.versions('acme')[1].hash);
    expect(result.applicants[0].totalFen).toBe(80_000_000);
  });

  it('finds config/policies from a nested directory, or POLICY_DIR', () => {
    expect(findPolicyDir(join(__dirname, 'fixtures'), {})).toBe(join(__dirname, '..', '..', '..', 'config', 'policies'));
    expect(findPolicyDir(__dirname, { POLICY_DIR: '/x/y' })).toBe('/x/y');
  });
});

describe('httpStatusFor', () => {
  it('maps every error code to an HTTP status', () => {
    expect(['invalid_request', 'missing_input', 'unknown_tenant', 'no_policy_in_force', 'invalid_policy'].map((c) => httpStatusFor(c as PolicyErrorCode))).toEqual([400, 400, 404, 422, 500]);
  });
});
