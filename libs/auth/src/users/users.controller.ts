import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTotalCount, pageWindow, uuidParam, withTotalCount } from '@subsidy/common';
import { ListUsersQuery, USER_SORT } from './list-users.query';
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
import { ListedUser, UserRecord } from './user-record';
import { CreatedStaffAccountView, PasswordResetView, UserListView, UserView } from '../http/auth-responses';

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
  @ApiCreatedResponse({ type: CreatedStaffAccountView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<CreatedStaffAccount> {
    return this.createAccount.execute(actor, body);
  }

  @Get()
  @ApiTotalCount("One page of the tenant's accounts; X-Total-Count: all that match", UserListView)
  async list(@Query() query: ListUsersQuery, @Res({ passthrough: true }) response: Response): Promise<{ items: ListedUser[] }> {
    const active = query.active === undefined ? undefined : query.active === 'true';
    const page = await this.listUsers.page({ role: query.role, active, q: query.q, staffOnly: query.staff === 'true', orderBy: USER_SORT.orderBy(query.sort), ...pageWindow(query) });
    return { items: withTotalCount(response, page) };
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: UserView })
  deactivate(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: AccountActionDto): Promise<UserRecord> {
    return this.deactivateUser.execute(actor, id, body.reason);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: UserView })
  reactivate(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: ReactivateUserDto): Promise<UserRecord> {
    return this.reactivateUser.execute(actor, id, body.reason, body.email);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOkResponse({ type: PasswordResetView })
  resetPassword(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: AccountActionDto): Promise<{ passwordSetupExpiresAt: string }> {
    return this.forceReset.execute(actor, id, body.reason);
  }

  @Post(':id/login-unlock')
  @HttpCode(204)
  async unlock(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: AccountActionDto): Promise<void> {
    await this.unlockLogin.execute(actor, id, body.reason);
  }
}
