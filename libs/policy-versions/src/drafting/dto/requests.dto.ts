import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IsNotBlank, PageQuery, SortSpec } from '@subsidy/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { POLICY_VERSION_STATES, type PolicyVersionState } from '../policy-version-rows';

/** The table's own rule for a policy id (migration 1763900012000): lower-case letters, digits and hyphens. */
export const POLICY_ID_PATTERN = /^[a-z][a-z0-9-]{1,80}$/;
/** Texts travel in a JSON body of at most 1 MB (the edge refuses larger bodies unread). */
const MAX_TEXT = 1_000_000;

/** The document as the form view edits it: the policy YAML's fields as JSON. */
const DOCUMENT_SCHEMA: { type: 'object'; additionalProperties: SchemaObject } = {
  type: 'object',
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'object', additionalProperties: { type: 'string' } } }, { type: 'object', additionalProperties: { type: 'string' } }] },
};

/** Sort fields of GET /policy-versions; by default the most recently changed first. */
export const POLICY_VERSION_SORT = new SortSpec(
  { updatedAt: 'v.updated_at', policyId: 'v.policy_id', state: 'v.state', effectiveFrom: 'v.effective_from', publishedAt: 'v.published_at' },
  'v.updated_at desc',
  'v.id',
);

export class ListPolicyVersionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: POLICY_VERSION_STATES, description: '状态 (state)' })
  @IsOptional()
  @IsIn(POLICY_VERSION_STATES)
  state?: PolicyVersionState;

  @ApiPropertyOptional({ description: '版本编号 (policy id), e.g. weihai-2026', maxLength: 81 })
  @IsOptional()
  @IsString()
  @MaxLength(81)
  policyId?: string;

  @ApiPropertyOptional({ enum: POLICY_VERSION_SORT.values, description: '排序字段，"-" 前缀为降序；默认按修改时间倒序' })
  @IsOptional()
  @IsIn(POLICY_VERSION_SORT.values)
  sort?: string;
}

export class CreatePolicyVersionDto {
  @ApiProperty({ description: '新版本的编号 (the new version id), e.g. weihai-2026: lower-case letters, digits, hyphens', pattern: POLICY_ID_PATTERN.source, example: 'weihai-2026' })
  @IsString()
  @Matches(POLICY_ID_PATTERN, { message: 'policyId: lower-case letters, digits and hyphens, starting with a letter (2-81 characters)' })
  policyId!: string;

  @ApiPropertyOptional({ description: '作为起草基础的版本 id (the version to copy), or leave out and give sourceText', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  basedOnId?: string;

  @ApiPropertyOptional({ description: '上传的政策 YAML 文本 (an uploaded policy YAML text)', maxLength: MAX_TEXT })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  sourceText?: string;

  @ApiPropertyOptional({ description: '修订说明 (what changes and why)', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  changeNote?: string;
}

export class UpdatePolicyVersionDto {
  @ApiProperty({ description: 'The version number last read (optimistic lock)', minimum: 1, type: 'integer' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: '政策 YAML 文本 (the policy YAML text)', maxLength: MAX_TEXT })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  sourceText?: string;

  @ApiPropertyOptional({ ...DOCUMENT_SCHEMA, description: 'The document as the form edits it (written out as YAML); ignored when sourceText is given' })
  @IsOptional()
  @IsObject()
  document?: Record<string, unknown>;

  @ApiPropertyOptional({ description: '测试案例 YAML (the case table, the format of config/policies/<tenant>/cases/<version>.yaml)', maxLength: MAX_TEXT })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  casesText?: string;

  @ApiPropertyOptional({ description: '修订说明 (what changes and why)', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  changeNote?: string;
}

export class ValidatePolicyTextDto {
  @ApiPropertyOptional({ description: '政策 YAML 文本 (the policy YAML text)', maxLength: MAX_TEXT })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  sourceText?: string;

  @ApiPropertyOptional({ ...DOCUMENT_SCHEMA, description: 'Or the document as the form edits it' })
  @IsOptional()
  @IsObject()
  document?: Record<string, unknown>;
}

export class PolicyVersionStepDto {
  @ApiProperty({ description: 'The version number last read (optimistic lock)', minimum: 1, type: 'integer' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class ReturnPolicyVersionDto extends PolicyVersionStepDto {
  @ApiProperty({ description: '退回理由 (why it goes back to its author)', maxLength: 4000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  reason!: string;
}
