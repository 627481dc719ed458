import { configDir } from '@subsidy/config';
import { applicationWindowOf, loadPolicyRepository } from '@subsidy/policy';
import { policyWithRules } from './support/policy-fixture';

const rule = (spec: string) => `  - { kind: application_window, ${spec} }\n`;

describe('applicationWindowOf: the part of the year a text receives applications in', () => {
  it('reads from and to with the article, and fills an open end with 01-01 / 12-31', () => {
    expect(applicationWindowOf(policyWithRules(rule('article: 第六条, source: "002:6", from: "10-01", to: "12-31"')))).toEqual({ from: '10-01', to: '12-31', article: '第六条', source: '002:6' });
    expect(applicationWindowOf(policyWithRules(rule('article: 第六条第（二）项, source: "002:7", to: "09-30"')))).toEqual({ from: '01-01', to: '09-30', article: '第六条第（二）项', source: '002:7' });
    expect(applicationWindowOf(policyWithRules(rule('article: 第八条, source: "002:8", from: "04-01"')))).toEqual({ from: '04-01', to: '12-31', article: '第八条', source: '002:8' });
  });

  it('is null without the rule, and leaves out a scoped window (it conditions some items only)', () => {
    expect(applicationWindowOf(policyWithRules('  - { kind: applicant_kind, article: 第二条, source: "002:2", kinds: [enterprise] }\n'))).toBeNull();
    const scoped = policyWithRules(rule('article: 第五条, source: "002:5", scope: { items: ["leader.*"] }, from: "07-01", to: "08-31"'));
    expect(scoped.rules.find((r) => r.kind === 'application_window')?.window).toBeUndefined();
    expect(applicationWindowOf(scoped)).toBeNull();
    const both = policyWithRules(
      rule('article: 第五条, source: "002:5", scope: { items: ["leader.*"] }, from: "07-01", to: "08-31"') + rule('article: 第六条, source: "002:6", to: "09-30"'),
    );
    expect(applicationWindowOf(both)).toEqual({ from: '01-01', to: '09-30', article: '第六条', source: '002:6' });
  });

  it('intersects several unscoped windows (all of them hold), citing each', () => {
    const policy = policyWithRules(rule('article: 第五条, source: "002:5", from: "03-01", to: "10-31"') + rule('article: 第六条, source: "002:6", from: "01-15", to: "09-30"'));
    expect(applicationWindowOf(policy)).toEqual({ from: '03-01', to: '09-30', article: '第五条、第六条', source: '002:5, 002:6' });
  });

  it('the tenants: Linyi Q1, Zaozhuang Q4, Liaocheng to 30 September, none for Beijing', () => {
    const repository = loadPolicyRepository(configDir('policies'));
    const of = (tenant: string) => applicationWindowOf(repository.versions(tenant)[0]);
    expect(of('linyi')).toEqual({ from: '01-01', to: '03-31', article: '第十一条第（二）项', source: '002:4002' });
    expect(of('zaozhuang')).toEqual({ from: '10-01', to: '12-31', article: '第六条', source: '002:4489' });
    expect(of('liaocheng')).toEqual({ from: '01-01', to: '09-30', article: '第六条第（二）项', source: '002:3909' });
    expect(of('beijing')).toBeNull();
  });
});
