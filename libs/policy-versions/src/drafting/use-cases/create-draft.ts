import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK, ValidationFailedError, invalidRequest } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { PolicyIdTakenError } from '../../policy-version-errors';
import { DraftInspector } from '../draft-inspector';
import { PolicyVersionRows } from '../policy-version-rows';
import { effectiveDatesOf } from '../effective-dates';
import type { PolicyVersionDetail } from '../version-view';

export interface CreateDraftCommand {
  actor: Actor;
  policyId: string;
  basedOnId?: string;
  sourceText?: string;
  changeNote?: string;
}

/**
 * Starts a draft: a copy of any version of the tenant (its text with `id:` set to the new policy id, and its cases),
 * or an uploaded YAML text. The draft is stored even when its text does not validate yet; the answer lists the errors.
 */
@Injectable()
export class CreateDraft {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly inspector: DraftInspector,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: CreateDraftCommand): Promise<PolicyVersionDetail> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      if (command.basedOnId === undefined && command.sourceText === undefined) {
        const details = [{ path: 'basedOnId', message: 'give basedOnId (the version to start from) or sourceText (a YAML text)', messageZh: '请选择作为起草基础的版本，或上传 YAML 文本' }];
        throw new ValidationFailedError(invalidRequest(details), details);
      }
      if (await PolicyVersionRows.publishedWithId(manager, command.policyId)) throw new PolicyIdTakenError(command.policyId);
      const basedOn = command.basedOnId === undefined ? undefined : await PolicyVersionRows.find(manager, command.basedOnId);
      if (command.basedOnId !== undefined && !basedOn) {
        const details = [{ path: 'basedOnId', message: 'no such policy version of this tenant', messageZh: '本市没有该政策版本' }];
        throw new ValidationFailedError(invalidRequest(details), details);
      }
      const sourceText = command.sourceText ?? withPolicyId(basedOn?.sourceText ?? '', command.policyId);
      const id = await PolicyVersionRows.insert(manager, tenantId, {
        policyId: command.policyId,
        sourceText,
        casesText: basedOn?.casesText ?? '',
        basedOnId: basedOn?.id ?? null,
        ...effectiveDatesOf(sourceText),
        changeNote: command.changeNote ?? '',
        author: command.actor.id,
        now: this.clock.now(),
      });
      await this.audit.record(manager, {
        action: 'policy_version.drafted',
        entityType: 'policy_version',
        entityId: id,
        data: { policyId: command.policyId, basedOn: basedOn ? { id: basedOn.id, policyId: basedOn.policyId } : null, uploaded: command.sourceText !== undefined },
      });
      return this.inspector.detail(manager, tenantId, await PolicyVersionRows.get(manager, id));
    });
  }
}

/** The origin's text with its top-level `id:` line naming the new version (comments and layout kept as written). */
export function withPolicyId(text: string, policyId: string): string {
  return /^id:.*$/m.test(text) ? text.replace(/^id:.*$/m, `id: ${policyId}`) : `id: ${policyId}\n${text}`;
}
