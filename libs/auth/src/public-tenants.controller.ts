import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from './decorators/public.decorator';
import { TenantDirectory } from './tenant-directory';

export class PublicTenantDto {
  @ApiProperty({ example: 'beijing', description: 'The id a sign-in or a public page names the tenant by' })
  id!: string;

  @ApiProperty({ example: '北京市', description: 'The Chinese name people choose the tenant by' })
  nameZh!: string;

  @ApiProperty({ example: 'Beijing' })
  nameEn!: string;
}

/** Who runs programs here: the sign-in page lets people choose their government by its Chinese name. */
@ApiTags('public')
@Public()
@Controller('public/tenants')
export class PublicTenantsController {
  constructor(private readonly tenants: TenantDirectory) {}

  @Get()
  @ApiOkResponse({ type: PublicTenantDto, isArray: true, description: 'Every government tenant, ordered by its Chinese name' })
  list(): Promise<PublicTenantDto[]> {
    return this.tenants.governments();
  }
}
