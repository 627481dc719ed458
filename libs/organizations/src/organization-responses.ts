import { ApiProperty } from '@nestjs/swagger';
import { UserView } from '@subsidy/auth';
import { ORGANIZATION_KINDS, OrganizationKind } from './organization-record';
import { REGISTRATION_STATUSES, RegistrationStatus } from './registration/registration-store';
import { RENAME_REQUEST_STATUSES, RenameRequestStatus } from './rename-requests/rename-request-record';

/**
 * OpenAPI documentation of the organizations endpoints' answers (OrganizationRecord, RegistrationView, RenameRequest,
 * OrganizationMember, IssuedInvitation, Registration): never instantiated, only read by the document builder.
 */
export class OrganizationDto {
  @ApiProperty({ example: 'weihai' })
  declare tenantId: string;

  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ description: 'Unified social credit code (统一社会信用代码)', example: '91371000MA3C8N5X2L' })
  declare uscc: string;

  @ApiProperty({ example: '威海市标准化研究院' })
  declare name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  declare kind: OrganizationKind;

  @ApiProperty({ example: '371002' })
  declare districtCode: string;

  @ApiProperty({ format: 'date-time' })
  declare createdAt: string;
}

export class OrganizationListDto {
  @ApiProperty({ type: () => [OrganizationDto] })
  declare items: OrganizationDto[];
}

export class RegistrationDto {
  @ApiProperty({ format: 'uuid' })
  declare organizationId: string;

  @ApiProperty({ enum: REGISTRATION_STATUSES, enumName: 'RegistrationStatus' })
  declare status: RegistrationStatus;

  @ApiProperty({ type: [String], description: 'What the reviewer should look at', example: ['uscc_registered_with_city'] })
  declare flags: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  declare reviewedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  declare reviewedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the registration was rejected' })
  declare reason: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The applicant account that administers the organization" })
  declare administratorUserId: string | null;
}

export class RegistrationListItemDto extends RegistrationDto {
  @ApiProperty({ example: '91371000MA3C8N5X2L' })
  declare uscc: string;

  @ApiProperty()
  declare name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  declare kind: string;

  @ApiProperty({ example: '371002' })
  declare districtCode: string;

  @ApiProperty({ format: 'date-time' })
  declare createdAt: string;
}

export class RegistrationListDto {
  @ApiProperty({ type: () => [RegistrationListItemDto] })
  declare items: RegistrationListItemDto[];
}

/** POST /organizations/register: the organization, its first applicant account, and its pending registration. */
export class RegistrationResultDto {
  @ApiProperty({ type: () => OrganizationDto })
  declare organization: OrganizationDto;

  @ApiProperty({ type: () => UserView })
  declare user: UserView;

  @ApiProperty({ type: () => RegistrationDto })
  declare registration: RegistrationDto;
}

export class RenameRequestDto {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ format: 'uuid' })
  declare organizationId: string;

  @ApiProperty({ description: 'The name when the request was made' })
  declare currentName: string;

  @ApiProperty()
  declare requestedName: string;

  @ApiProperty({ enum: RENAME_REQUEST_STATUSES, enumName: 'RenameRequestStatus' })
  declare status: RenameRequestStatus;

  @ApiProperty({ format: 'uuid' })
  declare requestedBy: string;

  @ApiProperty({ format: 'date-time' })
  declare requestedAt: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  declare decidedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  declare decidedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  declare decisionReason: string | null;
}

export class RenameRequestListDto {
  @ApiProperty({ type: () => [RenameRequestDto] })
  declare items: RenameRequestDto[];
}

export class OrganizationMemberDto {
  @ApiProperty({ format: 'uuid' })
  declare userId: string;

  @ApiProperty()
  declare username: string;

  @ApiProperty()
  declare displayName: string;

  @ApiProperty()
  declare active: boolean;

  @ApiProperty({ description: "Whether this account administers the organization" })
  declare administrator: boolean;
}

export class OrganizationMemberListDto {
  @ApiProperty({ type: () => [OrganizationMemberDto] })
  declare items: OrganizationMemberDto[];
}

export class IssuedInvitationDto {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ format: 'uuid' })
  declare organizationId: string;

  @ApiProperty({ format: 'email' })
  declare email: string;

  @ApiProperty({ description: 'Returned once, here; the inviter passes it on' })
  declare token: string;

  @ApiProperty({ format: 'date-time' })
  declare expiresAt: string;
}
