/** Error codes the engine reports for bad input or missing configuration (FORMAT.md section 11). */
export type PolicyErrorCode =
  | 'invalid_request'
  | 'unknown_tenant'
  | 'no_policy_in_force'
  | 'missing_input'
  | 'invalid_policy';

/** An expected failure with a one-line message; callers show `message` and never a stack trace. */
export class PolicyEngineError extends Error {
  constructor(
    readonly code: PolicyErrorCode,
    message: string,
    /** JSON path of the offending request field, when there is one. */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'PolicyEngineError';
  }
}

/** A policy file that cannot be loaded, reported as `file:line: reason`. */
export class PolicyFileError extends PolicyEngineError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
    /** Where in the document (e.g. ['items', 3, 'ceiling']), when the loader knows it; editors point at the field. */
    readonly docPath?: (string | number)[],
  ) {
    super('invalid_policy', `${file}:${line}: ${reason}`);
    this.name = 'PolicyFileError';
  }
}

/** The HTTP status a service should answer with for each code (the CLI uses exit 2 for all but invalid_policy). */
export function httpStatusFor(code: PolicyErrorCode): number {
  switch (code) {
    case 'invalid_request':
    case 'missing_input':
      return 400;
    case 'unknown_tenant':
      return 404;
    case 'no_policy_in_force':
      return 422;
    case 'invalid_policy':
      return 500;
  }
}
