import { CallSettings, ReviewSettings } from '../core';

export type FundingSourceKey = 'city' | 'matching' | `district:${string}`;

/** A program's configuration once the request body has passed validation: instants parsed, money as bigint fen. */
export interface ProgramInput {
  year: number;
  title: string;
  policyId: string;
  window: { kind: 'batch' | 'rolling'; opensAt: Date; closesAt: Date };
  call: CallSettings;
  review: ReviewSettings;
  budget: { totalFen: bigint; rule: 'pro_rata' | 'rank_order'; sources: Array<{ source: FundingSourceKey; amountFen: bigint }> };
}
