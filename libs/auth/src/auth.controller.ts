import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import type { Request, Response } from 'express';
import { AuthService, SessionTokens } from './auth.service';
import { CurrentActor } from './decorators/current-actor.decorator';
import { Public } from './decorators/public.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { PasswordSetupDto } from './dto/password-setup.dto';
import { RefreshDto } from './dto/refresh.dto';
import { LocalAuthGuard } from './guards/local-auth.guard';
import { withRetryAfter } from './login/retry-after';
import { ChangeOwnPassword } from './passwords/change-own-password';
import { CompletePasswordSetup } from './passwords/complete-password-setup';
import { UserRecord } from './users/user-record';
import { MeView, SessionTokensView } from './http/auth-responses';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly changeOwnPassword: ChangeOwnPassword,
    private readonly completePasswordSetup: CompletePasswordSetup,
  ) {}

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionTokensView })
  login(@Body() _body: LoginDto, @Req() request: Request & { user: UserRecord }): Promise<SessionTokens> {
    return this.auth.startSession(request.user);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionTokensView })
  refresh(@Body() body: RefreshDto): Promise<SessionTokens> {
    return this.auth.refresh(body.tenant, body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.tenant, body.refreshToken);
  }

  /** The signed-in user's own password; every other sign-in of theirs ends. */
  @Post('password')
  @HttpCode(204)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangePasswordDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await withRetryAfter(response, () =>
      this.changeOwnPassword.execute({ actor, currentPassword: body.currentPassword, newPassword: body.newPassword, ip: request.ip ?? 'unknown' }),
    );
  }

  /** Sets the password of a new or reset account with the one-time token sent to its e-mail address. */
  @Public()
  @Post('password-setup')
  @HttpCode(204)
  async passwordSetup(@Body() body: PasswordSetupDto): Promise<void> {
    await this.completePasswordSetup.execute(body.tenant, body.token, body.password);
  }

  @Get('me')
  @ApiOkResponse({ type: MeView })
  async me(@CurrentActor() actor: Actor): Promise<UserRecord & { actingTenantId: string }> {
    const user = await this.auth.me(actor);
    return { ...user, actingTenantId: RequestContextStore.requireTenantId() };
  }
}
