import { DomainError } from '@subsidy/common';

/** The policy file a program was configured with has changed since; its figures can no longer be trusted as-is. */
export class PolicyVersionChangedError extends DomainError {
  readonly code = 'policy_version_changed';
  readonly status = 409;
  constructor(policyId: string, detail: string) {
    super(`The policy version ${policyId} this program uses ${detail}; a program's policy is frozen once configured, so the program office must check the program before it can be used`);
  }
}

/** A close job that overtook the opening job of the same program; thrown so the queue retries it after the opening. */
export class ProgramNotOpenedYetError extends Error {
  constructor(programId: string) {
    super(`Program ${programId} has not been opened yet; closing waits for the opening job`);
  }
}

/**
 * A well-formed program configuration that its policy text forbids (window outside the text's validity, a required
 * review step off, a deadline or publicity period other than the text's). 422: the request is understood, but the
 * text it is bound to does not allow it. Details name each JSON path and the article.
 */
export class ProgramContradictsPolicyError extends DomainError {
  readonly code = 'contradicts_policy';
  readonly status = 422;
}
