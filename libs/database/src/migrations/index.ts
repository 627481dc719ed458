import { Foundation1763900000000 } from './1763900000000-Foundation';
import { Auth1763900001000 } from './1763900001000-Auth';
import { Queue1763900002000 } from './1763900002000-Queue';
import { Workflow1763900003000 } from './1763900003000-Workflow';
import { Review1763900004003 } from './1763900004003-Review';
import { Finance1763900005000 } from './1763900005000-Finance';
import { FundUseReports1763900006000 } from './1763900006000-FundUseReports';
import { AllocationApprovals1763900007300 } from './1763900007300-AllocationApprovals';
import { AuditChainChecks1763900008400 } from './1763900008400-AuditChainChecks';
import { AccountSecurity1763900009100 } from './1763900009100-AccountSecurity';
import { DecisionSnapshotsAndRenameRequests1763900009200 } from './1763900009200-DecisionSnapshotsAndRenameRequests';
import { RegistrationReviewAndPayeeAccounts1763900009300 } from './1763900009300-RegistrationReviewAndPayeeAccounts';
import { ObjectionFloods1763900009400 } from './1763900009400-ObjectionFloods';
import { RevenueSharingRatios1763900009614 } from './1763900009614-RevenueSharingRatios';
import { ReviewAssignees1763900011010 } from './1763900011010-ReviewAssignees';
import { HolidayCalendar1763900011050 } from './1763900011050-HolidayCalendar';
import { PolicyVersions1763900012000 } from './1763900012000-PolicyVersions';
import { OfficialLists1763900012100 } from './1763900012100-OfficialLists';
import { ExpertDeclarations1763900012300 } from './1763900012300-ExpertDeclarations';
import { TenantListIndexes1763900012400 } from './1763900012400-TenantListIndexes';
import { IdempotencyLeases1763900012500 } from './1763900012500-IdempotencyLeases';
import { EmailSendIntents1763900012600 } from './1763900012600-EmailSendIntents';

/** Every migration in order. Listed explicitly so compiled and test runs load the same set. */
export const MIGRATIONS = [Foundation1763900000000, Auth1763900001000, Queue1763900002000, Workflow1763900003000, Review1763900004003, Finance1763900005000, FundUseReports1763900006000, AllocationApprovals1763900007300, AuditChainChecks1763900008400, AccountSecurity1763900009100, DecisionSnapshotsAndRenameRequests1763900009200, RegistrationReviewAndPayeeAccounts1763900009300, ObjectionFloods1763900009400, RevenueSharingRatios1763900009614, ReviewAssignees1763900011010, HolidayCalendar1763900011050, PolicyVersions1763900012000, OfficialLists1763900012100, ExpertDeclarations1763900012300, TenantListIndexes1763900012400, IdempotencyLeases1763900012500, EmailSendIntents1763900012600];
