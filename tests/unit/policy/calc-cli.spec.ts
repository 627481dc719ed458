import { spawnSync } from 'child_process';
import { rmSync } from 'fs';
import { join } from 'path';
import { scanPolicies, type CompiledPolicy } from '@subsidy/policy';
import { loadTenantDefinitions } from '@subsidy/tenancy';
import { buildCli, cliEnv, ROOT } from './support/build-cli';

jest.setTimeout(180_000);

let out = '';
beforeAll(() => {
  out = buildCli();
});
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

function calc(args: string[], stdin: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(out, 'apps', 'cli', 'src', 'calc.js'), ...args], { input: stdin, env: cliEnv(env), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const policies = scanPolicies(join(ROOT, 'config', 'policies')).policies;

/** A valid request for the version: an application date inside it and a national lead standard of the year before. */
function requestFor(policy: CompiledPolicy): string {
  const year = Number(policy.effectiveFrom.slice(0, 4)) + 1;
  const date = policy.effectiveTo !== null && `${year}-04-15` > policy.effectiveTo ? policy.effectiveFrom : `${year}-04-15`;
  return JSON.stringify({
    applicationDate: date,
    programYear: Number(date.slice(0, 4)),
    fundTotalFen: 10_000_000_000,
    applicants: [
      {
        uscc: '91370000MA00000001',
        kind: 'enterprise',
        district: policy.districts[0],
        achievements: [
          { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 1-2020', publishedOn: `${Number(date.slice(0, 4)) - 1}-06-01` },
          { id: 'a2', type: 'leader', level: 'national', enterpriseStandardNo: 'Q/1', recognizedOn: `${Number(date.slice(0, 4)) - 1}-06-01` },
        ],
      },
    ],
  });
}

describe('calc command', () => {
  it('has a policy for every tenant folder', () => {
    expect(policies.length).toBeGreaterThan(0);
  });

  for (const policy of policies) {
    it(`exits 0 with a contract result for ${policy.tenant} (${policy.id})`, () => {
      const { status, stdout, stderr } = calc(['--tenant', policy.tenant], requestFor(policy));
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const result = JSON.parse(stdout);
      expect(result).toMatchObject({ tenant: policy.tenant, policy: { id: policy.id, hash: policy.hash } });
      expect(result.applicants[0].items.map((i: { achievementId: string }) => i.achievementId)).toEqual(['a1', 'a2']);
      for (const item of result.applicants[0].items) {
        expect(Number.isSafeInteger(item.amountFen)).toBe(true);
        expect(['awarded', 'rejected']).toContain(item.outcome);
      }
    });
  }

  describe('an applicant without `district` is placed by its credit code (characters 3–8)', () => {
    const tenants = loadTenantDefinitions(join(ROOT, 'config', 'tenants'));
    const run = (tenant: string, request: Record<string, unknown>) => {
      const { status, stdout, stderr } = calc(['--tenant', tenant], JSON.stringify(request));
      expect(stderr).toBe('');
      expect(status).toBe(0);
      return JSON.parse(stdout).applicants[0].items as Array<{ amountFen: number; reasons: string[]; trace: Array<{ text: { zh: string } }> }>;
    };
    const withUscc = (policy: CompiledPolicy, division: string) => {
      const request = JSON.parse(requestFor(policy));
      delete request.applicants[0].district;
      request.applicants[0].uscc = `91${division}MA3C4X5Y6Z`;
      return request;
    };

    const declaring = (policy: CompiledPolicy, district: string) => {
      const request = JSON.parse(requestFor(policy));
      request.applicants[0].district = district;
      return request;
    };
    /** Items the policy's registered_in_tenant rules reach: those an applicant of another city loses. */
    const reached = (items: Array<{ reasons: string[] }>) => items.map((i) => i.reasons.includes('ineligible_applicant'));

    for (const policy of policies) {
      const tenant = tenants.find((t) => t.id === policy.tenant);
      const district = tenant?.districts.find((d) => policy.districts.includes(d.nameZh));

      it(`${policy.tenant}: a code of ${district?.nameZh} prices as if the district were declared, and says which code it read`, () => {
        if (!tenant || !district) throw new Error(`no district of ${policy.tenant} with a division code`);
        const expected = run(policy.tenant, declaring(policy, district.nameZh)).map((i) => i.amountFen);
        const rule = reached(run(policy.tenant, declaring(policy, '外地')));
        const items = run(policy.tenant, withUscc(policy, district.code));
        expect(items.map((i) => i.amountFen)).toEqual(expected);
        items.forEach((item, i) => {
          if (rule[i]) expect(item.trace.map((t) => t.text.zh).join()).toContain(`${district.code} 确定注册地为${district.nameZh}`);
        });
      });

      it(`${policy.tenant}: the tenant's own division ${tenant?.divisionCode} is registered in the tenant`, () => {
        if (!tenant) throw new Error(`no tenant file for ${policy.tenant}`);
        const items = run(policy.tenant, withUscc(policy, tenant.divisionCode));
        for (const item of items) expect(item.reasons).not.toContain('ineligible_applicant');
      });

      it(`${policy.tenant}: a code of another city (Hangzhou Xihu, 330106) loses what an applicant of another city loses`, () => {
        const outsider = run(policy.tenant, declaring(policy, '外地'));
        const items = run(policy.tenant, withUscc(policy, '330106'));
        expect(items.map((i) => [i.amountFen, i.reasons])).toEqual(outsider.map((i) => [i.amountFen, i.reasons]));
        items.forEach((item, i) => {
          if (reached(outsider)[i]) expect(item.trace.map((t) => t.text.zh).join()).toContain('330106');
        });
      });
    }

    it('the registration rule reaches these requests in most tenants, so the checks above are not empty', () => {
      const reaching = policies.filter((policy) => reached(run(policy.tenant, declaring(policy, '外地'))).some(Boolean)).map((p) => p.tenant);
      expect(reaching).toEqual(expect.arrayContaining(['beijing', 'weihai', 'tianjin']));
    });

    it('exits 2 naming the field when the code cannot place the applicant (the province above Weihai)', () => {
      const weihai = policies.find((p) => p.tenant === 'weihai');
      if (!weihai) throw new Error('weihai policy missing');
      const { status, stdout, stderr } = calc(['--tenant', 'weihai'], JSON.stringify(withUscc(weihai, '370000')));
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^invalid_request: \$\.applicants\[0\]\.district: /);
    });
  });

  it('exits 2 naming the JSON path of a bad field', () => {
    const weihai = policies.find((p) => p.tenant === 'weihai');
    if (!weihai) throw new Error('weihai policy missing');
    const request = JSON.parse(requestFor(weihai));
    request.applicants[0].achievements[1].level = 'planetary';
    const { status, stdout, stderr } = calc(['--tenant', 'weihai'], JSON.stringify(request));
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^invalid_request: \$\.applicants\[0\]\.achievements\[1\]\.level: must be one of /);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 on text that is not JSON, without a stack trace', () => {
    const { status, stderr } = calc(['--tenant', 'weihai'], '{ not json');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^\$: request is not valid JSON/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for an unknown tenant, listing the known ones', () => {
    const { status, stderr } = calc(['--tenant', 'atlantis'], '{}');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^unknown_tenant: unknown tenant "atlantis"; known tenants: .*weihai/);
  });

  it('exits 2 when no policy is in force on the application date', () => {
    const request = { applicationDate: '2010-01-01', applicants: [{ uscc: '91370000MA00000001', kind: 'enterprise', achievements: [] }] };
    const { status, stderr } = calc(['--tenant', 'weihai'], JSON.stringify(request));
    expect(status).toBe(2);
    expect(stderr).toMatch(/^no_policy_in_force: no policy of weihai is in force on 2010-01-01/);
  });

  it('exits 2 with a usage line without --tenant', () => {
    const { status, stderr } = calc([], '{}');
    expect(status).toBe(2);
    expect(stderr).toBe('usage: calc --tenant <tenant-id> < request.json\n');
  });

  it('exits 1 with one line when the policy folder is broken', () => {
    const { status, stderr } = calc(['--tenant', 'acme'], '{}', { POLICY_DIR: join(__dirname, 'fixtures', 'broken') });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^policy configuration error: .*acme-2020\.yaml:14: /);
  });
});

describe('policy:check command', () => {
  function check(dir?: string) {
    const args = [join(out, 'apps', 'cli', 'src', 'policy-check.js'), ...(dir ? [dir] : [])];
    return spawnSync(process.execPath, args, { env: cliEnv(), encoding: 'utf8' });
  }

  it('lists every tenant with its versions and item counts', () => {
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^weihai: 1 version\(s\), 23 item\(s\)$/m);
    expect(result.stdout).toMatch(/weihai-2020 {2}2020-01-01\.\.2024-12-31 {2}23 items/);
  });

  it('exits 1 naming file:line for a broken fixture', () => {
    const result = check(join(__dirname, 'fixtures', 'broken'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/acme-2020\.yaml:14: items\[0\]\.ceilng: unknown key "ceilng"/);
  });
});
