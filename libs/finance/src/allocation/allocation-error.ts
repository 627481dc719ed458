export interface AllocationErrorDetail {
  path: string;
  message: string;
}

/** Bad input to the budget allocation; `details` name the offending fields by JSON path. */
export class AllocationError extends Error {
  readonly code = 'invalid_allocation_input';
  constructor(
    message: string,
    readonly details: AllocationErrorDetail[],
  ) {
    super(message);
    this.name = 'AllocationError';
  }
}

export function invalidAllocation(path: string, message: string): AllocationError {
  return new AllocationError(`${path}: ${message}`, [{ path, message }]);
}
