import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { RequestContextStore } from '@subsidy/tenancy';
import { stringify } from 'yaml';
import { PolicyVersionNotEditableError, PolicyVersionStaleError } from '../../policy-version-errors';
import { DraftInspector } from '../draft-inspector';
import { effectiveDatesOf } from '../effective-dates';
import { PolicyVersionRows } from '../policy-version-rows';
import { requireVersion } from '../version-checks';
import type { PolicyVersionDetail } from '../version-view';

export interface UpdateDraftCommand {
  id: string;
  version: number;
  sourceText?: string;
  /** The document edited in the form view; written out as YAML when no sourceText is given. */
  document?: Record<string, unknown>;
  casesText?: string;
  changeNote?: string;
}

/**
 * Saves a draft (or a returned version being reworked). Invalid content IS stored — a draft is work in progress —
 * and the answer carries the validation errors and the cases run; only submission and approval demand validity.
 * A submitted or published version is not editable (409), and a stale `version` is refused (409).
 */
@Injectable()
export class UpdateDraft {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly inspector: DraftInspector,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: UpdateDraftCommand): Promise<PolicyVersionDetail> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const row = await PolicyVersionRows.get(manager, command.id, true);
      if (row.state !== 'draft' && row.state !== 'returned') throw new PolicyVersionNotEditableError(row.state, row.policyId);
      requireVersion(row, command.version);
      const sourceText = command.sourceText ?? (command.document !== undefined ? stringify(command.document) : row.sourceText);
      const saved = await PolicyVersionRows.saveContent(manager, row.id, command.version, {
        sourceText,
        casesText: command.casesText ?? row.casesText,
        changeNote: command.changeNote ?? row.changeNote,
        ...effectiveDatesOf(sourceText),
        now: this.clock.now(),
      });
      if (!saved) throw new PolicyVersionStaleError();
      await this.audit.record(manager, {
        action: 'policy_version.edited',
        entityType: 'policy_version',
        entityId: row.id,
        data: { policyId: row.policyId, version: command.version + 1, changed: { sourceText: sourceText !== row.sourceText, casesText: command.casesText !== undefined && command.casesText !== row.casesText } },
      });
      return this.inspector.detail(manager, tenantId, await PolicyVersionRows.get(manager, row.id));
    });
  }
}
