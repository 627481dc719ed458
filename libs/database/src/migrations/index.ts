import { Foundation1763900000000 } from './1763900000000-Foundation';
import { Auth1763900001000 } from './1763900001000-Auth';
import { Queue1763900002000 } from './1763900002000-Queue';
import { Workflow1763900003000 } from './1763900003000-Workflow';
import { Review1763900004003 } from './1763900004003-Review';
import { Finance1763900005000 } from './1763900005000-Finance';
import { FundUseReports1763900006000 } from './1763900006000-FundUseReports';
import { AllocationApprovals1763900007300 } from './1763900007300-AllocationApprovals';
import { AuditChainChecks1763900008400 } from './1763900008400-AuditChainChecks';

/** Every migration in order. Listed explicitly so compiled and test runs load the same set. */
export const MIGRATIONS = [Foundation1763900000000, Auth1763900001000, Queue1763900002000, Workflow1763900003000, Review1763900004003, Finance1763900005000, FundUseReports1763900006000, AllocationApprovals1763900007300, AuditChainChecks1763900008400];
