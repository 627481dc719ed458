import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { AccountStateError, EmailRequiredError, SegregationOfDutiesError } from '../../auth-errors';
import { dutyOf, SEGREGATION_CONSTRAINT } from '../segregation-of-duties';
import { isExclusionViolation } from '../unique-violation';
import { UserRecord } from '../user-record';
import { UserStore } from '../user-store';
import { loadManagedAccount } from './managed-account';

/**
 * Opens a closed account again, under the same segregation of duties as a creation: an account that holds a duty must
 * name its person (an e-mail address; one may be given here for accounts made before addresses were required), and
 * that person must hold no other duty through an active account. Sessions ended at deactivation stay ended.
 */
@Injectable()
export class ReactivateUser {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, userId: string, reason: string, newEmail?: string): Promise<UserRecord> {
    try {
      return await this.transactions.run(async (manager) => {
        const row = await loadManagedAccount(manager, actor, userId);
        if (row.active) throw new AccountStateError('already_active');
        const email = row.email ?? newEmail?.trim() ?? null;
        if (dutyOf(row.role) && !email) throw new EmailRequiredError();
        if (email !== row.email && email) await UserStore.setEmail(manager, row.id, email);
        const conflict = await UserStore.findDutyConflict(manager, email, row.role, row.id);
        if (conflict) throw new SegregationOfDutiesError('email', conflict);
        const user = await UserStore.setActive(manager, row.id, true);
        await this.audit.record(manager, {
          action: 'user.reactivated',
          entityType: 'user',
          entityId: row.id,
          reason: reason.trim(),
          data: { username: row.username, role: row.role, ...(email !== row.email ? { emailSet: email } : {}) },
        });
        return user;
      });
    } catch (error) {
      if (isExclusionViolation(error, SEGREGATION_CONSTRAINT)) throw new SegregationOfDutiesError('email');
      throw error;
    }
  }
}
