import { live, reject } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import type { RuleModule } from './rule-module';

export const registeredInTenantRule: RuleModule = {
  kind: 'registered_in_tenant',
  step: 'eligibility',
  label: { zh: '本地注册', en: 'registered in the tenant' },
  properties: { exemptKinds: { type: 'array', items: { enum: ['enterprise', 'institution', 'social_org', 'individual', 'service_agency'] }, minItems: 1 } },
  compile(params, env) {
    if (env.districts.length === 0) env.fail(['kind'], 'registered_in_tenant needs the file\'s `districts` list');
    const districts = new Set(env.districts);
    const exempt = new Set((params.exemptKinds as string[] | undefined) ?? []);
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      const district = ctx.applicant.district;
      if (district !== undefined && districts.has(district)) return;
      if (exempt.has(ctx.applicant.kind)) return;
      const shown = district ?? '（未填）';
      for (const w of live(ctx, scope)) {
        reject(w, 'ineligible_applicant', env.by, {
          zh: `申请单位所在区县 ${shown} 不在本地辖区内`,
          en: `applicant district ${district ?? '(missing)'} is not a district of the tenant`,
        });
      }
    };
  },
};
