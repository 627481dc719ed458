import { api, ApiError, languageHeader, unwrap } from '../../api/client';
import { currentSession } from '../../auth/session';

/**
 * What the applicant's screens read from the API, typed here from the API's own views (libs/workflow applications,
 * programs, pricing): several of these answers still lack a response schema in the OpenAPI document, so the typed
 * client gives them no shape; these interfaces mirror the server's classes and the calls go through `api` as usual.
 */
export type Achievement = Record<string, unknown> & { id: string; type: string };

export interface ProgramView {
  id: string;
  year: number;
  title: string;
  status: string;
  window: { kind: 'batch' | 'rolling'; opensAt: string; closesAt: string };
  call: { title: string; body: string; materials: Record<string, string[]>; receivingOffice?: string };
  review?: { stages: Record<string, boolean>; stageOrder?: string[] };
}

export interface EvidenceView {
  id: string;
  achievementId: string | null;
  material: string | null;
  mime: string;
  sizeBytes: number;
  originalName: string;
  uploadedAt: string;
}

export interface MaterialsCheck {
  complete: boolean;
  achievements: Array<{ achievementId: string; type: string; required: Array<{ material: string; evidenceIds: string[]; present: boolean }>; missing: string[] }>;
}

export interface ReviewHistoryEntry {
  stage: string;
  outcome: string;
  reasons: unknown;
  missing: unknown;
  dueOn: string | null;
  at: string;
}

export interface DecidedItem {
  achievementId: string;
  article: string | null;
  basis: 'fixed' | 'ceiling';
  ceilingFen: number;
  decidedFen: number;
  reason: string | null;
}

export interface ApplicationPayment {
  status: string;
  payableFen: number;
  paidFen: number;
  clawedBackFen: number;
}

export interface ApplicationSummary {
  id: string;
  programId: string;
  organizationId: string;
  organizationName: string;
  status: string;
  stageDueOn: string | null;
  returnStage: string | null;
  estimateTotalFen: number | string | null;
  decidedTotalFen: number | string | null;
  declaredAt: string | null;
  submittedAt: string | null;
  submissionCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationDetail extends ApplicationSummary {
  achievements: Achievement[];
  evidence: EvidenceView[];
  materials: MaterialsCheck;
  reviewHistory: ReviewHistoryEntry[];
  decision: DecidedItem[] | null;
  payment: ApplicationPayment | null;
  displayStatus: string;
}

export interface TraceEntry {
  rule: string;
  article: string;
  amountFen: number;
  source?: string;
  text?: { zh: string; en: string };
}

export interface EstimateItem {
  achievementId: string;
  itemId: string | null;
  outcome: 'awarded' | 'rejected';
  amountFen: number;
  basis: 'fixed' | 'ceiling' | null;
  article: string | null;
  reasons: string[];
  trace: TraceEntry[];
}

export interface EstimateView {
  applicationId: string;
  applicationDate: string;
  programYear: number;
  policy: { id: string; title: string; effectiveFrom: string; effectiveTo: string | null };
  totalFen: number;
  items: EstimateItem[];
  earlierAwards: Array<{ achievementId: string; programTitle: string; programYear: number; decidedFen: number }>;
  rollingCall?: { article: string; text: string; notAccepted: Array<{ path: string; message: string; messageZh?: string }> };
}

export interface RegistrationView {
  organizationId: string;
  status: string;
  reason: string | null;
}

/** An answer whose shape the document does not (yet) give: the body as the server's view says. */
function as<T>(value: unknown): T {
  return value as T;
}

/** A list endpoint's `{ items }` page and its X-Total-Count. */
function page<T>(outcome: { data?: unknown; error?: unknown; response: Response }): { rows: T[]; total: number } {
  const body = unwrap(outcome) as { items?: T[] } | T[] | undefined;
  const rows = Array.isArray(body) ? body : body?.items ?? [];
  const header = outcome.response.headers.get('X-Total-Count');
  return { rows, total: header !== null && /^\d+$/.test(header) ? Number(header) : rows.length };
}

export async function openPrograms(pageNumber: number, pageSize: number, sort = 'closesAt'): Promise<{ rows: ProgramView[]; total: number }> {
  return page<ProgramView>(await api.GET('/api/v1/programs', { params: { query: { status: 'open', page: pageNumber, pageSize, sort: sort as never } } }));
}

export async function programsById(): Promise<Map<string, ProgramView>> {
  const { rows } = page<ProgramView>(await api.GET('/api/v1/programs', { params: { query: { page: 1, pageSize: 200, sort: '-year' } } }));
  return new Map(rows.map((program) => [program.id, program]));
}

export async function getProgram(id: string): Promise<ProgramView> {
  return as<ProgramView>(unwrap(await api.GET('/api/v1/programs/{id}', { params: { path: { id } } })));
}

export async function startApplication(programId: string): Promise<{ id: string }> {
  return as<{ id: string }>(unwrap(await api.POST('/api/v1/programs/{programId}/applications', { params: { path: { programId } } })));
}

export async function myApplications(params: { page: number; pageSize: number; sort?: string; status?: string }): Promise<{ rows: ApplicationSummary[]; total: number }> {
  return page<ApplicationSummary>(
    await api.GET('/api/v1/applications', {
      params: { query: { page: params.page, pageSize: params.pageSize, sort: (params.sort ?? '-createdAt') as never, status: params.status as never } },
    }),
  );
}

export async function getApplication(id: string): Promise<ApplicationDetail> {
  return as<ApplicationDetail>(unwrap(await api.GET('/api/v1/applications/{id}', { params: { path: { id } } })));
}

export async function saveAchievements(id: string, achievements: Achievement[]): Promise<void> {
  unwrap(await api.PUT('/api/v1/applications/{id}/achievements', { params: { path: { id } }, body: { achievements } as never }));
}

export async function getEstimate(id: string): Promise<EstimateView> {
  return as<EstimateView>(unwrap(await api.GET('/api/v1/applications/{id}/estimate', { params: { path: { id } } })));
}

export async function declare(id: string, statement: string): Promise<{ declaredAt: string }> {
  return as<{ declaredAt: string }>(
    unwrap(await api.POST('/api/v1/applications/{id}/declaration', { params: { path: { id } }, body: { accepted: true, statement } as never })),
  );
}

export async function submitApplication(id: string, key: string): Promise<{ status: string; submittedAt: string }> {
  return as<{ status: string; submittedAt: string }>(
    unwrap(await api.POST('/api/v1/applications/{id}/submit', { params: { path: { id }, header: { 'Idempotency-Key': key } } as never })),
  );
}

export async function removeEvidence(id: string): Promise<void> {
  unwrap(await api.DELETE('/api/v1/evidence/{id}', { params: { path: { id } } }));
}

export async function registrationOf(organizationId: string): Promise<RegistrationView> {
  return as<RegistrationView>(unwrap(await api.GET('/api/v1/organizations/{id}/registration', { params: { path: { id: organizationId } } })));
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
