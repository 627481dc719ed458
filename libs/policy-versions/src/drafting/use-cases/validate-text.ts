import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@subsidy/database';
import { RequestContextStore } from '@subsidy/tenancy';
import { stringify } from 'yaml';
import { DraftInspector } from '../draft-inspector';
import { parseDocumentOrNull } from '../document-changes';
import type { ValidationView } from '../version-view';

/** Validates a text (or a form's document) as the officer types: nothing is read but the published versions, nothing stored. */
@Injectable()
export class ValidateText {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly inspector: DraftInspector,
  ) {}

  execute(input: { sourceText?: string; document?: Record<string, unknown> }): Promise<ValidationView> {
    const tenantId = RequestContextStore.requireTenantId();
    const text = input.sourceText ?? stringify(input.document ?? {});
    const ownId = parseDocumentOrNull(text)?.id;
    // No version row here: the text's own id is taken as the version's, so only the content is judged.
    const policyId = typeof ownId === 'string' ? ownId : '';
    return this.transactions.run(async (manager) => {
      const report = await this.inspector.validate(manager, tenantId, policyId, text);
      return { valid: report.valid, errors: report.errors };
    });
  }
}
