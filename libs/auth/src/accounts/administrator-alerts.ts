import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { queryRows } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { UserRecord } from '../users/user-record';

/**
 * Tells every other administrator of the acting tenant (its tenant administrators; in the platform tenant, the platform
 * administrators; never the creator nor the new account) that a privileged account was created, in the creating
 * transaction. One administrator creating a finance officer for an accomplice is then seen by the others, not only by
 * whoever reads the audit trail.
 */
@Injectable()
export class AdministratorAlerts {
  // forwardRef: @subsidy/notifications imports this library's decorators, so its barrel may still be loading here.
  constructor(@Inject(forwardRef(() => Notifier)) private readonly notifier: Notifier) {}

  async privilegedAccountCreated(manager: EntityManager, actor: Actor, user: UserRecord): Promise<number> {
    const admins = await queryRows<{ id: string }>(
      manager,
      `select id from users where role in ('tenant_admin', 'platform_admin') and active and id <> $1 and id <> $2 order by id`,
      [actor.id, user.id],
    );
    if (admins.length === 0) return 0;
    // A platform administrator acting on this tenant lives in the platform tenant, out of reach here: named by role and id.
    const [own] = await queryRows<{ username: string }>(manager, `select username from users where id = $1`, [actor.id]);
    const creator = own ? `${own.username} (${actor.role})` : `${actor.role ?? actor.kind} ${actor.id}`;
    await this.notifier.notify(
      manager,
      admins.map((admin) => ({ userId: admin.id })),
      {
        kind: 'account.privileged-created',
        subject: `新建特权账号 ${user.username}（${user.role}）/ Privileged account created`,
        body: [
          `${creator} 创建了账号 ${user.username}（${user.displayName}，角色 ${user.role}，邮箱 ${user.email ?? '无'}）。如非预期，请立即停用该账号并核查。`,
          `${creator} created the account ${user.username} (${user.displayName}, role ${user.role}, e-mail ${user.email ?? 'none'}). If you did not expect it, deactivate it and investigate.`,
        ].join('\n'),
        entity: { type: 'user', id: user.id },
      },
    );
    return admins.length;
  }
}
