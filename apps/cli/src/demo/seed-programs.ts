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
  const { items: programs } = await api.get<{ items: Array<{ id: string; title: string }> }>(`/api/v1/programs?q=${encodeURIComponent(title)}&pageSize=200`);
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

/**
 * The few calls the seeders make, failing loudly with the API's own error body. A token that expired (the history
 * replay moves the clock by weeks) is renewed once by signing in again; a 401 is answered before any change is made.
 */
export class DemoApi {
  private token: string | undefined;
  private username: string | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly tenant: string,
  ) {}

  async login(username: string): Promise<void> {
    this.token = undefined;
    const session = await this.send<{ accessToken: string }>('POST', '/api/v1/auth/login', { json: { tenant: this.tenant, username, password: DEMO_PASSWORD } });
    this.username = username;
    this.token = session.accessToken;
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.send<T>('POST', path, { json: body, headers });
  }

  put<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.send<T>('PUT', path, { json: body, headers });
  }

  /** A multipart upload: the part named `file` plus text fields. */
  upload<T>(path: string, fields: Record<string, string>, file: { bytes: Buffer; name: string; contentType: string }): Promise<T> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.name);
    return this.send<T>('POST', path, { form });
  }

  private async send<T>(method: string, path: string, payload: { json?: unknown; form?: FormData; headers?: Record<string, string> } = {}, renewed = false): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...(payload.headers ?? {}) };
    if (payload.json !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const body = payload.form ?? (payload.json === undefined ? undefined : JSON.stringify(payload.json));
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    if (response.status === 401 && this.token && this.username && !renewed) {
      await this.login(this.username);
      return this.send<T>(method, path, payload, true);
    }
    if (!response.ok) throw new Error(`demo programs, ${this.tenant}: ${method} ${path} answered ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
