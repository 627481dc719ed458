import { TenantDefinition } from '@subsidy/tenancy';
import { DEMO_ORGANIZATIONS } from './demo-organizations';
import { DemoApi } from './seed-programs';

export interface DemoRegistrationOutcome {
  tenant: string;
  /** approved: by this run; verified: an earlier run (or an older install) had approved it already. */
  outcome: 'approved' | 'verified';
  organization: string;
}

interface Registration {
  organizationId: string;
  uscc: string;
}

/**
 * A self-registered organization may submit only once its district or the city has approved the registration. The demo
 * organization of each tenant is approved here through the API, as the tenant's demo officer would after checking the
 * licence, so the demo applicant can submit at once. Running it again finds nothing pending and changes nothing.
 */
export async function approveDemoOrganizations(baseUrl: string, tenants: readonly TenantDefinition[]): Promise<DemoRegistrationOutcome[]> {
  const outcomes: DemoRegistrationOutcome[] = [];
  for (const tenant of tenants) {
    const organization = DEMO_ORGANIZATIONS[tenant.id];
    if (!organization) continue;
    const api = new DemoApi(baseUrl, tenant.id);
    await api.login('officer');
    const { items } = await api.get<{ items: Registration[] }>(`/api/v1/organization-registrations?status=pending_review&q=${encodeURIComponent(organization.uscc)}`);
    const pending = items.find((r) => r.uscc === organization.uscc);
    if (pending) {
      await api.post(`/api/v1/organizations/${pending.organizationId}/registration/approve`, { note: '演示数据：已核对营业执照' });
    }
    outcomes.push({ tenant: tenant.id, outcome: pending ? 'approved' : 'verified', organization: organization.name });
  }
  return outcomes;
}
