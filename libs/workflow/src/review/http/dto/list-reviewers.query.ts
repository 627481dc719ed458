import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PageQuery } from '@subsidy/common';

export const REVIEWER_ROLES = ['district_reviewer', 'technical_reviewer'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

export class ListReviewersQuery extends PageQuery {
  @ApiProperty({ enum: REVIEWER_ROLES, description: '区级审核员或技术审查员 (the stage a review may be reassigned within)' })
  @IsIn(REVIEWER_ROLES)
  role!: ReviewerRole;
}
