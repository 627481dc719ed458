export {
  allocateBudget,
  type AwardRequest,
  type AllocationRule,
  type AllocationOptions,
  type Allocation,
  type AllocationResult,
} from './allocate-budget';
export { AllocationError, type AllocationErrorDetail } from './allocation-error';
