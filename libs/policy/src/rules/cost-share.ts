import { live } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import { largestRemainder } from '../money';
import { districtOf } from '../placement/placement';
import type { RuleModule } from './rule-module';

interface Part {
  payer: string;
  parts: number;
}

const splitSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    properties: { payer: { type: 'string', minLength: 1 }, parts: { type: 'integer', minimum: 1 } },
    required: ['payer', 'parts'],
    additionalProperties: false,
  },
};

export const costShareRule: RuleModule = {
  kind: 'cost_share',
  step: 'payout',
  label: { zh: '资金分担', en: 'cost share' },
  properties: {
    split: splitSchema,
    byDistrict: { type: 'object', additionalProperties: splitSchema },
    byApplicantKind: { type: 'object', additionalProperties: splitSchema },
    applicantKinds: { type: 'array', items: { enum: ['enterprise', 'institution', 'social_org', 'individual', 'service_agency'] }, minItems: 1 },
  },
  required: ['split'],
  compile(params, env) {
    const split = params.split as Part[];
    const byDistrict = (params.byDistrict ?? {}) as Record<string, Part[]>;
    const byKind = (params.byApplicantKind ?? {}) as Record<string, Part[]>;
    for (const district of Object.keys(byDistrict)) {
      if (env.districts.length > 0 && !env.districts.includes(district)) {
        env.fail(['byDistrict', district], `district ${district} is not in the file's \`districts\``);
      }
    }
    const kinds = params.applicantKinds ? new Set(params.applicantKinds as string[]) : undefined;
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      if (kinds && !kinds.has(ctx.applicant.kind)) return;
      const district = districtOf(ctx.placement);
      const parts = byKind[ctx.applicant.kind] ?? (district ? byDistrict[district] : undefined) ?? split;
      for (const w of live(ctx, scope)) {
        const amounts = largestRemainder(w.amountFen, parts.map((p) => p.parts));
        w.shares = parts.map((p, i) => ({ payer: p.payer, amountFen: amounts[i] }));
      }
    };
  },
};
