import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI documentation of AuditChainCheckView (libs/audit/src/chain-checks/audit-chain-check.ts); never instantiated. */
export class AuditChainHeadView {
  @ApiProperty({ pattern: '^[0-9]+$', example: '1024', description: 'Sequence number, a decimal string' })
  declare seq: string;

  @ApiProperty()
  declare hash: string;
}

export class AuditChainBreakView {
  @ApiProperty({ pattern: '^[0-9]+$', example: '1024', description: 'Sequence number, a decimal string' })
  declare seq: string;

  @ApiProperty({ enum: ['edited', 'missing', 'out_of_order', 'link_broken', 'head_mismatch'], enumName: 'AuditChainBreakKind' })
  declare kind: string;

  @ApiProperty()
  declare reason: string;
}

export class AuditChainCheckDto {
  @ApiProperty({ format: 'date', description: 'The CST day the check belongs to' })
  declare checkedOn: string;

  @ApiProperty({ format: 'date-time' })
  declare checkedAt: string;

  @ApiProperty()
  declare ok: boolean;

  @ApiProperty({ type: 'integer' })
  declare recordsChecked: number;

  @ApiProperty({ type: () => AuditChainHeadView, nullable: true, description: 'null when the chain is broken' })
  declare head: AuditChainHeadView | null;

  @ApiProperty({ type: () => AuditChainBreakView, nullable: true })
  declare broken: AuditChainBreakView | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "When that day's alert went out" })
  declare alertedAt: string | null;
}

export class AuditChainCheckListDto {
  @ApiProperty({ type: () => [AuditChainCheckDto] })
  declare items: AuditChainCheckDto[];
}
