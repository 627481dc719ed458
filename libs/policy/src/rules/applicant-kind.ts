import type { ApplicantKind } from '../contract';
import { live, reject } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import type { RuleModule } from './rule-module';

const KINDS = ['enterprise', 'institution', 'social_org', 'individual', 'service_agency'];

export const applicantKindRule: RuleModule = {
  kind: 'applicant_kind',
  step: 'eligibility',
  label: { zh: '申请主体', en: 'applicant kind' },
  properties: { kinds: { type: 'array', items: { enum: KINDS }, minItems: 1 } },
  required: ['kinds'],
  compile(params, env) {
    const kinds = new Set(params.kinds as ApplicantKind[]);
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    const allowed = [...kinds].join(', ');
    return (ctx) => {
      if (kinds.has(ctx.applicant.kind)) return;
      for (const w of live(ctx, scope)) {
        reject(w, 'ineligible_applicant', env.by, {
          zh: `申请主体类型 ${ctx.applicant.kind} 不在 ${allowed} 之列`,
          en: `applicant kind ${ctx.applicant.kind} is not one of ${allowed}`,
        });
      }
    };
  },
};
