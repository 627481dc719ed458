import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ValidationFailedError } from '@subsidy/common';
import { Public } from './decorators/public.decorator';
import { TENANT_ID_PATTERN } from './dto/fields';
import { TenantDistricts } from './tenant-districts';

export class PublicDistrictDto {
  @ApiProperty({ example: '110108', pattern: '^[0-9]{6}$', description: 'The district\'s administrative division code (GB/T 2260), what a registration sends' })
  code!: string;

  @ApiProperty({ example: '海淀区', description: 'The Chinese name people choose the district by' })
  nameZh!: string;

  @ApiProperty({ example: 'Haidian District' })
  nameEn!: string;
}

export class PublicDistrictListDto {
  @ApiProperty({ type: PublicDistrictDto, isArray: true, description: 'Every district of the tenant, by division code' })
  items!: PublicDistrictDto[];
}

/** The districts an organization registering itself chooses from (no sign-in): a tenant's own, no other's. */
@ApiTags('public')
@Public()
@Controller('public/tenants/:tenantId/districts')
export class PublicDistrictsController {
  constructor(private readonly districts: TenantDistricts) {}

  @Get()
  @ApiOkResponse({ type: PublicDistrictListDto, description: 'The tenant\'s districts (a handful: not paged)' })
  @ApiNotFoundResponse({ description: '`unknown_tenant`: no government tenant has this id' })
  async list(@Param('tenantId') tenantId: string): Promise<PublicDistrictListDto> {
    if (tenantId.length > 63 || !TENANT_ID_PATTERN.test(tenantId)) {
      throw new ValidationFailedError({ zh: '链接中的地区标识有误', en: 'Invalid request: tenantId' }, [
        { path: 'tenantId', message: 'tenantId must be a tenant id such as "weihai"', messageZh: '地区标识有误' },
      ]);
    }
    return { items: await this.districts.list(tenantId) };
  }
}
