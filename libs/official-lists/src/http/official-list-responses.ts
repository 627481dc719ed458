import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIST_KINDS } from '../kinds';
import { ROW_STATUSES } from '../queries/list-views';

const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' } } as const;

export class ReasonDto {
  @ApiProperty({ description: '中文' }) zh!: string;
  @ApiProperty({ description: 'English' }) en!: string;
}

export class ColumnMappingDto {
  @ApiProperty({ description: 'Field of the kind, e.g. enterpriseName' }) field!: string;
  @ApiProperty({ description: '0-based column in the sheet', type: 'integer' }) column!: number;
  @ApiProperty({ description: 'The header as the file writes it' }) header!: string;
}

export class PreviewColumnDto extends ColumnMappingDto {
  @ApiProperty() labelZh!: string;
  @ApiProperty() labelEn!: string;
  @ApiProperty() required!: boolean;
}

export class UnmappedColumnDto {
  @ApiProperty() field!: string;
  @ApiProperty() labelZh!: string;
  @ApiProperty() labelEn!: string;
  @ApiProperty() required!: boolean;
}

export class PreviewEntryDto {
  @ApiProperty({ type: 'integer', description: 'Row number in the file (1 = first line)' }) rowNumber!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Place among the units the cell names (1 = first drafter)' }) partyRank!: number | null;
  @ApiProperty({ description: 'The organization named' }) partyName!: string;
  @ApiProperty({ nullable: true, type: 'string' }) creditCode!: string | null;
  @ApiProperty({ ...STRING_MAP, description: 'Cells by field, width-normalized; carried-down values filled in' }) fields!: Record<string, string>;
}

export class RejectedRowDto {
  @ApiProperty({ type: 'integer' }) rowNumber!: number;
  @ApiProperty({ type: ReasonDto }) reason!: ReasonDto;
  @ApiProperty({ type: [String], description: 'The row as read' }) cells!: string[];
}

export class PreviewDto {
  @ApiProperty({ enum: LIST_KINDS }) kind!: string;
  @ApiProperty({ enum: ['xlsx', 'csv'], nullable: true }) format!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) headerRow!: number | null;
  @ApiProperty({ type: [PreviewColumnDto] }) mapping!: PreviewColumnDto[];
  @ApiProperty({ type: [UnmappedColumnDto] }) unmapped!: UnmappedColumnDto[];
  @ApiProperty({ type: [ReasonDto], description: 'File-level problems; with any, an import is refused' }) problems!: ReasonDto[];
  @ApiProperty({ type: 'integer' }) rowsRead!: number;
  @ApiProperty({ type: 'integer' }) entries!: number;
  @ApiProperty({ type: 'integer' }) rejectedCount!: number;
  @ApiProperty({ type: [PreviewEntryDto] }) rows!: PreviewEntryDto[];
  @ApiProperty({ type: [RejectedRowDto] }) rejected!: RejectedRowDto[];
}

export class ImportStartedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'False when this very file (same SHA-256) had been imported as this kind: that import is returned' }) created!: boolean;
}

export class ListCountsDto {
  @ApiProperty({ type: 'integer' }) rowsRead!: number;
  @ApiProperty({ type: 'integer', description: 'Items stored (one per organization named)' }) items!: number;
  @ApiProperty({ type: 'integer' }) matched!: number;
  @ApiProperty({ type: 'integer', description: 'Waiting in the review queue' }) review!: number;
  @ApiProperty({ type: 'integer', description: 'Not registered here (yet)' }) unregistered!: number;
  @ApiProperty({ type: 'integer' }) rejected!: number;
  @ApiProperty({ type: 'integer' }) dismissed!: number;
}

export class OfficialListDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LIST_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() sourceRef!: string;
  @ApiProperty({ format: 'date' }) listDate!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ['xlsx', 'csv'] }) fileFormat!: string;
  @ApiProperty({ description: 'SHA-256 of the file' }) sha256!: string;
  @ApiProperty({ enum: ['importing', 'completed', 'failed'] }) status!: string;
  @ApiProperty({ type: 'integer', nullable: true }) headerRow!: number | null;
  @ApiProperty({ type: [ColumnMappingDto] }) mapping!: ColumnMappingDto[];
  @ApiProperty({ type: 'integer', nullable: true }) itemsTotal!: number | null;
  @ApiProperty({ type: 'integer' }) itemsDone!: number;
  @ApiProperty({ type: ListCountsDto }) counts!: ListCountsDto;
  @ApiProperty({ type: 'string', nullable: true }) failure!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: 'string' }) completedAt!: string | null;
}

export class OfficialListPageDto {
  @ApiProperty({ type: [OfficialListDto] }) items!: OfficialListDto[];
}

export class CandidateDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['same_name', 'credit_code_differs', 'legal_form_differs', 'brackets_differ', 'contains', 'edit_distance'] }) reason!: string;
  @ApiProperty() reasonZh!: string;
  @ApiProperty() reasonEn!: string;
}

export class ListRowDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) listId!: string;
  @ApiProperty({ type: 'integer' }) rowNumber!: number;
  @ApiProperty({ type: 'integer', nullable: true }) partyRank!: number | null;
  @ApiProperty({ enum: ROW_STATUSES }) status!: string;
  @ApiProperty({ type: 'string', nullable: true }) partyName!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) creditCode!: string | null;
  @ApiProperty({ ...STRING_MAP }) fields!: Record<string, string>;
  @ApiProperty({ type: [String], nullable: true, description: 'A refused row as read' }) cells!: string[] | null;
  @ApiProperty({ type: 'string', nullable: true }) reasonZh!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) reasonEn!: string | null;
  @ApiProperty({ type: 'string', nullable: true, format: 'uuid' }) organizationId!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) organizationName!: string | null;
  @ApiProperty({ enum: ['credit_code', 'exact_name', 'officer'], nullable: true }) matchMethod!: string | null;
  @ApiProperty({ type: [CandidateDto] }) candidates!: CandidateDto[];
  @ApiProperty({ type: 'string', nullable: true }) resolutionNote!: string | null;
  @ApiProperty({ type: 'string', nullable: true, format: 'date-time' }) resolvedAt!: string | null;
}

export class ListRowPageDto {
  @ApiProperty({ type: [ListRowDto] }) items!: ListRowDto[];
}

export class ReviewRowDto extends ListRowDto {
  @ApiProperty() listTitle!: string;
  @ApiPropertyOptional({ enum: LIST_KINDS }) listKind!: string;
}

export class ReviewQueuePageDto {
  @ApiProperty({ type: [ReviewRowDto] }) items!: ReviewRowDto[];
}
