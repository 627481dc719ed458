import { addDays, cstDateOf } from '@subsidy/calendar';
import { TenantDefinition } from '@subsidy/tenancy';
import { DEMO_PASSWORD } from './seed-demo';

/** What happened to one tenant's demo program. */
export interface DemoProgramOutcome {
  tenant: string;
  /** created: drafted and scheduled now; exists: an earlier run made it; skipped: no policy text in force today. */
  outcome: 'created' | 'exists' | 'skipped';
  detail: string;
  programId?: string;
}

interface PolicyVersion {
  id: string;
  title: string;
  effectiveTo: string | null;
  inForce: boolean;
}

interface Template {
  window: { kind: 'batch' | 'rolling'; latestClose: string | null };
  review: unknown;
}

const WINDOW_DAYS = 60;
const BUDGET_FEN = 500_000_000; // 5,000,000 yuan

/**
 * Drafts and schedules one open call per tenant through the public API, as the tenant's demo officer would: the
 * policy version in force today, the settings its text fixes (GET /programs/template), a window from now for
 * WINDOW_DAYS (cut at the text's expiry). A tenant whose every text has expired gets none: a program may not run
 * under a lapsed text. Running it again finds the program by its title and changes nothing.
 */
export async function seedDemoPrograms(baseUrl: string, tenants: readonly TenantDefinition[], now: Date): Promise<DemoProgramOutcome[]> {
  const outcomes: DemoProgramOutcome[] = [];
  for (const tenant of tenants.filter((t) => t.kind !== 'platform')) {
    outcomes.push(await seedTenantProgram(new DemoApi(baseUrl, tenant.id), tenant, now));
  }
  return outcomes;
}

async function seedTenantProgram(api: DemoApi, tenant: TenantDefinition, now: Date): Promise<DemoProgramOutcome> {
  await api.login('officer');
  const { items: versions } = await api.get<{ items: PolicyVersion[] }>('/api/v1/policies');
  const policy = versions.filter((v) => v.inForce).pop();
  const today = cstDateOf(now);
  if (!policy) return { tenant: tenant.id, outcome: 'skipped', detail: `no policy text in force on ${today}` };
  const year = Number(today.slice(0, 4));
  const title = `${year}年度${tenant.nameZh}标准化资助（演示）`;
  const { items: programs } = await api.get<{ items: Array<{ id: string; title: string }> }>('/api/v1/programs');
  const existing = programs.find((p) => p.title === title);
  if (existing) return { tenant: tenant.id, outcome: 'exists', detail: title, programId: existing.id };

  const template = await api.get<Template>(`/api/v1/programs/template?policyId=${encodeURIComponent(policy.id)}`);
  const lastDay = [addDays(today, WINDOW_DAYS), template.window.latestClose].filter((d): d is string => d !== null).sort()[0];
  const program = await api.post<{ id: string }>('/api/v1/programs', {
    year,
    title,
    policyId: policy.id,
    window: { kind: template.window.kind, opensAt: now.toISOString(), closesAt: `${lastDay}T17:00:00+08:00` },
    call: {
      title: `关于申报${title}的通知`,
      body: `依据《${policy.title}》，现启动${year}年度标准化资助申报。演示数据，非真实通知。`,
      materials: { standard: ['标准文本', '发布公告'] },
    },
    review: template.review,
    budget: { totalFen: BUDGET_FEN, rule: 'pro_rata', sources: [{ source: 'city', amountFen: BUDGET_FEN }] },
  });
  await api.post(`/api/v1/programs/${program.id}/schedule`, {});
  return { tenant: tenant.id, outcome: 'created', detail: `${title} under ${policy.id}, open until ${lastDay}`, programId: program.id };
}

/** The few calls the seeders make, failing loudly with the API's own error body. */
export class DemoApi {
  private token: string | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly tenant: string,
  ) {}

  async login(username: string): Promise<void> {
    const session = await this.send<{ accessToken: string }>('POST', '/api/v1/auth/login', { tenant: this.tenant, username, password: DEMO_PASSWORD });
    this.token = session.accessToken;
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`demo programs, ${this.tenant}: ${method} ${path} answered ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
