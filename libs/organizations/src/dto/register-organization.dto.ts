import { ApiProperty } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { DisplayNameField, EmailField, NewPasswordField, NewUsernameField, TenantIdField } from '@subsidy/auth';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ORGANIZATION_KINDS, OrganizationKind } from '../organization-record';
import { IsUscc } from '../uscc/is-uscc.decorator';

export const OrganizationNameField = (): PropertyDecorator => applyDecorators(ApiProperty({ description: 'Registered name (as on the business licence)', example: '威海市标准化研究院', maxLength: 200 }), IsString(), IsNotEmpty(), MaxLength(200));

export class OrganizationInput {
  @ApiProperty({ description: 'Unified social credit code (统一社会信用代码), 18 characters', example: '91371000MA3C8N5X2L', maxLength: 18 })
  @IsString()
  @MaxLength(18)
  @IsUscc()
  uscc!: string;

  @OrganizationNameField()
  name!: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  @IsIn(ORGANIZATION_KINDS, { message: `$property must be one of: ${ORGANIZATION_KINDS.join(', ')}` })
  kind!: OrganizationKind;

  @ApiProperty({ description: 'Administrative division code of the district', example: '371002', pattern: '^[0-9]{6}$' })
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

  @ApiProperty({ type: () => OrganizationInput })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => OrganizationInput)
  organization!: OrganizationInput;

  @ApiProperty({ type: () => ApplicantInput, description: 'The first applicant account of the organization' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantInput)
  user!: ApplicantInput;
}
