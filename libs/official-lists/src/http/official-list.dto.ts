import { ApiBody, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsNotBlank, PageQuery } from '@subsidy/common';
import { Equals, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { LIST_KINDS, ListKind } from '../kinds';
import { LIST_SORT, ROW_SORT } from '../queries/official-list-queries';
import { ROW_STATUSES, RowStatus } from '../queries/list-views';

const KIND = { enum: [...LIST_KINDS], description: '名单类型 (kind): leader_list 企业标准领跑者, published_standard 标准发布（起草单位）, good_conduct_certificate 良好行为证书, tc_secretariat 技术委员会秘书处, innovation_award 标准创新贡献奖' };

/** The text fields of the preview upload (the file is the `file` part, documented by ApiPreviewBody). */
export class PreviewListDto {
  @ApiProperty(KIND)
  @IsIn(LIST_KINDS)
  kind!: ListKind;
}

/** The text fields of the import upload. */
export class ImportListDto extends PreviewListDto {
  @ApiProperty({ description: '名单标题 (title), e.g. 2022年粮油产品企业标准“领跑者”名单', maxLength: 200 })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: '发布来源或文号 (source or document number), e.g. 国家粮食和物资储备局 2022-10-12 通知', maxLength: 200 })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  sourceRef!: string;

  @ApiProperty({ description: '名单发布日期 (CST calendar date the list was published)', example: '2022-10-12', format: 'date' })
  @IsCalendarDate()
  listDate!: string;
}

const fileProperty = { type: 'string', format: 'binary', description: 'xlsx or csv (UTF-8 or GB18030), at most 20 MB' } as const;

export const ApiPreviewBody = (): MethodDecorator =>
  ApiBody({ required: true, schema: { type: 'object', required: ['file', 'kind'], properties: { file: fileProperty, kind: { type: 'string', ...KIND } } } });

export const ApiImportBody = (): MethodDecorator =>
  ApiBody({
    required: true,
    schema: {
      type: 'object',
      required: ['file', 'kind', 'title', 'sourceRef', 'listDate'],
      properties: {
        file: fileProperty,
        kind: { type: 'string', ...KIND },
        title: { type: 'string', maxLength: 200, description: '名单标题 (title)' },
        sourceRef: { type: 'string', maxLength: 200, description: '发布来源或文号 (source or document number)' },
        listDate: { type: 'string', format: 'date', description: '名单发布日期 (list date, CST)' },
      },
    },
  });

export class ListOfficialListsQuery extends PageQuery {
  @ApiPropertyOptional(KIND)
  @IsOptional()
  @IsIn(LIST_KINDS)
  kind?: ListKind;

  @ApiPropertyOptional({ enum: LIST_SORT.values, description: '排序字段，"-" 前缀为降序；默认最新导入在前' })
  @IsOptional()
  @IsIn(LIST_SORT.values)
  sort?: string;
}

export class ListRowsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROW_STATUSES, description: '条目状态 (status): matched 已匹配, review 待人工认定, unregistered 未注册, rejected 无法读取, dismissed 已排除' })
  @IsOptional()
  @IsIn(ROW_STATUSES)
  status?: RowStatus;

  @ApiPropertyOptional({ enum: ROW_SORT.values, description: '排序字段，"-" 前缀为降序；默认按行号' })
  @IsOptional()
  @IsIn(ROW_SORT.values)
  sort?: string;
}

/** Either the organization the entry names, or `reject: true`; a reason always. */
export class ResolveRowDto {
  @ApiPropertyOptional({ description: '该条目所指的本地区单位 (the organization the entry names)', format: 'uuid' })
  @ValidateIf((o: ResolveRowDto) => o.reject === undefined || o.organizationId !== undefined)
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ description: '该条目不指向本地区任何单位 (the entry names none of ours)', enum: [true] })
  @ValidateIf((o: ResolveRowDto) => o.organizationId === undefined || o.reject !== undefined)
  @Equals(true)
  reject?: true;

  @ApiProperty({ description: '认定理由 (reason)', maxLength: 2000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason!: string;
}
