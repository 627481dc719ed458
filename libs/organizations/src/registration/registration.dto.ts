import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank } from '@subsidy/common';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { REGISTRATION_STATUSES, RegistrationStatus } from './registration-store';

export class ApproveRegistrationDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'What was checked, e.g. 已核对营业执照原件' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RejectRegistrationDto {
  @ApiProperty({ maxLength: 2000, description: 'Why, as the applicant will read it, e.g. 营业执照登记机关与所填所在区不符' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason!: string;
}

export class ListRegistrationsQuery {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES, default: 'pending_review' })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;
}
