import { Inject, Injectable } from '@nestjs/common';
import { Clock, cstToday } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { type CompiledPolicy, type PolicyRepository } from '@subsidy/policy';
import { EntityManager } from 'typeorm';
import { PolicyVersionCache } from '../store/policy-version-cache';
import { runVersionCases, type CaseRun } from './case-run';
import { documentChanges, parseDocumentOrNull } from './document-changes';
import { PolicyVersionRows, type PolicyVersionRow } from './policy-version-rows';
import { validatePolicyText, type ValidationReport } from './validation/validate-policy-text';
import { toSummary, type PolicyVersionDetail } from './version-view';

/**
 * What every drafting operation needs to know about a version's text: whether it validates (against the schema, the
 * loader and the drafting rules, with the tenant's other published versions), how its cases fare, and what changed
 * against the version it came from. Reads inside the caller's tenant transaction.
 */
@Injectable()
export class DraftInspector {
  constructor(
    // The published versions every process prices with (P1's cache, the engine's PolicyRepository).
    private readonly published: PolicyVersionCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): string {
    return cstToday(this.clock);
  }

  async validate(manager: EntityManager, tenantId: string, policyId: string, sourceText: string): Promise<ValidationReport> {
    const spans = (await PolicyVersionRows.published(manager))
      .filter((row) => row.policyId !== policyId && row.effectiveFrom !== null)
      .map((row) => ({ policyId: row.policyId, effectiveFrom: row.effectiveFrom as string, effectiveTo: row.effectiveTo }));
    return validatePolicyText(sourceText, { tenantId, policyId, published: spans });
  }

  runCases(tenantId: string, policyId: string, compiled: CompiledPolicy | null, casesText: string): CaseRun {
    const repo: PolicyRepository = this.published;
    const others = repo.versions(tenantId).filter((p) => p.id !== policyId);
    return runVersionCases(casesText, compiled, others, repo.geography?.(tenantId));
  }

  async detail(manager: EntityManager, tenantId: string, row: PolicyVersionRow): Promise<PolicyVersionDetail> {
    const report = await this.validate(manager, tenantId, row.policyId, row.sourceText);
    const basedOn = row.basedOnId ? await PolicyVersionRows.find(manager, row.basedOnId) : undefined;
    const document = report.document ?? parseDocumentOrNull(row.sourceText);
    const changes = basedOn ? documentChanges(parseDocumentOrNull(basedOn.sourceText), document) : [];
    return {
      ...toSummary(row, document, this.today()),
      sourceText: row.sourceText,
      document,
      casesText: row.casesText,
      validation: { valid: report.valid, errors: report.errors },
      changes,
      cases: this.runCases(tenantId, row.policyId, report.compiled, row.casesText),
    };
  }
}
