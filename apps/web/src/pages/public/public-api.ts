import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/**
 * What the public pages read. The OpenAPI document does not yet carry these answers' bodies, so their shapes are
 * written here from the API's response classes (libs/workflow/src/publicity/http/publicity-responses.ts).
 */
export interface PublicTenant {
  id: string;
  nameZh: string;
  nameEn: string;
}

export interface PublicitySummary {
  id: string;
  programTitle: string;
  programYear: number;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
}

export interface PublicAwardItem {
  item: string;
  policyItem: string | null;
  standardNo: string | null;
  article: string | null;
  amountFen: number | string;
}

export interface PublicAward {
  applicationId: string;
  applicantName: string;
  creditCode: string;
  district: string | null;
  totalFen: number | string;
  items: PublicAwardItem[];
}

export interface PublicityDetail extends PublicitySummary {
  receivingOffice?: string | null;
  awards: PublicAward[];
}

export interface ObjectionReceipt {
  referenceId: string;
  receivedAt: string;
  repeated: boolean;
}

/** A list answer's rows ({ items } or a bare array) and the total from X-Total-Count. */
export function pageOf<T>(outcome: { data?: unknown; error?: unknown; response: Response }): { rows: T[]; total: number } {
  const body = unwrap(outcome) as unknown;
  const rows = (Array.isArray(body) ? body : ((body as { items?: T[] } | undefined)?.items ?? [])) as T[];
  const header = outcome.response.headers.get('X-Total-Count');
  return { rows, total: header !== null && /^\d+$/.test(header) ? Number(header) : rows.length };
}

export function usePublicTenantList() {
  return useQuery({
    queryKey: ['public-tenants'],
    queryFn: async () => unwrap(await api.GET('/api/v1/public/tenants')) as unknown as PublicTenant[],
    staleTime: 3_600_000,
  });
}

export function useTenantName(tenantId: string | undefined, locale: 'zh' | 'en'): string | undefined {
  const tenants = usePublicTenantList();
  const tenant = tenants.data?.find((candidate) => candidate.id === tenantId);
  return tenant ? (locale === 'zh' ? tenant.nameZh : tenant.nameEn) : undefined;
}
