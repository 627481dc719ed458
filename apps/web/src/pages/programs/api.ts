import { api, unwrap, unwrapPage } from '../../api/client';
import type { ApplicationSummary, PolicyVersion, ProgramView } from './types';

/** The programs screens' calls, through the typed client. Lists answer `{ items }` with the total in X-Total-Count. */

export async function fetchProgram(id: string): Promise<ProgramView> {
  return unwrap(await api.GET('/api/v1/programs/{id}', { params: { path: { id } } }));
}

/** Every policy version of the tenant (a handful), to name a program's text by its title. */
export async function fetchPolicies(): Promise<PolicyVersion[]> {
  return unwrapPage(await api.GET('/api/v1/policies')).rows;
}

/** Up to 200 applications of a program (the API's largest page), for the budget committed on the overview. */
export async function fetchProgramApplications(programId: string): Promise<{ rows: ApplicationSummary[]; total: number }> {
  return unwrapPage(await api.GET('/api/v1/applications', { params: { query: { programId, pageSize: 200 } } }));
}
