import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface TenantInfo {
  id: string;
  kind: 'government' | 'platform';
}

export const PLATFORM_TENANT_ID = 'platform';

/** The tenants table is not tenant-owned (the application role may read it), so it is read outside TenantTransactions. */
@Injectable()
export class TenantDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async find(tenantId: string): Promise<TenantInfo | undefined> {
    const rows = (await this.dataSource.query(`select id, kind from tenants where id = $1`, [tenantId])) as TenantInfo[];
    return rows[0];
  }

  /** Every government tenant (never the platform), in the order people look for them: by Chinese name. */
  async governments(): Promise<Array<{ id: string; nameZh: string; nameEn: string }>> {
    return (await this.dataSource.query(
      `select id, name_zh as "nameZh", name_en as "nameEn" from tenants where kind = 'government' order by convert_to(name_zh, 'GBK'), id`,
    )) as Array<{ id: string; nameZh: string; nameEn: string }>;
  }
}
