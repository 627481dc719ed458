import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { uuidParam } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import { CurrentActor } from '../decorators/current-actor.decorator';
import { Roles } from '../decorators/roles.decorator';
import { AccountActionDto, ReactivateUserDto } from './account-action.dto';
import { CreateUserDto } from './create-user.dto';
import { CreatedStaffAccount, CreateStaffAccount } from './use-cases/create-staff-account';
import { DeactivateUser } from './use-cases/deactivate-user';
import { ForcePasswordReset } from './use-cases/force-password-reset';
import { ListUsers } from './use-cases/list-users';
import { ReactivateUser } from './use-cases/reactivate-user';
import { UnlockLogin } from './use-cases/unlock-login';
import { UserRecord } from './user-record';

/**
 * Staff accounts of the acting tenant, managed by its tenant administrators and by the platform administrator (who
 * reaches a tenant with X-Tenant-Id). Which roles each may grant, and whom each may manage: account-authority.ts.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('tenant_admin', 'platform_admin')
export class UsersController {
  constructor(
    private readonly createAccount: CreateStaffAccount,
    private readonly listUsers: ListUsers,
    private readonly deactivateUser: DeactivateUser,
    private readonly reactivateUser: ReactivateUser,
    private readonly forceReset: ForcePasswordReset,
    private readonly unlockLogin: UnlockLogin,
  ) {}

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<CreatedStaffAccount> {
    return this.createAccount.execute(actor, body);
  }

  @Get()
  async list(): Promise<{ items: UserRecord[] }> {
    return { items: await this.listUsers.execute() };
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: AccountActionDto): Promise<UserRecord> {
    return this.deactivateUser.execute(actor, id, body.reason);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  reactivate(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: ReactivateUserDto): Promise<UserRecord> {
    return this.reactivateUser.execute(actor, id, body.reason, body.email);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  resetPassword(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: AccountActionDto): Promise<{ passwordSetupExpiresAt: string }> {
    return this.forceReset.execute(actor, id, body.reason);
  }

  @Post(':id/login-unlock')
  @HttpCode(204)
  async unlock(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: AccountActionDto): Promise<void> {
    await this.unlockLogin.execute(actor, id, body.reason);
  }
}
