import { ApiProperty } from '@nestjs/swagger';
import { ROLES, Role } from '@subsidy/tenancy';

/**
 * OpenAPI documentation of the auth and users endpoints' answers (UserRecord, SessionTokens, CreatedStaffAccount):
 * never instantiated, only read by the document builder.
 */
export class UserView {
  @ApiProperty({ example: 'weihai' })
  declare tenantId: string;

  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ example: 'officer' })
  declare username: string;

  @ApiProperty({ example: '张伟' })
  declare displayName: string;

  @ApiProperty({ type: String, format: 'email', nullable: true })
  declare email: string | null;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  declare role: Role;

  @ApiProperty({ type: String, nullable: true, example: '371002', description: 'The district a district-bound account works for' })
  declare districtCode: string | null;

  @ApiProperty({ enum: ['city', 'district'], enumName: 'FinanceLevel', nullable: true, description: 'Finance officers only' })
  declare financeLevel: 'city' | 'district' | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "Applicants only: the applicant's organization" })
  declare organizationId: string | null;

  @ApiProperty()
  declare active: boolean;

  @ApiProperty({ format: 'date-time' })
  declare createdAt: string;
}

export class MeView extends UserView {
  @ApiProperty({ example: 'weihai', description: 'The tenant this request acts in (a platform administrator picks it with X-Tenant-Id)' })
  declare actingTenantId: string;
}

export class SessionTokensView {
  @ApiProperty({ enum: ['Bearer'] })
  declare tokenType: 'Bearer';

  @ApiProperty({ description: 'JWT for the Authorization header' })
  declare accessToken: string;

  @ApiProperty({ type: 'integer', description: 'Seconds until the access token expires', example: 900 })
  declare expiresIn: number;

  @ApiProperty({ description: 'Presented once to POST /auth/refresh; each refresh returns a new one' })
  declare refreshToken: string;

  @ApiProperty({ format: 'date-time' })
  declare refreshExpiresAt: string;

  @ApiProperty({ type: () => UserView })
  declare user: UserView;
}

export class CreatedStaffAccountView extends UserView {
  @ApiProperty({ format: 'date-time', description: 'Until when the owner can redeem the token sent to their e-mail address' })
  declare passwordSetupExpiresAt: string;
}

export class ListedUserView extends UserView {
  @ApiProperty({ type: String, nullable: true, example: '环翠区', description: "The district's name, for a district-bound account" })
  declare districtName: string | null;
}

export class UserListView {
  @ApiProperty({ type: () => [ListedUserView] })
  declare items: ListedUserView[];
}

export class PasswordResetView {
  @ApiProperty({ format: 'date-time', description: 'Until when the token sent to the owner can be redeemed' })
  declare passwordSetupExpiresAt: string;
}
