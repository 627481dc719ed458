import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import type { Request } from 'express';
import { AuthService, SessionTokens } from './auth.service';
import { CurrentActor } from './decorators/current-actor.decorator';
import { Public } from './decorators/public.decorator';
import { LoginDto } from './dto/login.dto';
import { RefreshDto } from './dto/refresh.dto';
import { LocalAuthGuard } from './guards/local-auth.guard';
import { UserRecord } from './users/user-record';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  login(@Body() _body: LoginDto, @Req() request: Request & { user: UserRecord }): Promise<SessionTokens> {
    return this.auth.startSession(request.user);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshDto): Promise<SessionTokens> {
    return this.auth.refresh(body.tenant, body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.tenant, body.refreshToken);
  }

  @Get('me')
  async me(@CurrentActor() actor: Actor): Promise<UserRecord & { actingTenantId: string }> {
    const user = await this.auth.me(actor);
    return { ...user, actingTenantId: RequestContextStore.requireTenantId() };
  }
}
