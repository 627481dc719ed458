import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { FinanceValidationError } from '../finance-errors';
import { assertCityLevel } from '../payer-access';
import { RevenueSharingDistrictUnknownError } from './revenue-sharing-errors';
import { RevenueSharingRatio, RevenueSharingStore } from './revenue-sharing-store';

export interface SetRevenueSharingCommand {
  districtCode: string;
  cityParts: number;
  districtParts: number;
  basis: string;
}

/**
 * Records (or changes) a district's city:district fiscal revenue-sharing ratio. City finance only: the ratio decides how
 * much every district pays. Audited with the previous ratio; programs already taken in keep the shares they got.
 */
@Injectable()
export class SetRevenueSharing {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, command: SetRevenueSharingCommand): Promise<RevenueSharingRatio> {
    assertCityLevel(actor);
    assertValid(command);
    return this.transactions.run(async (manager) => {
      const [district] = await queryRows<{ code: string }>(manager, `select code from districts where code = $1`, [command.districtCode]);
      if (!district) throw new RevenueSharingDistrictUnknownError(command.districtCode);
      const before = (await RevenueSharingStore.forDistricts(manager, [command.districtCode], true)).get(command.districtCode);
      const basis = command.basis.trim();
      if (before && before.cityParts === command.cityParts && before.districtParts === command.districtParts && before.basis === basis) return before;
      await manager.query(
        `insert into revenue_sharing_ratios (tenant_id, district_code, city_parts, district_parts, basis, set_by, set_at, version)
         values (current_setting('app.tenant_id', true), $1, $2, $3, $4, $5, $6, 1)
         on conflict (tenant_id, district_code) do update
           set city_parts = excluded.city_parts, district_parts = excluded.district_parts, basis = excluded.basis,
               set_by = excluded.set_by, set_at = excluded.set_at, version = revenue_sharing_ratios.version + 1`,
        [command.districtCode, command.cityParts, command.districtParts, basis, actor.id, this.clock.now()],
      );
      const after = (await RevenueSharingStore.forDistricts(manager, [command.districtCode])).get(command.districtCode)!;
      await this.audit.record(manager, {
        action: 'finance.revenue-sharing-set',
        entityType: 'district',
        entityId: command.districtCode,
        reason: basis,
        data: {
          cityParts: after.cityParts,
          districtParts: after.districtParts,
          basis,
          version: after.version,
          previous: before ? { cityParts: before.cityParts, districtParts: before.districtParts, basis: before.basis } : null,
        },
      });
      return after;
    });
  }
}

function assertValid(command: SetRevenueSharingCommand): void {
  if (!/^[0-9]{6}$/.test(command.districtCode)) {
    throw new FinanceValidationError({ zh: '区县代码有误', en: 'Invalid request: districtCode' }, [{ path: 'districtCode', message: 'must be a 6-digit district code', messageZh: '须为6位区县代码' }]);
  }
  if (command.cityParts + command.districtParts === 0) {
    throw new FinanceValidationError({ zh: '分享比例有误', en: 'Invalid request: cityParts' }, [{ path: 'cityParts', message: 'city and district parts cannot both be 0', messageZh: '市级与区县份额不能同时为0' }]);
  }
}
