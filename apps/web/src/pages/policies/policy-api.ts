import { api, unwrap, unwrapPage } from '../../api/client';
import type { components } from '../../api/schema';

/**
 * The policy-version calls of the drafting screens (issue 11), typed by the API's own document (apps/web/openapi.json
 * → schema.d.ts): the drafting operations (libs/policy-versions/src/drafting) and the what-if (…/what-if).
 */
type Schemas = components['schemas'];

export type PolicyVersionSummary = Schemas['PolicyVersionSummaryDto'];
export type PolicyVersionDetail = Schemas['PolicyVersionDetailDto'];
export type PolicyVersionState = PolicyVersionSummary['state'];
export type ValidationResult = Schemas['PolicyValidationDto'];
export type ValidationError = Schemas['PolicyValidationErrorDto'];
export type ValueChange = Schemas['DocumentChangeDto'];
export type CaseRun = Schemas['CaseRunDto'];
export type CaseResult = Schemas['CaseResultDto'];
export type CaseTraceEntry = Schemas['CaseTraceLineDto'];
export type WhatIfReport = Schemas['WhatIfReportDto'];
export type PolicyOverview = Schemas['PolicyVersionsOverviewDto'];

const path = (id: string) => ({ params: { path: { id } } });

export async function fetchVersions(query: { state?: PolicyVersionState; policyId?: string; page?: number; pageSize?: number }) {
  return unwrapPage(await api.GET('/api/v1/policy-versions', { params: { query } }));
}

export async function fetchVersion(id: string): Promise<PolicyVersionDetail> {
  return unwrap(await api.GET('/api/v1/policy-versions/{id}', path(id)));
}

export async function createDraft(body: { policyId: string; basedOnId?: string; sourceText?: string; changeNote?: string }): Promise<PolicyVersionDetail> {
  return unwrap(await api.POST('/api/v1/policy-versions', { body }));
}

export async function saveDraft(id: string, body: { version: number; sourceText?: string; casesText?: string; changeNote?: string }): Promise<PolicyVersionDetail> {
  return unwrap(await api.PUT('/api/v1/policy-versions/{id}', { ...path(id), body }));
}

export async function validateText(sourceText: string, signal?: AbortSignal): Promise<ValidationResult> {
  return unwrap(await api.POST('/api/v1/policy-versions/validate', { body: { sourceText }, signal }));
}

export async function runCases(id: string): Promise<CaseRun> {
  return unwrap(await api.POST('/api/v1/policy-versions/{id}/cases/run', path(id)));
}

export async function submitVersion(id: string, version: number): Promise<PolicyVersionDetail> {
  return unwrap(await api.POST('/api/v1/policy-versions/{id}/submit', { ...path(id), body: { version } }));
}

export async function approveVersion(id: string, version: number): Promise<PolicyVersionDetail> {
  return unwrap(await api.POST('/api/v1/policy-versions/{id}/approve', { ...path(id), body: { version } }));
}

export async function returnVersion(id: string, version: number, reason: string): Promise<PolicyVersionDetail> {
  return unwrap(await api.POST('/api/v1/policy-versions/{id}/return', { ...path(id), body: { version, reason } }));
}

export async function runWhatIf(id: string, body: { programId?: string; year?: number }): Promise<WhatIfReport> {
  return unwrap(await api.POST('/api/v1/policy-versions/{id}/what-if', { ...path(id), body }));
}

export async function fetchOverview(): Promise<PolicyOverview> {
  return unwrap(await api.GET('/api/v1/policy-versions/overview'));
}
