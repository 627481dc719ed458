import { join } from 'path';
import { lazyPolicyRepository, loadPolicyRepository, PolicyFileError } from '@subsidy/policy';

const FIXTURES = join(__dirname, 'fixtures');

describe('lazy repository', () => {
  it('lists tenants without reading files and loads a tenant on first use', () => {
    const lazy = lazyPolicyRepository(join(FIXTURES, 'valid'));
    expect(lazy.tenants()).toEqual(['acme']);
    expect(lazy.versions('nobody')).toEqual([]);
    const eager = loadPolicyRepository(join(FIXTURES, 'valid'));
    expect(lazy.versions('acme').map((p) => [p.id, p.hash])).toEqual(eager.versions('acme').map((p) => [p.id, p.hash]));
  });

  it('reports a broken tenant file when that tenant is used', () => {
    const lazy = lazyPolicyRepository(join(FIXTURES, 'broken'));
    expect(lazy.tenants()).toEqual(['acme']);
    expect(() => lazy.versions('acme')).toThrow(PolicyFileError);
  });

  it('fails for a missing folder', () => {
    expect(() => lazyPolicyRepository(join(FIXTURES, 'missing'))).toThrow(/policy folder does not exist/);
  });
});
