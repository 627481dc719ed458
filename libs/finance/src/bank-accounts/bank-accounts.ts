import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Scope } from '@subsidy/auth';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { FinanceNotFoundError } from '../finance-errors';

export interface BankAccountInput {
  accountName: string;
  bankName: string;
  accountNo: string;
}

export interface BankAccountView extends BankAccountInput {
  organizationId: string;
  updatedAt: Date;
}

/** Where an organization's money is paid: set by the organization itself or by a finance officer. */
@Injectable()
export class BankAccounts {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  set(actor: Actor, organizationId: string, input: BankAccountInput): Promise<BankAccountView> {
    return this.transactions.run(async (manager) => {
      const [organization] = await queryRows<{ id: string; districtCode: string }>(
        manager,
        `select id, district_code as "districtCode" from organizations where id = $1`,
        [organizationId],
      );
      if (!organization) throw new FinanceNotFoundError('No such organization', [{ path: 'id', message: 'no such organization' }]);
      Scope.assertOrganizationAccess(actor, { organizationId, districtCode: organization.districtCode });
      const [row] = await queryRows<BankAccountView>(
        manager,
        `insert into organization_bank_accounts (tenant_id, organization_id, account_name, bank_name, account_no, updated_by, updated_at)
         values (current_setting('app.tenant_id', true), $1, $2, $3, $4, $5, $6)
         on conflict (tenant_id, organization_id) do update
           set account_name = excluded.account_name, bank_name = excluded.bank_name, account_no = excluded.account_no,
               updated_by = excluded.updated_by, updated_at = excluded.updated_at
         returning organization_id as "organizationId", account_name as "accountName", bank_name as "bankName", account_no as "accountNo", updated_at as "updatedAt"`,
        [organizationId, input.accountName, input.bankName, input.accountNo, actor.id, this.clock.now()],
      );
      await this.audit.record(manager, {
        action: 'finance.bank-account-set',
        entityType: 'organization',
        entityId: organizationId,
        data: { bankName: input.bankName, accountNoLast4: input.accountNo.slice(-4) },
      });
      return row;
    });
  }
}
