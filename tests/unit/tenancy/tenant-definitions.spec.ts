import { configDir } from '@subsidy/config';
import { loadTenantDefinitions, RequestContextStore } from '@subsidy/tenancy';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('tenant definitions', () => {
  it('loads the nine seed tenants and the platform tenant', () => {
    const ids = loadTenantDefinitions(configDir('tenants')).map((t) => t.id);
    expect(ids.sort()).toEqual(['beijing', 'foshan', 'guangzhou-huangpu', 'liaocheng', 'linyi', 'platform', 'tianjin', 'weihai', 'zaozhuang', 'zhengzhou']);
  });

  it.each([
    ['bad division code', 'id: x1\nnameZh: 甲\nnameEn: X\ndivisionCode: "12"\ndistricts: []\n', /x1\.yaml: divisionCode/],
    ['id not matching the file', 'id: other\nnameZh: 甲\nnameEn: X\ndivisionCode: "120000"\ndistricts: []\n', /id must match the file name/],
    ['duplicate district', 'id: x1\nnameZh: 甲\nnameEn: X\ndivisionCode: "120000"\ndistricts:\n  - { code: "120101", nameZh: a, nameEn: a }\n  - { code: "120101", nameZh: b, nameEn: b }\n', /code 120101 appears twice/],
    ['unknown key', 'id: x1\nnameZh: 甲\nnameEn: X\ndivisionCode: "120000"\ndistricts: []\ncolour: red\n', /x1\.yaml/],
  ])('reports %s with the file and field', (_name, yaml, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'tenants-'));
    writeFileSync(join(dir, 'x1.yaml'), yaml);
    expect(() => loadTenantDefinitions(dir)).toThrow(message);
  });
});

describe('RequestContextStore', () => {
  it('has no tenant outside a context and refuses to pretend otherwise', () => {
    expect(RequestContextStore.tenantId()).toBeUndefined();
    expect(() => RequestContextStore.requireTenantId()).toThrow(/No tenant/);
  });

  it('keeps concurrent contexts apart across awaits', async () => {
    const seen = await Promise.all(
      ['a', 'b', 'c'].map((tenant) =>
        RequestContextStore.run({ tenantId: tenant }, async () => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
          return RequestContextStore.requireTenantId();
        }),
      ),
    );
    expect(seen).toEqual(['a', 'b', 'c']);
  });
});
