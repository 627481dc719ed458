import { live } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import { largestRemainder } from '../money';
import { districtOf } from '../placement/placement';
import type { RuleModule } from './rule-module';

interface Part {
  payer: string;
  /** Either whole parts of a ratio (1:1) or the percentage the text states (40% / 60%), which must add up to 100. */
  parts?: number;
  percent?: number;
}

const splitSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    properties: { payer: { type: 'string', minLength: 1 }, parts: { type: 'integer', minimum: 1 }, percent: { type: 'integer', minimum: 1, maximum: 100 } },
    required: ['payer'],
    oneOf: [{ required: ['parts'] }, { required: ['percent'] }],
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
    checkAddsUp(split, ['split'], env.fail);
    for (const [key, list] of Object.entries(byDistrict)) checkAddsUp(list, ['byDistrict', key], env.fail);
    for (const [key, list] of Object.entries(byKind)) checkAddsUp(list, ['byApplicantKind', key], env.fail);
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
        const amounts = largestRemainder(w.amountFen, parts.map(weightOf));
        w.shares = parts.map((p, i) => ({ payer: p.payer, amountFen: amounts[i] }));
        w.revenueSharing = undefined;
      }
    };
  },
};

function weightOf(part: Part): number {
  return part.parts ?? part.percent ?? 0;
}

/** A split stated in percentages must cover the whole amount (100%), and never mixes percentages with parts. */
function checkAddsUp(split: Part[], at: (string | number)[], fail: (key: (string | number)[], message: string) => never): void {
  const percents = split.filter((p) => p.percent !== undefined);
  if (percents.length === 0) return;
  if (percents.length < split.length) fail(at, 'a split gives either parts or percentages for every payer, not both');
  const total = percents.reduce((sum, p) => sum + (p.percent ?? 0), 0);
  if (total !== 100) fail(at, `the percentages of a cost share add up to ${total}%, not 100%`);
}
