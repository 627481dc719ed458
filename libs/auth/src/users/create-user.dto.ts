import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { Role } from '@subsidy/tenancy';
import { DisplayNameField, EmailField, NewPasswordField, NewUsernameField } from '../dto/fields';

/** Roles a staff account may have; applicants register themselves or are invited by their organization. */
export const STAFF_ROLES = ['platform_admin', 'program_officer', 'district_reviewer', 'technical_reviewer', 'expert', 'finance_officer'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export class CreateUserDto {
  @NewUsernameField()
  username!: string;

  @DisplayNameField()
  displayName!: string;

  @IsOptional()
  @EmailField()
  email?: string;

  /** The initial password, handed to the person out of band. */
  @NewPasswordField()
  password!: string;

  @IsIn(STAFF_ROLES, { message: `$property must be one of: ${STAFF_ROLES.join(', ')}` })
  role!: StaffRole;

  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{6}$/, { message: '$property must be a 6-digit district code' })
  districtCode?: string;

  @IsOptional()
  @IsIn(['city', 'district'], { message: '$property must be city or district' })
  financeLevel?: 'city' | 'district';
}
