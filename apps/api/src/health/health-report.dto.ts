import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI documentation of HealthReport (health.service.ts); never instantiated. */
export class HealthCheckView {
  @ApiProperty({ enum: ['up', 'down'], enumName: 'HealthCheckStatus' })
  declare status: 'up' | 'down';

  @ApiProperty({ type: 'integer', example: 3 })
  declare latencyMs: number;

  @ApiPropertyOptional({ description: 'Why the check failed' })
  declare error?: string;
}

export class OutboxCheckView extends HealthCheckView {
  @ApiPropertyOptional({ type: 'integer', description: 'Outbox rows due and not yet done' })
  declare pending?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Age of the oldest due row' })
  declare oldestPendingSeconds?: number;
}

export class HealthChecksView {
  @ApiProperty({ type: () => HealthCheckView })
  declare database: HealthCheckView;

  @ApiProperty({ type: () => HealthCheckView })
  declare redis: HealthCheckView;

  @ApiProperty({ type: () => OutboxCheckView })
  declare outbox: OutboxCheckView;
}

export class HealthReportDto {
  @ApiProperty({ enum: ['ok', 'degraded'], enumName: 'HealthStatus' })
  declare status: 'ok' | 'degraded';

  @ApiProperty({ type: () => HealthChecksView })
  declare checks: HealthChecksView;
}
