import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { TENANT_ID_PATTERN } from '@subsidy/auth';
import { ValidationFailedError } from '@subsidy/common';

/** The tenant named in a public path; a malformed one is a 400 naming `tenantId`. */
@Injectable()
export class TenantIdPipe implements PipeTransform<string, string> {
  transform(value: string, _metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || value.length > 63 || !TENANT_ID_PATTERN.test(value)) {
      throw new ValidationFailedError({ zh: '链接中的地区标识有误', en: 'Invalid request: tenantId' }, [
        { path: 'tenantId', message: 'tenantId must be a tenant id such as "weihai"', messageZh: '地区标识有误' },
      ]);
    }
    return value;
  }
}
