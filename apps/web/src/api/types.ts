import type { components, operations } from './schema';

/**
 * Convenient names for the API's response and request shapes, generated from its OpenAPI document
 * (apps/web/openapi.json → schema.d.ts). Screens import these instead of mirroring server views by hand.
 */
export type Schemas = components['schemas'];

export type ProgramView = Schemas['ProgramViewDto'];
export type ProgramDetail = Schemas['ProgramDetailDto'];
export type ProgramTemplate = Schemas['ProgramTemplateDto'];
export type ProgramInput = Schemas['ProgramDto'];
export type ReviewSettings = Schemas['ReviewSettingsDto'];
export type ProcedureCitation = Schemas['ProcedureCitationView'];
export type PolicyVersion = Schemas['PolicyVersionDto'];
export type ApplicationSummary = Schemas['ApplicationSummaryDto'];
export type ApplicationDetail = Schemas['ApplicationDetailDto'];
export type EvidenceView = Schemas['EvidenceDto'];
export type ReviewHistoryEntry = Schemas['ReviewHistoryEntryDto'];
export type EstimateView = Schemas['EstimateResponse'];
export type EstimateItem = Schemas['ResultItemDto'];
export type EarlierAward = Schemas['EarlierAwardResponse'];
export type TraceEntry = Schemas['TraceEntryDto'];
export type AuditTrailEntry = Schemas['AuditTrailEntryDto'];
export type ReviewStage = Schemas['ReviewStage'];
export type Achievement = Schemas['Achievement'];
export type RegistrationView = Schemas['RegistrationDto'];

/** The query a list endpoint takes (its sort and filter values are the API's own enums). */
export type ApplicationListQuery = NonNullable<operations['ApplicationsController_list']['parameters']['query']>;
export type ProgramListQuery = NonNullable<operations['ProgramsController_list']['parameters']['query']>;
export type PublicPublicityListQuery = NonNullable<operations['PublicPublicityController_list']['parameters']['query']>;
