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
  /** The file's sha256: a program stores it and refuses to price under an edited text. */
  hash: string;
  /** How the text says a call is run, each setting with its article (FORMAT.md section 13). */
  procedure: Procedure;
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
    hash: policy.hash,
    procedure: policy.procedure,
  };
}
