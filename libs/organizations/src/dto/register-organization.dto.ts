import { applyDecorators } from '@nestjs/common';
import { DisplayNameField, EmailField, NewPasswordField, NewUsernameField, TenantIdField } from '@subsidy/auth';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ORGANIZATION_KINDS, OrganizationKind } from '../organization-record';
import { IsUscc } from '../uscc/is-uscc.decorator';

export const OrganizationNameField = (): PropertyDecorator => applyDecorators(IsString(), IsNotEmpty(), MaxLength(200));

export class OrganizationInput {
  @IsString()
  @MaxLength(18)
  @IsUscc()
  uscc!: string;

  @OrganizationNameField()
  name!: string;

  @IsIn(ORGANIZATION_KINDS, { message: `$property must be one of: ${ORGANIZATION_KINDS.join(', ')}` })
  kind!: OrganizationKind;

  @IsString()
  @Matches(/^[0-9]{6}$/, { message: '$property must be a 6-digit district code' })
  districtCode!: string;
}

export class ApplicantInput {
  @NewUsernameField()
  username!: string;

  @DisplayNameField()
  displayName!: string;

  @EmailField()
  email!: string;

  @NewPasswordField()
  password!: string;
}

/** Self-registration: the organization and its first applicant account, created together or not at all. */
export class RegisterOrganizationDto {
  @TenantIdField()
  tenant!: string;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => OrganizationInput)
  organization!: OrganizationInput;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantInput)
  user!: ApplicantInput;
}
