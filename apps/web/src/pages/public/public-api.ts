import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Schemas } from '../../api/types';

/** What the public pages read: the API's own shapes, generated from its OpenAPI document (api/types.ts). */
export type PublicTenant = Schemas['PublicTenantDto'];
export type PublicitySummary = Schemas['PublicPublicitySummaryResponse'];
export type PublicAwardItem = Schemas['PublicAwardItemResponse'];
export type PublicAward = Schemas['PublicAwardResponse'];
export type PublicityDetail = Schemas['PublicPublicityResponse'];
export type ObjectionReceipt = Schemas['ObjectionReceiptResponse'];

export function usePublicTenantList() {
  return useQuery({
    queryKey: ['public-tenants'],
    queryFn: async () => unwrap(await api.GET('/api/v1/public/tenants')),
    staleTime: 3_600_000,
  });
}

export function useTenantName(tenantId: string | undefined, locale: 'zh' | 'en'): string | undefined {
  const tenants = usePublicTenantList();
  const tenant = tenants.data?.find((candidate) => candidate.id === tenantId);
  return tenant ? (locale === 'zh' ? tenant.nameZh : tenant.nameEn) : undefined;
}
