import { PolicyRepository } from '@subsidy/awards';
import { CompiledPolicy } from '@subsidy/policy';
import { PolicyVersionChangedError, ProgramPolicy } from '@subsidy/workflow';

const policy = { id: 'tianjin-2021', tenant: 'tianjin', hash: 'a'.repeat(64) } as CompiledPolicy;
const repository = (versions: CompiledPolicy[]): PolicyRepository => ({
  dir: '/policies',
  tenants: () => ['tianjin'],
  versions: (tenant) => (tenant === 'tianjin' ? versions : []),
});

describe('ProgramPolicy.resolve', () => {
  const program = { tenantId: 'tianjin', policyId: 'tianjin-2021', policyHash: 'a'.repeat(64) };

  it('returns the compiled policy while the file is the one the program was configured with', () => {
    expect(new ProgramPolicy(repository([policy])).resolve(program)).toBe(policy);
  });

  it('refuses with 409 policy_version_changed when the file was edited', () => {
    const edited = { ...policy, hash: 'b'.repeat(64) } as CompiledPolicy;
    const resolve = () => new ProgramPolicy(repository([edited])).resolve(program);
    expect(resolve).toThrow(PolicyVersionChangedError);
    expect(resolve).toThrow(/tianjin-2021 .* was edited after the program was configured/);
    expect(() => resolve()).toThrow(expect.objectContaining({ code: 'policy_version_changed', status: 409 }));
  });

  it('refuses when the version is gone, and never looks at another tenant', () => {
    expect(() => new ProgramPolicy(repository([])).resolve(program)).toThrow(/no longer among the policy files/);
    expect(() => new ProgramPolicy(repository([policy])).resolve({ ...program, tenantId: 'beijing' })).toThrow(PolicyVersionChangedError);
  });
});
