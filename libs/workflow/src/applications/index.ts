/** Applications: the public pieces other areas (review, decision, finance) build on. */
export { ApplicationsModule } from './applications.module';
export { ApplicationAccess, EDITABLE_STATUSES } from './application-access';
export { ApplicationAchievements } from './application-achievements';
export { applicantAsSubmitted, type ApplicantSnapshot, currentApplicant } from './applicant-facts';
export { validateAchievements } from './achievement-validation';
export { futureAchievementDates } from './achievement-dates';
export { type AchievementMaterials, type MaterialsCheck, materialsCheck } from './required-materials';
export {
  AchievementsInvalidError,
  ApplicationExistsError,
  EvidenceCorruptedError,
  EvidenceNotFoundError,
  EvidenceRejectedError,
  MaterialsMissingError,
  NotAcceptedAllYearError,
  SubmissionIncompleteError,
} from './application-errors';
export { type AcceptedItem, acceptedItemsText, type RollingCall, rollingCallOf, rollingCallProblems } from './rolling-call';
export { type CallScope, callScopeOf, callScopeProblems } from './call-scope';
export { NotAcceptedByCallError } from './call-scope-errors';
export { EvidenceFiles, type EvidenceRecord, type EvidenceView } from './evidence/evidence-files';
export { EVIDENCE_MAX_BYTES, EVIDENCE_STORAGE } from './evidence/evidence-storage.provider';
export { ApplicationQueries, type ApplicationDetail, type ApplicationSummary } from './use-cases/application-queries';
export { CreateApplication } from './use-cases/create-application';
export { DeclareTruth } from './use-cases/declare-truth';
export { EstimateAward, type EstimateView } from './use-cases/estimate-award';
export { EvidenceAccess } from './use-cases/evidence-access';
export { ReplaceAchievements } from './use-cases/replace-achievements';
export { SubmitApplication, type SubmissionResult } from './use-cases/submit-application';
export { UploadEvidence } from './use-cases/upload-evidence';
export { WithdrawApplication } from './use-cases/withdraw-application';
