import { record, live, reject } from '../engine/work-item';
import { PolicyEngineError } from '../errors';
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
      const placement = ctx.placement;
      if (exempt.has(ctx.applicant.kind)) return;
      switch (placement.kind) {
        case 'district': {
          if (!districts.has(placement.district)) {
            const how = placement.source === 'credit_code' ? `（统一社会信用代码第3—8位 ${placement.code}）` : '';
            for (const w of live(ctx, scope)) {
              reject(w, 'ineligible_applicant', env.by, {
                zh: `申请单位所在区县 ${placement.district}${how} 不在本地辖区内`,
                en: `applicant district ${placement.district}${placement.source === 'credit_code' ? ` (credit code division ${placement.code})` : ''} is not a district of the tenant`,
              });
            }
          } else if (placement.source === 'credit_code') {
            for (const w of live(ctx, scope)) {
              record(w, env.by, {
                zh: `按统一社会信用代码第3—8位 ${placement.code} 确定注册地为${placement.district}`,
                en: `registered in ${placement.district}, read from the credit code's division ${placement.code}`,
              });
            }
          }
          return;
        }
        case 'tenant':
          for (const w of live(ctx, scope)) {
            record(w, env.by, {
              zh: `按统一社会信用代码第3—8位 ${placement.code} 确定在本地注册（所在区县未定）`,
              en: `registered in the tenant (district unknown), read from the credit code's division ${placement.code}`,
            });
          }
          return;
        case 'elsewhere':
          for (const w of live(ctx, scope)) {
            reject(w, 'ineligible_applicant', env.by, {
              zh: `统一社会信用代码第3—8位 ${placement.code} 表明申请单位不在本地注册`,
              en: `the credit code's division ${placement.code} places the applicant outside the tenant`,
            });
          }
          return;
        case 'unknown': {
          // Without a district and without a readable map, rejecting would lose an award silently; the caller must say.
          const path = `$.applicants[${ctx.index}].district`;
          throw new PolicyEngineError('invalid_request', `${path}: the applicant's district is needed and its credit code cannot place it in this tenant`, path);
        }
      }
    };
  },
};
