import { Injectable } from '@nestjs/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { UnknownTenantError } from './auth-errors';
import { TenantDirectory } from './tenant-directory';

export interface TenantDistrict {
  code: string;
  nameZh: string;
  nameEn: string;
}

/**
 * A government tenant's districts, for the registration form's district choice (no sign-in). The districts table is
 * tenant-owned, so it is read inside that tenant's transaction: row-level security admits its rows and no other's.
 */
@Injectable()
export class TenantDistricts {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly transactions: TenantTransactions,
  ) {}

  async list(tenantId: string): Promise<TenantDistrict[]> {
    const tenant = await this.tenants.find(tenantId);
    if (!tenant || tenant.kind !== 'government') throw new UnknownTenantError(tenantId);
    return this.transactions.runFor(tenantId, (manager) =>
      queryRows<TenantDistrict>(manager, `select code, name_zh as "nameZh", name_en as "nameEn" from districts order by code`),
    );
  }
}
