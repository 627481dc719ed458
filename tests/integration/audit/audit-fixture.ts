import { AuditEntry, AuditLog } from '@subsidy/audit';
import { AppConfig } from '@subsidy/config';
import { openAppDataSource, TenantTransactions } from '@subsidy/database';
import { SYSTEM_ACTOR, RequestContextStore } from '@subsidy/tenancy';
import { DataSource } from 'typeorm';

/** TypeORM as the application role, exactly as the product connects, with the real AuditLog on top. */
export function appDataSource(config: AppConfig): Promise<DataSource> {
  return openAppDataSource(config, 4);
}

export async function recordEntries(dataSource: DataSource, tenantId: string, entries: AuditEntry[]): Promise<void> {
  const transactions = new TenantTransactions(dataSource);
  const auditLog = new AuditLog();
  for (const entry of entries) {
    await RequestContextStore.run({ tenantId, actor: SYSTEM_ACTOR }, () => transactions.run((manager) => auditLog.record(manager, entry)));
  }
}

export function sampleEntries(count: number): AuditEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    action: 'organization.registered',
    entityType: 'organization',
    entityId: `org-${i + 1}`,
    reason: i % 2 === 0 ? null : `reason ${i + 1}`,
    data: { index: i + 1, nested: { b: 2, a: [1, 'two', { z: true, y: null }] } },
  }));
}
