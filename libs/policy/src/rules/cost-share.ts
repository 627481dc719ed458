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

/**
 * `split` (with `byDistrict` / `byApplicantKind`) when the text states the ratio; `byRevenueSharing: true` when the
 * text splits the cost between city and county "by the current fiscal revenue-sharing ratio" without stating it
 * (Linyi 第六条, 002:3989): the engine cannot compute such shares, so it marks the item (`revenueSharing` in the
 * result) and finance applies the ratio the tenant has recorded for the applicant's district.
 */
export const costShareRule: RuleModule = {
  kind: 'cost_share',
  step: 'payout',
  label: { zh: '资金分担', en: 'cost share' },
  properties: {
    split: splitSchema,
    byDistrict: { type: 'object', additionalProperties: splitSchema },
    byApplicantKind: { type: 'object', additionalProperties: splitSchema },
    applicantKinds: { type: 'array', items: { enum: ['enterprise', 'institution', 'social_org', 'individual', 'service_agency'] }, minItems: 1 },
    byRevenueSharing: { const: true },
  },
  compile(params, env) {
    const byRevenueSharing = params.byRevenueSharing === true;
    if (byRevenueSharing && (params.split !== undefined || params.byDistrict !== undefined || params.byApplicantKind !== undefined)) {
      env.fail(['byRevenueSharing'], 'a cost share by the revenue-sharing ratio states no parts: leave out `split`, `byDistrict` and `byApplicantKind`');
    }
    if (!byRevenueSharing && params.split === undefined) env.fail([], 'a cost share needs `split` (the parts the text states) or `byRevenueSharing: true`');
    const split = (params.split ?? []) as Part[];
    const byDistrict = (params.byDistrict ?? {}) as Record<string, Part[]>;
    const byKind = (params.byApplicantKind ?? {}) as Record<string, Part[]>;
    for (const district of Object.keys(byDistrict)) {
      if (env.districts.length > 0 && !env.districts.includes(district)) {
        env.fail(['byDistrict', district], `district ${district} is not in the file's \`districts\``);
      }
    }
    const kinds = params.applicantKinds ? new Set(params.applicantKinds as string[]) : undefined;
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    const { article, source } = env.by;
    return (ctx) => {
      if (kinds && !kinds.has(ctx.applicant.kind)) return;
      if (byRevenueSharing) {
        // The last cost_share rule selecting an item decides its shares (FORMAT.md 6.7), so an earlier split is dropped.
        for (const w of live(ctx, scope)) {
          w.shares = undefined;
          w.revenueSharing = { article, source };
        }
        return;
      }
      const district = districtOf(ctx.placement);
      const parts = byKind[ctx.applicant.kind] ?? (district ? byDistrict[district] : undefined) ?? split;
      for (const w of live(ctx, scope)) {
        const amounts = largestRemainder(w.amountFen, parts.map((p) => p.parts));
        w.shares = parts.map((p, i) => ({ payer: p.payer, amountFen: amounts[i] }));
        w.revenueSharing = undefined;
      }
    };
  },
};
