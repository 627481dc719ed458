import { api, unwrap } from '../../api/client';
import type { ApplicationSummary, PolicyVersion, ProgramView } from './types';

/**
 * The programs screens' calls, through the typed client. Lists answer `{ items }` with the total in X-Total-Count;
 * bodies are read through ./types until the generated schema carries the response shapes.
 */
interface Outcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export function itemsPage<T>(outcome: Outcome): { rows: T[]; total: number } {
  const body = unwrap(outcome) as { items?: T[] } | T[] | undefined;
  const rows = Array.isArray(body) ? body : body?.items ?? [];
  const header = outcome.response.headers.get('X-Total-Count');
  const total = header !== null && /^\d+$/.test(header) ? Number(header) : rows.length;
  return { rows, total };
}

export async function fetchProgram(id: string): Promise<ProgramView> {
  return unwrap(await api.GET('/api/v1/programs/{id}', { params: { path: { id } } })) as unknown as ProgramView;
}

/** Every policy version of the tenant (a handful), to name a program's text by its title. */
export async function fetchPolicies(): Promise<PolicyVersion[]> {
  return itemsPage<PolicyVersion>(await api.GET('/api/v1/policies')).rows;
}

/** Up to 200 applications of a program (the API's largest page), for the budget committed on the overview. */
export async function fetchProgramApplications(programId: string): Promise<{ rows: ApplicationSummary[]; total: number }> {
  return itemsPage<ApplicationSummary>(await api.GET('/api/v1/applications', { params: { query: { programId, pageSize: 200 } } }));
}
