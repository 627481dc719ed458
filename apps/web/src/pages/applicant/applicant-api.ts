import { api, ApiError, languageHeader, unwrap, unwrapPage } from '../../api/client';
import type { Achievement, ApplicationDetail, ApplicationListQuery, ApplicationSummary, EstimateView, EvidenceView, ProgramDetail, ProgramListQuery, ProgramView, Schemas } from '../../api/types';
import { currentSession } from '../../auth/session';

/**
 * The applicant's calls to the API. Every shape comes from the API's own OpenAPI document through the generated
 * client (apps/web/src/api/schema.d.ts): a field the API does not document fails the build here.
 */
export async function openPrograms(pageNumber: number, pageSize: number, sort?: string): Promise<{ rows: ProgramView[]; total: number }> {
  const order = (sort ?? 'closesAt') as ProgramListQuery['sort'];
  return unwrapPage(await api.GET('/api/v1/programs', { params: { query: { status: 'open', page: pageNumber, pageSize, sort: order } } }));
}

export async function programsById(): Promise<Map<string, ProgramView>> {
  const { rows } = unwrapPage(await api.GET('/api/v1/programs', { params: { query: { page: 1, pageSize: 200, sort: '-year' } } }));
  return new Map(rows.map((program) => [program.id, program]));
}

export async function getProgram(id: string): Promise<ProgramDetail> {
  return unwrap(await api.GET('/api/v1/programs/{id}', { params: { path: { id } } }));
}

export async function startApplication(programId: string): Promise<Schemas['ApplicationRecordDto']> {
  return unwrap(await api.POST('/api/v1/programs/{programId}/applications', { params: { path: { programId } } }));
}

export async function myApplications(params: { page: number; pageSize: number; sort?: string; status?: string }): Promise<{ rows: ApplicationSummary[]; total: number }> {
  const query: ApplicationListQuery = {
    page: params.page,
    pageSize: params.pageSize,
    sort: (params.sort ?? '-createdAt') as ApplicationListQuery['sort'],
    status: params.status as ApplicationListQuery['status'],
  };
  return unwrapPage(await api.GET('/api/v1/applications', { params: { query } }));
}

export async function getApplication(id: string): Promise<ApplicationDetail> {
  return unwrap(await api.GET('/api/v1/applications/{id}', { params: { path: { id } } }));
}

export async function saveAchievements(id: string, achievements: Achievement[]): Promise<void> {
  unwrap(await api.PUT('/api/v1/applications/{id}/achievements', { params: { path: { id } }, body: { achievements } }));
}

export async function getEstimate(id: string): Promise<EstimateView> {
  return unwrap(await api.GET('/api/v1/applications/{id}/estimate', { params: { path: { id } } }));
}

export async function declare(id: string, statement: string): Promise<Schemas['DeclarationResultDto']> {
  return unwrap(await api.POST('/api/v1/applications/{id}/declaration', { params: { path: { id } }, body: { accepted: true, statement } }));
}

export async function submitApplication(id: string, key: string): Promise<Schemas['SubmissionResultDto']> {
  return unwrap(await api.POST('/api/v1/applications/{id}/submit', { params: { path: { id }, header: { 'Idempotency-Key': key } } }));
}

export async function removeEvidence(id: string): Promise<void> {
  unwrap(await api.DELETE('/api/v1/evidence/{id}', { params: { path: { id } } }));
}

export async function registrationOf(organizationId: string): Promise<Schemas['RegistrationDto']> {
  return unwrap(await api.GET('/api/v1/organizations/{id}/registration', { params: { path: { id: organizationId } } }));
}

/**
 * Uploads one evidence file with XMLHttpRequest, which reports upload progress (fetch does not), to the same endpoint
 * and with the same headers as the typed client; a refusal becomes the API's ApiError.
 */
export function uploadEvidence(
  applicationId: string,
  file: File,
  fields: { achievementId?: string; material?: string },
  onProgress: (percent: number) => void,
): { promise: Promise<EvidenceView>; abort: () => void } {
  const request = new XMLHttpRequest();
  const promise = new Promise<EvidenceView>((resolve, reject) => {
    const form = new FormData();
    if (fields.achievementId) form.append('achievementId', fields.achievementId);
    if (fields.material) form.append('material', fields.material);
    form.append('file', file, file.name);
    request.open('POST', `/api/v1/applications/${encodeURIComponent(applicationId)}/evidence`);
    const session = currentSession();
    if (session) request.setRequestHeader('Authorization', `Bearer ${session.accessToken}`);
    request.setRequestHeader('Accept-Language', languageHeader());
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.floor((event.loaded * 100) / event.total));
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = {};
      }
      if (request.status >= 200 && request.status < 300) resolve(body as EvidenceView);
      else {
        const error = body as { code?: string; message?: string; details?: ApiError['details'] };
        reject(new ApiError(request.status, error.code ?? 'http_error', error.message ?? request.statusText, error.details ?? []));
      }
    };
    request.onerror = () => reject(new Error('network'));
    request.onabort = () => reject(new Error('aborted'));
    request.send(form);
  });
  return { promise, abort: () => request.abort() };
}
