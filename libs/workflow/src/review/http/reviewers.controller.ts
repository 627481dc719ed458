import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@subsidy/auth';
import { ApiTotalCount, pageWindow, withTotalCount } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import type { Response } from 'express';
import { ListReviewersQuery, REVIEWER_ROLES } from './dto/list-reviewers.query';

export interface ReviewerView {
  id: string;
  displayName: string;
  role: string;
  districtCode: string | null;
  districtName: string | null;
}

export class ReviewerResponse {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ example: '环翠区市场监督管理局' })
  declare displayName: string;

  @ApiProperty({ enum: REVIEWER_ROLES })
  declare role: string;

  @ApiProperty({ type: String, nullable: true, example: '371002' })
  declare districtCode: string | null;

  @ApiProperty({ type: String, nullable: true, example: '环翠区' })
  declare districtName: string | null;
}

export class ReviewerListResponse {
  @ApiProperty({ type: () => [ReviewerResponse] })
  declare items: ReviewerResponse[];
}

/**
 * The tenant's active district or technical reviewers, by name: whom a program officer may hand a pending review to
 * (POST /applications/:id/reassign). Names and districts only; the accounts themselves stay the administrators'.
 */
@ApiTags('review')
@ApiBearerAuth()
@Controller('reviewers')
export class ReviewersController {
  constructor(private readonly transactions: TenantTransactions) {}

  @Get()
  @Roles('program_officer')
  @ApiOperation({ summary: "The tenant's active district or technical reviewers, to reassign a pending review to" })
  @ApiTotalCount('One page of the reviewers of that role, by name; X-Total-Count: all of them', ReviewerListResponse)
  async list(@Query() query: ListReviewersQuery, @Res({ passthrough: true }) response: Response): Promise<{ items: ReviewerView[] }> {
    const { limit, offset } = pageWindow(query);
    const page = await this.transactions.run(async (manager) => {
      const rows = (await manager.query(
        `select u.id, u.display_name as "displayName", u.role, u.district_code as "districtCode", d.name_zh as "districtName"
           from users u left join districts d on d.code = u.district_code
          where u.role = $1 and u.active order by u.display_name, u.id limit $2 offset $3`,
        [query.role, limit, offset],
      )) as ReviewerView[];
      const [count] = (await manager.query(`select count(*)::int as total from users where role = $1 and active`, [query.role])) as Array<{ total: number }>;
      return { rows, total: count?.total ?? 0 };
    });
    return { items: withTotalCount(response, page) };
  }
}
