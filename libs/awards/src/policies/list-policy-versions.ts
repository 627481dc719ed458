import { Inject, Injectable } from '@nestjs/common';
import { Clock, cstToday } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { CompiledPolicy, isInForceOn, Procedure } from '@subsidy/policy';
import { RequestContextStore } from '@subsidy/tenancy';
import { POLICY_REPOSITORY, PolicyRepository } from '../policy-repository.provider';

export interface PolicyVersionView {
  id: string;
  title: string;
  documentNo: string | null;
  issuers: string[];
  effectiveFrom: string;
  /** null: the text sets no end. */
  effectiveTo: string | null;
  /** Whether the version is in force on today's China Standard Time date: only such a version can run a new call. */
  inForce: boolean;
  itemCount: number;
  /** What the text pays, item by item, with the article that fixes each amount (read-only; in the file's order). */
  items: PolicyItemView[];
  /** The file's sha256: a program stores it and refuses to price under an edited text. */
  hash: string;
  /** How the text says a call is run, each setting with its article (FORMAT.md section 13). */
  procedure: Procedure;
}

export interface PolicyItemView {
  id: string;
  name: { zh: string; en: string };
  article: string;
  category: string;
  /** fixed: exactly this amount; ceiling: up to it; derive: worked out from the achievement; rate: a share of a figure. */
  form: 'fixed' | 'ceiling' | 'derive' | 'rate';
  /** Integer fen for fixed, ceiling and derive; for rate its ceiling, if any; else null. */
  amountFen: number | null;
  /** rate only: the share in basis points (1/100 of a percent). */
  basisPoints: number | null;
  /** The text's own words for the amount. */
  describe: { zh: string; en: string };
}

/** The policy versions of the caller's tenant, oldest first, so an officer can pick the one a new program runs under. */
@Injectable()
export class ListPolicyVersions {
  constructor(
    @Inject(POLICY_REPOSITORY) private readonly policies: PolicyRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(): PolicyVersionView[] {
    const today = cstToday(this.clock);
    return this.policies.versions(RequestContextStore.requireTenantId()).map((policy) => toView(policy, today));
  }
}

function toView(policy: CompiledPolicy, today: string): PolicyVersionView {
  return {
    id: policy.id,
    title: policy.title,
    documentNo: policy.documentNo,
    issuers: policy.issuers,
    effectiveFrom: policy.effectiveFrom,
    effectiveTo: policy.effectiveTo,
    inForce: isInForceOn(policy, today),
    itemCount: policy.items.length,
    items: policy.items.map((item) => ({
      id: item.id,
      name: { zh: item.name.zh, en: item.name.en },
      article: item.article,
      category: item.category,
      form: item.amount.form,
      amountFen: item.amount.form === 'rate' ? (item.amount.ceilingFen ?? null) : item.amount.amountFen,
      basisPoints: item.amount.form === 'rate' ? item.amount.basisPoints : null,
      describe: { zh: item.amount.describe.zh, en: item.amount.describe.en },
    })),
    hash: policy.hash,
    procedure: policy.procedure,
  };
}
