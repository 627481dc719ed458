import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { Notifier } from '@subsidy/notifications';
import { RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { EmailRequiredError } from '../auth-errors';
import { hashToken, newOpaqueToken } from '../tokens/refresh-token';
import { UserRecord } from '../users/user-record';
import { PasswordSetupPurpose, PasswordSetupStore } from './password-setup-store';

/** A new account's owner gets three days to set a password; a forced reset, one day. */
export const PASSWORD_SETUP_TTL_SECONDS: Record<PasswordSetupPurpose, number> = { activation: 72 * 3600, reset: 24 * 3600 };

const WHAT: Record<PasswordSetupPurpose, { zh: string; en: string }> = {
  activation: { zh: '您的账号已创建', en: 'An account was created for you' },
  reset: { zh: '管理员已要求您重新设置密码', en: 'An administrator requires you to set a new password' },
};

/**
 * Issues a one-time password-setup token and sends it to the account's own e-mail address, never to the administrator
 * who created or reset the account: so that administrator cannot sign in as it. The notification is addressed to the
 * address only (no user id), so it never shows in anyone's in-product list; with SMTP_URL unset it stays undelivered
 * in the notifications table. Earlier open tokens of the account stop working.
 */
@Injectable()
export class PasswordSetupIssuer {
  // forwardRef: @subsidy/notifications imports this library's decorators, so its barrel may still be loading here.
  constructor(@Inject(forwardRef(() => Notifier)) private readonly notifier: Notifier) {}

  async issue(manager: EntityManager, user: UserRecord, purpose: PasswordSetupPurpose, createdBy: string): Promise<{ expiresAt: Date }> {
    if (!user.email) throw new EmailRequiredError();
    const tenantId = RequestContextStore.requireTenantId();
    await PasswordSetupStore.revokeOpen(manager, user.id);
    const token = newOpaqueToken();
    const stored = await PasswordSetupStore.insert(manager, {
      tenantId,
      userId: user.id,
      purpose,
      tokenHash: hashToken(token),
      ttlSeconds: PASSWORD_SETUP_TTL_SECONDS[purpose],
      createdBy,
    });
    const expires = stored.expiresAt.toISOString();
    const request = `POST /api/v1/auth/password-setup {"tenant":"${tenantId}","token":"${token}","password":"…"}`;
    await this.notifier.notify(manager, [{ email: user.email }], {
      kind: `account.password-setup.${purpose}`,
      subject: '设置 Subsidy Hub 账号密码 / Set your Subsidy Hub password',
      body: [
        `${user.displayName}，您好：${WHAT[purpose].zh}（租户 ${tenantId}，用户名 ${user.username}）。请在 ${expires} 之前用下面的一次性令牌设置密码：`,
        request,
        '如果您没有申请此账号，请忽略本邮件并告知本单位管理员。',
        '',
        `Hello ${user.displayName}: ${WHAT[purpose].en} (tenant ${tenantId}, username ${user.username}). Set your password before ${expires} with this one-time token (request above).`,
        'If you did not expect this, ignore this e-mail and tell your administrator.',
      ].join('\n'),
      entity: { type: 'user', id: user.id },
    });
    return stored;
  }
}
