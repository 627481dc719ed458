import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank, PageQuery, SortSpec } from '@subsidy/common';
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

/** Sort fields of GET /organization-registrations; the default order is oldest first. */
export const REGISTRATION_SORT = new SortSpec({ createdAt: 'created_at', name: 'name', uscc: 'uscc', districtCode: 'district_code' }, 'created_at', 'id');

export class ListRegistrationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES, default: 'pending_review' })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;

  @ApiPropertyOptional({ description: '名称或统一社会信用代码中包含的文字 (part of the name or the USCC)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: REGISTRATION_SORT.values, description: '排序字段，"-" 前缀为降序；默认最早的在前' })
  @IsOptional()
  @IsIn(REGISTRATION_SORT.values)
  sort?: string;
}
