import { configDir } from '@subsidy/config';
import { CompiledPolicy, lazyPolicyRepository } from '@subsidy/policy';
import { achievementLabel, itemSnapshot, publishedItemLabel } from '@subsidy/workflow';

describe('decision snapshots of item labels', () => {
  const policy = lazyPolicyRepository(configDir('policies'))
    .versions('tianjin')
    .find((p) => p.id === 'tianjin-2021') as CompiledPolicy;

  it("names an item by the policy's items and the standard number, never by a title the applicant typed", () => {
    const payload = { type: 'standard', standardNo: ' GB/T 40001-2023 ', title: '全球领先的伟大标准' };
    const snapshot = itemSnapshot('a1', payload, ['std.national.formulate.lead'], policy);
    expect(snapshot).toEqual({ policyLabel: '主导制定国家标准', standardNo: 'GB/T 40001-2023', achievementLabel: ' GB/T 40001-2023 ' });
    expect(publishedItemLabel(snapshot)).toBe('主导制定国家标准（GB/T 40001-2023）');
  });

  it('joins the names of several items once each, and shows the policy label alone without a standard number', () => {
    const snapshot = itemSnapshot('p1', { title: '示范项目' }, ['std.national.formulate.lead', 'std.industry.formulate.lead', 'std.national.formulate.lead'], policy);
    expect(snapshot.policyLabel).toBe('主导制定国家标准、主导制定行业标准');
    expect(publishedItemLabel(snapshot)).toBe('主导制定国家标准、主导制定行业标准');
  });

  it("falls back to the applicant's reference only where the policy named no item", () => {
    const snapshot = itemSnapshot('x9', { title: '自拟项目' }, ['no.such.item'], policy);
    expect(snapshot).toEqual({ policyLabel: null, standardNo: null, achievementLabel: '自拟项目' });
    expect(publishedItemLabel(snapshot)).toBe('自拟项目');
    expect(achievementLabel('x9', {})).toBe('x9');
  });
});
