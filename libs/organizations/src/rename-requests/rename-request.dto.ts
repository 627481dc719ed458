import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank } from '@subsidy/common';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RENAME_REQUEST_STATUSES, RenameRequestStatus } from './rename-request-record';

export class DecideRenameRequestDto {
  @ApiProperty({ maxLength: 2000, description: 'Why, as the applicant will read it, e.g. 已核对市场监管部门变更登记通知书' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason!: string;
}

export class ListRenameRequestsQuery {
  @ApiPropertyOptional({ enum: [...RENAME_REQUEST_STATUSES, 'all'], default: 'pending' })
  @IsOptional()
  @IsIn([...RENAME_REQUEST_STATUSES, 'all'])
  status?: RenameRequestStatus | 'all';
}
