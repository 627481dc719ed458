import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Scope } from '@subsidy/auth';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor } from '@subsidy/tenancy';
import { FinanceNotFoundError } from '../finance-errors';
import { NotPayeeAdministratorError, PayeeAccountRejectedError } from './payee-account-errors';
import { normalizeAccountNo, payeeAccountProblems } from './payee-account-rules';
import { payeeAccountWatchers } from './payee-account-watchers';

export interface BankAccountInput {
  accountName: string;
  bankName: string;
  accountNo: string;
}

export interface BankAccountView extends BankAccountInput {
  organizationId: string;
  /** 1 as first set, one more at every change: batch lines compare it with the version their share was approved on. */
  version: number;
  updatedAt: Date;
}

interface Payee {
  id: string;
  name: string;
  kind: string;
  districtCode: string;
  administratorUserId: string | null;
}

const VIEW = `organization_id as "organizationId", account_name as "accountName", bank_name as "bankName", account_no as "accountNo", version, updated_at as "updatedAt"`;
const last4 = (accountNo: string) => accountNo.slice(-4);

/**
 * Where an organization's money is paid. Set by the organization's administrator (no other member: a member could
 * otherwise redirect the organization's award) or by a finance officer, who records accounts from the organization's
 * signed account form and is the one who checks them anyway. Every kind but an individual business must name its own
 * registered name (对公账户). Every change is audited, the tenant's city finance officers and those of the
 * organization's district are notified, and so is every member of the organization; a line of an award approved
 * before the change is held until a finance officer confirms the new account (payments/confirm-line-account.ts).
 */
@Injectable()
export class BankAccounts {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  set(actor: Actor, organizationId: string, input: BankAccountInput): Promise<BankAccountView> {
    return this.transactions.run(async (manager) => {
      const [payee] = await queryRows<Payee>(
        manager,
        `select id, name, kind, district_code as "districtCode", administrator_user_id as "administratorUserId" from organizations where id = $1`,
        [organizationId],
      );
      if (!payee) throw new FinanceNotFoundError({ zh: '没有找到该单位', en: 'No such organization' }, [{ path: 'id', message: 'no such organization', messageZh: '没有该单位' }]);
      Scope.assertOrganizationAccess(actor, { organizationId, districtCode: payee.districtCode });
      if (actor.role === 'applicant' && payee.administratorUserId !== actor.id) throw new NotPayeeAdministratorError();
      const problems = payeeAccountProblems(payee, input);
      if (problems.length > 0) throw new PayeeAccountRejectedError(problems);
      const account = { accountName: input.accountName.trim(), bankName: input.bankName.trim(), accountNo: normalizeAccountNo(input.accountNo) };

      const [before] = await queryRows<BankAccountView>(manager, `select ${VIEW} from organization_bank_accounts where organization_id = $1 for update`, [organizationId]);
      if (before && before.accountName === account.accountName && before.bankName === account.bankName && before.accountNo === account.accountNo) return before;
      const [after] = await queryRows<BankAccountView>(
        manager,
        `insert into organization_bank_accounts (tenant_id, organization_id, account_name, bank_name, account_no, updated_by, updated_at, version)
         values (current_setting('app.tenant_id', true), $1, $2, $3, $4, $5, $6, 1)
         on conflict (tenant_id, organization_id) do update
           set account_name = excluded.account_name, bank_name = excluded.bank_name, account_no = excluded.account_no,
               updated_by = excluded.updated_by, updated_at = excluded.updated_at, version = organization_bank_accounts.version + 1
         returning ${VIEW}`,
        [organizationId, account.accountName, account.bankName, account.accountNo, actor.id, this.clock.now()],
      );
      await this.audit.record(manager, {
        action: 'finance.bank-account-set',
        entityType: 'organization',
        entityId: organizationId,
        data: {
          version: after.version,
          accountName: after.accountName,
          bankName: after.bankName,
          accountNoLast4: last4(after.accountNo),
          previous: before ? { accountName: before.accountName, bankName: before.bankName, accountNoLast4: last4(before.accountNo) } : null,
        },
      });
      const change = before ? `由${before.bankName}尾号${last4(before.accountNo)}变更为${after.bankName}尾号${last4(after.accountNo)}` : `设置为${after.bankName}尾号${last4(after.accountNo)}`;
      const by = actor.role === 'applicant' ? '单位管理员' : '财务人员';
      await this.notifier.notify(manager, await payeeAccountWatchers(manager, payee), {
        kind: before ? 'finance.payee-account-changed' : 'finance.payee-account-set',
        subject: `${before ? '收款账户变更' : '收款账户设置'}：${payee.name}`,
        body:
          `${payee.name}的收款账户已由${by}${change}（账户名称：${after.accountName}）。` +
          (before ? '此前已核准、尚未支付的款项将暂缓支付，须由财务人员核实新账户后逐笔确认。' : ''),
        entity: { type: 'organization', id: organizationId },
      });
      return after;
    });
  }
}
