import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { Role } from '@subsidy/tenancy';
import { DisplayNameField, EmailField, NewUsernameField } from '../dto/fields';

/** Roles a staff account may have; applicants register themselves or are invited by their organization. */
export const STAFF_ROLES = [
  'platform_admin',
  'tenant_admin',
  'program_officer',
  'district_reviewer',
  'technical_reviewer',
  'expert',
  'finance_officer',
] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * A new staff account. There is no password field: the account's owner sets the password with the one-time token
 * sent to `email`, so whoever creates the account cannot sign in as it.
 */
export class CreateUserDto {
  @ApiProperty({ example: 'wang.fang', description: '3-64 lower-case letters, digits or . _ @ -' })
  @NewUsernameField()
  username!: string;

  @ApiProperty({ example: '王芳' })
  @DisplayNameField()
  displayName!: string;

  @ApiProperty({
    example: 'wang.fang@scjgj.example.gov.cn',
    description: "The person's own address: it receives the password-setup token and ties the account to the person for the segregation of duties",
  })
  @EmailField()
  email!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `$property must be one of: ${STAFF_ROLES.join(', ')}` })
  role!: StaffRole;

  @ApiPropertyOptional({ example: '370102', description: 'district reviewers and district-level finance officers only' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{6}$/, { message: '$property must be a 6-digit district code' })
  districtCode?: string;

  @ApiPropertyOptional({ enum: ['city', 'district'], description: 'finance officers only' })
  @IsOptional()
  @IsIn(['city', 'district'], { message: '$property must be city or district' })
  financeLevel?: 'city' | 'district';
}
