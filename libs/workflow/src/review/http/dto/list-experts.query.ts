import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, SortSpec } from '@subsidy/common';

/** Sort fields of GET /experts; the default order is by name. */
export const EXPERT_SORT = new SortSpec({ displayName: 'u.display_name', username: 'u.username', field: 'p.field', active: 'p.active' }, 'u.display_name', 'p.user_id');

export class ListExpertsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '可否抽取 (true: may be drawn)', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';

  @ApiPropertyOptional({ description: '专业领域 (the field, exactly)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  field?: string;

  @ApiPropertyOptional({ description: '用户名或姓名中包含的文字 (part of the username or name)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: EXPERT_SORT.values, description: '排序字段，"-" 前缀为降序；默认按姓名' })
  @IsOptional()
  @IsIn(EXPERT_SORT.values)
  sort?: string;
}

/** Sort fields of GET /experts/me/assignments; the default order is the earliest due first. */
export const ASSIGNMENT_SORT = new SortSpec({ dueAt: 'p.due_at', organizationName: 'o.name', status: 'm.status' }, 'p.due_at', 'm.application_id');

export class ListAssignmentsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '评分状态 (invited: to score, scored: scored)', enum: ['invited', 'scored'] })
  @IsOptional()
  @IsIn(['invited', 'scored'])
  status?: 'invited' | 'scored';

  @ApiPropertyOptional({ enum: ASSIGNMENT_SORT.values, description: '排序字段，"-" 前缀为降序；默认截止时间最早的在前' })
  @IsOptional()
  @IsIn(ASSIGNMENT_SORT.values)
  sort?: string;
}
